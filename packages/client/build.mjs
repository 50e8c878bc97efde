// dist/: ESM JavaScript by esbuild (one file per entry, the runtime dependency left external) and
// .d.ts by tsc (TypeScript 7's native tsc emits declarations; it has no JS API for esbuild to call).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { build } from "esbuild";

const here = new URL(".", import.meta.url);
rmSync(new URL("dist", here), { recursive: true, force: true });
await build({
  absWorkingDir: here.pathname,
  entryPoints: ["src/index.ts", "src/webauthn.ts"],
  outdir: "dist",
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  external: ["@simplewebauthn/browser"],
  sourcemap: true,
  logLevel: "warning",
});
execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: here, stdio: "inherit" });
