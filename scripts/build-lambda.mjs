// `npm run build`: bundles the Lambda handler (packages/functions/src/lambda.ts) into
// dist/lambda/index.mjs with esbuild, beside its chunks and the native argon2 binary it loads at
// runtime. This directory is the deployed artefact: stacks/api.ts hands it to SST as `bundle` (SST
// zips it as it is, adding only its encrypted resource file), lambda.bundle.test.ts boots it on the
// Lambda runtime's Node, and the benchmark times its cold start. So it must stand alone, and hold
// nothing that is not shipped (the metafile and size report go beside it, in dist/).
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import plugins, { nodeEsmChunks } from "./lambda-esbuild-plugins.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = join(root, "dist/lambda");
const outfile = join(outdir, "index.mjs");

// @node-rs/argon2's loader (napi-rs) first tries `require("./argon2.<platform>.node")` relative to
// itself, then the platform package. In the bundle `require` is created from index.mjs's URL (the
// banner), so a copy of the binary beside index.mjs under its own name wins the first try. Lambda's
// function's architecture is x86_64 on Amazon Linux 2023 (glibc), stacks/api.ts: linux-x64-gnu, the
// version the lockfile pins with @node-rs/argon2 (scripts/infra.test.ts checks both).
export const NATIVE_BINARIES = ["@node-rs/argon2-linux-x64-gnu/argon2.linux-x64-gnu.node"];

// Things the Lambda never runs: esbuild must fail loudly rather than carry them.
const FORBIDDEN = [/node_modules\/dynalite\//, /node_modules\/(playwright|vitest|fast-check)/, /^packages\/.*\.test\.ts$/, /^packages\/[^/]+\/src\/(local|testing)\//];

export const OUTDIR = outdir;
export const METAFILE = join(root, "dist/lambda-meta.json");

export async function buildLambda({ quiet = false } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    // The API and the notifier (the email outbox) ship from one directory and share their chunks.
    entryPoints: { index: "packages/functions/src/lambda.ts", notifier: "packages/functions/src/notifier.ts" },
    outdir,
    // Code the first request does not need (WebAuthn's certificate parsers, the phone metadata, the
    // public-mail list, the QR encoder, the SNS client, argon2) goes into chunks loaded on first use,
    // so a cold start parses only what serves a sign-in.
    ...nodeEsmChunks,
    // Names may be minified: result members carry their GraphQL type name as a literal tag, never a class name.
    minify: true,
    sourcemap: false,
    metafile: true,
    legalComments: "none",
    logLevel: quiet ? "error" : "warning",
    // The platform packages hold only the .node file; it is shipped beside the bundle instead.
    external: ["@node-rs/argon2-*"],
    loader: { ".node": "copy" },
    plugins,
    banner: {
      js: [
        // CJS dependencies call require/__dirname; an ES module has neither.
        `import { createRequire as __createRequire } from "node:module";`,
        `import { fileURLToPath as __fileURLToPath } from "node:url";`,
        // Chunks live in chunks/: every file resolves `require` from the package root, where the
        // native argon2 binary sits beside index.mjs.
        `const require = __createRequire(new URL(import.meta.url.includes("/chunks/") ? "../index.mjs" : "./index.mjs", import.meta.url));`,
        `const __filename = __fileURLToPath(import.meta.url);`,
        `const __dirname = __fileURLToPath(new URL(".", import.meta.url));`,
      ].join("\n"),
    },
  });

  const inputs = Object.keys(result.metafile.inputs);
  const graphqlCopies = graphqlCopiesIn(inputs);
  if (graphqlCopies.length !== 1) throw new Error(`the Lambda bundle must hold one copy of graphql, not: ${graphqlCopies.join(", ") || "none"}`);
  const forbidden = inputs.filter((file) => FORBIDDEN.some((pattern) => pattern.test(file)));
  if (forbidden.length > 0) throw new Error(`the Lambda bundle must not contain: ${forbidden.join(", ")}`);

  const require = createRequire(join(root, "packages/core/package.json"));
  for (const binary of NATIVE_BINARIES) {
    const source = require.resolve(binary);
    copyFileSync(source, join(outdir, binary.split("/").pop()));
  }

  const summary = sizeSummary(result.metafile, outfile);
  writeFileSync(METAFILE, JSON.stringify(result.metafile));
  writeFileSync(join(root, "dist/lambda-size.txt"), formatSummary(summary));
  const { eagerBytes, lazyBytes, nativeBytes } = summary;
  writeFileSync(join(root, "dist/lambda-size.json"), JSON.stringify({ eagerBytes, lazyBytes, nativeBytes }));
  if (!quiet) process.stdout.write(formatSummary(summary));
  return summary;
}

/**
 * The copies of graphql among the bundle's inputs: its CommonJS files (.js) and/or its ESM files
 * (.mjs), wherever installed. Two copies mean two GraphQLError classes, and callers' syntax errors
 * masked as "Unexpected error.".
 */
export function graphqlCopiesIn(inputs) {
  const copies = new Set();
  for (const file of inputs) {
    const match = file.match(/^(.*node_modules\/graphql)\/.*\.(m?js)$/);
    if (match) copies.add(`${match[1]} (${match[2] === "mjs" ? "ESM" : "CommonJS"})`);
  }
  return [...copies];
}

/** Bytes per package in the entry (from the metafile), so growth has a name; chunks loaded on demand apart. */
function sizeSummary(metafile, outfile) {
  const entry = Object.keys(metafile.outputs).find((file) => file.endsWith("index.mjs"));
  const output = metafile.outputs[entry];
  // What a cold start loads: the entry and every chunk it imports statically, transitively.
  const eager = new Set();
  for (const stack = [entry]; stack.length > 0; ) {
    const file = stack.pop();
    if (eager.has(file)) continue;
    eager.add(file);
    for (const { path, kind } of metafile.outputs[file].imports) if (kind === "import-statement" && metafile.outputs[path]) stack.push(path);
  }
  const scripts = Object.entries(metafile.outputs).filter(([file]) => file.endsWith(".mjs"));
  const eagerBytes = scripts.filter(([file]) => eager.has(file)).reduce((sum, [, o]) => sum + o.bytes, 0);
  const lazyBytes = scripts.filter(([file]) => !eager.has(file)).reduce((sum, [, o]) => sum + o.bytes, 0);
  const byPackage = new Map();
  for (const [file, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const match = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const name = match ? match[1] : file.startsWith("packages/") ? file.split("/").slice(0, 2).join("/") : file;
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  const packages = [...byPackage].sort((a, b) => b[1] - a[1]);
  const nativeBytes = NATIVE_BINARIES.reduce((sum, binary) => sum + statSync(join(dirname(outfile), binary.split("/").pop())).size, 0);
  return { file: relative(process.cwd(), outfile), eagerBytes, lazyBytes, nativeBytes, packages };
}

function formatSummary({ file, eagerBytes, lazyBytes, nativeBytes, packages }) {
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`.padStart(10);
  const lines = [
    `${file} and the chunks it imports: ${kb(eagerBytes).trim()} loaded at a cold start`,
    `  (+ ${kb(lazyBytes).trim()} in chunks loaded on first use, + ${kb(nativeBytes).trim()} native argon2 binary)`,
    "entry by package:",
  ];
  for (const [name, size] of packages.slice(0, 15)) lines.push(`  ${kb(size)}  ${name}`);
  const rest = packages.slice(15).reduce((sum, [, size]) => sum + size, 0);
  if (rest > 0) lines.push(`  ${kb(rest)}  (${packages.length - 15} more)`);
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildLambda();
}
