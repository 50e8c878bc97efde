// `npm run build:local`: bundles the local server (packages/functions/src/local/main.ts) into
// dist/local/main.mjs, so `npm run start:built` runs plain JavaScript on node instead of compiling
// TypeScript on the fly with tsx (whose loader, esbuild service process and per-file module records
// the server otherwise carries for its whole life). dynalite and argon2 stay in node_modules (the
// store's worker imports dynalite; argon2 loads a native binary); everything else is bundled.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { singleGraphql } from "./lambda-esbuild-plugins.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = join(root, "dist/local");

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: "packages/functions/src/local/main.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // Readable stack traces matter more than bytes on a developer's machine.
  minify: false,
  sourcemap: "linked",
  logLevel: "warning",
  external: ["dynalite", "@node-rs/argon2", "@node-rs/argon2-*"],
  plugins: [singleGraphql],
  banner: {
    js: [
      // CJS dependencies call require/__dirname; an ES module has neither.
      `import { createRequire as __createRequire } from "node:module";`,
      `import { fileURLToPath as __fileURLToPath } from "node:url";`,
      `const require = __createRequire(import.meta.url);`,
      `const __filename = __fileURLToPath(import.meta.url);`,
      `const __dirname = __fileURLToPath(new URL(".", import.meta.url));`,
    ].join("\n"),
  },
});
// embedded-dynamo.ts starts its worker from new URL("./dynamo-worker.mjs", import.meta.url).
copyFileSync(join(root, "packages/functions/src/local/dynamo-worker.mjs"), join(outdir, "dynamo-worker.mjs"));
