// npm run schema:diff — compares schema.graphql with the schema of a base version using
// graphql-inspector, and fails on a breaking change unless CHANGELOG.md's "## Unreleased" section
// names it by its schema coordinate (e.g. `PageInfo.endCursor`, `Mutation.signUp.input`).
//
// The base is, in order: $SCHEMA_BASE (any git ref); the newest release tag (v*); the merge base
// with main. On main itself with no tag, the merge base is HEAD and nothing is compared, so CI on
// main should set SCHEMA_BASE (e.g. the previous release's commit). Options for tests and tools:
//   --schema <file> (default schema.graphql), --changelog <file> (default CHANGELOG.md).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { schema: { type: "string", default: "schema.graphql" }, changelog: { type: "string", default: "CHANGELOG.md" } } });
const git = (...args) => execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
const tryGit = (...args) => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};

const base = process.env.SCHEMA_BASE || tryGit("describe", "--tags", "--abbrev=0", "--match", "v*") || tryGit("merge-base", "HEAD", "main");
if (!base) {
  console.log("schema:diff: no base to compare with (set SCHEMA_BASE to a git ref)");
  process.exit(0);
}
const oldSchema = tryGit("show", `${base}:schema.graphql`);
if (oldSchema === undefined) {
  console.log(`schema:diff: ${base} has no schema.graphql: nothing to compare`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), "schema-diff-"));
try {
  const oldFile = join(dir, "base.graphql");
  writeFileSync(oldFile, `${oldSchema}\n`);
  console.log(`schema:diff: ${values.schema} against ${base}:schema.graphql`);
  execFileSync("npx", ["graphql-inspector", "diff", oldFile, values.schema, "--onComplete", "scripts/schema-diff-gate.cjs"], {
    stdio: "inherit",
    env: { ...process.env, SCHEMA_DIFF_CHANGELOG: values.changelog },
  });
} catch (error) {
  process.exitCode = typeof error.status === "number" ? error.status : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
