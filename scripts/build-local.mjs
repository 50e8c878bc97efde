// `npm run build:local` (and `npm start`, which runs it first): bundles the local server
// (packages/functions/src/local/main.ts) into dist/local/main.mjs, so the server runs plain
// JavaScript on node instead of compiling TypeScript on the fly with tsx (whose loader, esbuild
// service process and per-file module records it would otherwise carry for its whole life).
// dynalite and argon2 stay in node_modules (the store's worker imports dynalite; argon2 loads a
// native binary); everything else is bundled. The benchmark bundles its server and store entries
// with the same settings (buildLocal below), so it measures what `npm start` runs.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { nodeEsmChunks, singleGraphql } from "./lambda-esbuild-plugins.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Bundles `entry` (a path from the repository root) into `outdir`/`name`.mjs. Code behind a dynamic
 * import() (the offline GraphiQL page, ~8.8 MB; the common-password list) goes into chunks/, read
 * from disk only when first used: without splitting esbuild would keep it in the entry file, to be
 * read, held and scanned by V8 at every start even though its evaluation is deferred.
 */
export async function buildLocal({ entry, outdir, name = "main", quiet = false }) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: { [name]: entry },
    outdir,
    ...nodeEsmChunks,
    // Readable stack traces matter more than bytes on a developer's machine.
    minify: false,
    sourcemap: "linked",
    logLevel: quiet ? "error" : "warning",
    external: ["dynalite", "@node-rs/argon2", "@node-rs/argon2-*"],
    plugins: [singleGraphql],
    banner: {
      js: [
        // CJS dependencies call require/__dirname; an ES module has neither. (`require` only
        // resolves packages from node_modules, found the same from outdir or outdir/chunks.)
        `import { createRequire as __createRequire } from "node:module";`,
        `import { fileURLToPath as __fileURLToPath } from "node:url";`,
        `const require = __createRequire(import.meta.url);`,
        `const __filename = __fileURLToPath(import.meta.url);`,
        `const __dirname = __fileURLToPath(new URL(".", import.meta.url));`,
      ].join("\n"),
    },
  });
  // embedded-dynamo.ts starts its worker from new URL("./dynamo-worker.mjs", import.meta.url): the
  // entry file (it is imported statically, so it is never in a chunk).
  copyFileSync(join(root, "packages/functions/src/local/dynamo-worker.mjs"), join(outdir, "dynamo-worker.mjs"));
  return join(outdir, `${name}.mjs`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildLocal({ entry: "packages/functions/src/local/main.ts", outdir: join(root, "dist/local") });
}
