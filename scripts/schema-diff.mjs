// npm run schema:diff — compares schema.graphql with the schema of a base version using
// graphql-inspector, and fails on a breaking change unless CHANGELOG.md's "## Unreleased" section
// names it by its schema coordinate (e.g. `PageInfo.endCursor`, `Mutation.signUp.input`).
//
// The base is, in order: $SCHEMA_BASE (any git ref); the newest release tag (v*) reachable from
// HEAD; the release commit recorded in scripts/schema-diff.base. That file makes a clean clone in
// CI compare against the last release with no setup: on main itself a merge base would be HEAD and
// compare nothing. A base that names no commit here fails (a wrong base must not pass silently).
// Options for tests and tools:
//   --schema <file> (default schema.graphql), --changelog <file> (default CHANGELOG.md).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** The release commit recorded in scripts/schema-diff.base: its first line that is not a comment. */
function recordedRelease() {
  const lines = readFileSync(new URL("./schema-diff.base", import.meta.url), "utf8").split("\n");
  return lines.map((line) => line.trim()).find((line) => line && !line.startsWith("#"));
}

const base = process.env.SCHEMA_BASE || tryGit("describe", "--tags", "--abbrev=0", "--match", "v*") || recordedRelease();
if (!base || tryGit("rev-parse", "--verify", "--quiet", `${base}^{commit}`) === undefined) {
  console.error(`schema:diff: the base ${base ?? "(none)"} is not a commit here (a shallow clone? fetch the full history, or set SCHEMA_BASE)`);
  process.exit(1);
}
const oldSchema = tryGit("show", `${base}:schema.graphql`);
if (oldSchema === undefined) {
  console.error(`schema:diff: ${base} has no schema.graphql`);
  process.exit(1);
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
