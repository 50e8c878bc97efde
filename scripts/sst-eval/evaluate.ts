import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build, type Plugin } from "esbuild";

/**
 * Evaluates sst.config.ts the way SST 4.17's CLI does (pkg/project/project.go and run.go, pkg/js/js.go),
 * since the CLI itself needs the network:
 *  1. `app()`: the config is bundled by esbuild from a stdin entry with `$config` in a banner and
 *     `$input` defined, a top-level import in sst.config.ts is an error, and a fresh `node` prints
 *     the app as a `~j` line.
 *  2. `run()`: bundled again with `$app`, `$cli`, `$dev` defined from the app, the `$`-globals
 *     injected, and `sst`/`aws` imported at the top of every file it loads; a fresh `node` runs it.
 * Where SST imports its components and @pulumi/aws, this imports scripts/sst-eval/standins.mjs,
 * which records what would be created. Both runs see only the environment given here.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const standins = fileURLToPath(new URL("./standins.mjs", import.meta.url));
const run = promisify(execFile);

export interface SstApp {
  name: string;
  stage: string;
  removal: "remove" | "retain" | "retain-all";
  protect: boolean;
  home: string;
  version?: string;
  providers: Record<string, unknown>;
}

export interface Permission {
  effect?: "allow" | "deny";
  actions: string[];
  resources: string[];
  conditions?: { test: string; variable: string; values: string[] }[];
}

export interface RecordedResource {
  kind: string;
  name: string;
  args: any;
  opts?: any;
  /** The stand-in's resolved outputs (name, arn, url, ...). */
  outputs: any;
}

export interface RecordedFunction extends RecordedResource {
  /** Linked resources' properties by name: what SST encrypts into resource.enc. */
  links: Record<string, Record<string, unknown>>;
  linkPermissions: Permission[];
  linkEnvironment: Record<string, string>;
}

export interface Evaluation {
  app: SstApp;
  outputs: Record<string, unknown>;
  resources: RecordedResource[];
}

export class EvaluationError extends Error {}

export async function evaluateSstConfig(options: { stage: string; env?: Record<string, string>; dev?: boolean }): Promise<Evaluation> {
  const work = mkdtempSync(join(tmpdir(), "sst-eval-"));
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env };
  try {
    const app = await evaluateApp(work, options.stage, env);
    const result = await evaluateRun(work, app, Boolean(options.dev), env);
    return { app, ...result };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The functions an evaluation declares, with what SST derives from their links. */
export function functions(evaluation: Evaluation): RecordedFunction[] {
  return evaluation.resources.filter((r): r is RecordedFunction => r.kind === "sst.aws.Function");
}

async function evaluateApp(work: string, stage: string, env: Record<string, string>): Promise<SstApp> {
  const outfile = join(work, "app.mjs");
  await bundle({
    outfile,
    banner: "function $config(input) { return input }",
    define: { $input: JSON.stringify({ stage }) },
    globals: "",
    code: [
      `import mod from ${JSON.stringify(join(root, "sst.config.ts"))};`,
      `console.log("~j" + JSON.stringify(await mod.app({ stage: $input.stage || undefined })));`,
    ].join("\n"),
  });
  const line = (await node(outfile, env)).split("\n").find((l) => l.startsWith("~j"));
  if (!line) throw new EvaluationError("app() printed nothing");
  const app = JSON.parse(line.slice(2));
  // What the CLI fills in after app() (project.go): the stage, a provider for home, removal "retain".
  return { ...app, stage, removal: app.removal || "retain", protect: Boolean(app.protect), providers: { [app.home]: {}, ...app.providers } };
}

async function evaluateRun(work: string, app: SstApp, dev: boolean, env: Record<string, string>) {
  const outfile = join(work, "run.mjs");
  await bundle({
    outfile,
    banner: "",
    define: {
      $app: JSON.stringify(app),
      $dev: String(dev),
      $cli: JSON.stringify({ command: dev ? "dev" : "deploy", dev, paths: { root, work, platform: join(root, ".sst/platform"), home: work } }),
    },
    inject: [standins],
    globals: `import { sst, aws } from ${JSON.stringify(standins)};`,
    code: [
      `import { finish } from ${JSON.stringify(standins)};`,
      `import mod from ${JSON.stringify(join(root, "sst.config.ts"))};`,
      // As platform/src/auto/run.ts: run() from the app's root, then `_protect` joins the outputs.
      `process.chdir(${JSON.stringify(root)});`,
      `globalThis.__sstEvalApp = $app;`,
      `const outputs = (await mod.run()) || {};`,
      `outputs._protect = $app.protect;`,
      `console.log("~r" + JSON.stringify(finish(outputs)));`,
    ].join("\n"),
  });
  const line = (await node(outfile, env)).split("\n").find((l) => l.startsWith("~r"));
  if (!line) throw new EvaluationError("run() printed nothing");
  return JSON.parse(line.slice(2)) as Omit<Evaluation, "app">;
}

async function node(file: string, env: Record<string, string>): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, ["--no-warnings", file], { env, cwd: root });
    return stdout;
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new EvaluationError(`evaluating sst.config.ts failed:\n${stderr || stdout || String(error)}`);
  }
}

async function bundle(input: { outfile: string; banner: string; define: Record<string, string>; inject?: string[]; globals: string; code: string }) {
  // pkg/js/js.go: a top-level import in sst.config.ts fails the app() evaluation (globals are empty).
  const disallowImports: Plugin = {
    name: "DisallowImports",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (input.globals === "" && basename(args.importer) === "sst.config.ts" && args.kind === "import-statement") {
          return { errors: [{ text: `sst.config.ts imports ${args.path} at the top level: SST refuses that (import stacks inside run())` }] };
        }
        return undefined;
      });
    },
  };
  // pkg/js/js.go: every JS/TS file loaded (outside .sst) starts with the provider imports.
  const injectGlobals: Plugin = {
    name: "InjectGlobals",
    setup(b) {
      b.onLoad({ filter: /\.(js|ts|jsx|tsx)$/ }, (args) => {
        if (args.path.startsWith(join(root, ".sst")) || args.path === standins) return undefined;
        return { contents: `${input.globals}\n${readFileSync(args.path, "utf8")}`, loader: "default" };
      });
    },
  };
  await build({
    banner: {
      js: [
        `import { createRequire as topLevelCreateRequire } from 'module';`,
        `const require = topLevelCreateRequire(import.meta.url);`,
        `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
        `const __filename = topLevelFileUrlToPath(import.meta.url)`,
        `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
        input.banner,
      ].join("\n"),
    },
    mainFields: ["module", "main"],
    format: "esm",
    platform: "node",
    stdin: { contents: input.code, resolveDir: root, sourcefile: "eval.ts", loader: "ts" },
    nodePaths: [join(root, ".sst", "platform", "node_modules")],
    plugins: [disallowImports, injectGlobals],
    external: ["@pulumi/*", "undici", "@pulumiverse/*", "@sst-provider/*", "@aws-sdk/*", "esbuild", "archiver", "glob", "vite"],
    define: input.define,
    inject: input.inject ?? [],
    outfile: input.outfile,
    write: true,
    bundle: true,
    logLevel: "silent",
  }).catch((error: Error) => {
    throw new EvaluationError(`bundling sst.config.ts failed: ${error.message}`);
  });
}
