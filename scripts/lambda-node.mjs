// The `node` of the Lambda runtime stacks/api.ts deploys to (nodejs24.x), for booting the deployed
// artefact in tests and the benchmark: the system node (20) is not what Lambda runs.
// npm carries Node's official binaries as packages (node-<platform>-<arch>, which the `node` package
// installs too), so it comes from the registry `npm ci` already uses. Installed once into a cache
// outside the repository (a fresh clone reuses it; CI without it downloads ~30 MB once, a few
// seconds), never as a project dependency: a `node` in node_modules/.bin would shadow the system
// node in every npm script.
// Usage: `node scripts/lambda-node.mjs` prints the binary's path, installing it when missing.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The Node release tested against; its major must be the runtime's (scripts/infra.test.ts checks). */
export const LAMBDA_NODE_VERSION = "24.22.3";

const cacheRoot = process.env.LAMBDA_NODE_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "access-identity", "lambda-node");

/** Path of the Lambda runtime's `node`, installed into the cache on first use. */
export function lambdaNode(version = LAMBDA_NODE_VERSION) {
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = join(cacheRoot, `${pkg}-${version}`);
  const binary = join(dir, "node_modules", pkg, "bin", "node");
  if (existsSync(binary)) return binary;

  // Install beside the final place, then rename: a parallel install, or one interrupted half-way,
  // never leaves a partial binary where the next run would take it as complete.
  mkdirSync(cacheRoot, { recursive: true });
  const staging = `${dir}.${process.pid}.${Date.now()}`;
  try {
    execFileSync(
      "npm",
      ["install", "--prefix", staging, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", `${pkg}@${version}`],
      { stdio: ["ignore", "ignore", "pipe"], timeout: 300_000 },
    );
    const staged = join(staging, "node_modules", pkg, "bin", "node");
    const reported = execFileSync(staged, ["--version"], { encoding: "utf8" }).trim();
    if (reported !== `v${version}`) throw new Error(`${pkg}@${version} reports ${reported}`);
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another process finished first: use its copy.
      if (!existsSync(binary)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${lambdaNode()}\n`);
}
