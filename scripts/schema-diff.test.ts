// schema:diff against HEAD's schema.graphql, with a changed copy of the schema: a breaking change
// fails until CHANGELOG's "## Unreleased" names it; additions never fail.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "schema-diff-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schema = readFileSync("schema.graphql", "utf8");
const HEADER = "# Changelog\n\n## Unreleased\n\n";

async function schemaDiff(newSchema: string, changelog: string): Promise<{ code: number; output: string }> {
  const schemaFile = join(dir, `schema-${Math.random().toString(36).slice(2)}.graphql`);
  const changelogFile = `${schemaFile}.md`;
  writeFileSync(schemaFile, newSchema);
  writeFileSync(changelogFile, changelog);
  try {
    const { stdout, stderr } = await run("node", ["scripts/schema-diff.mjs", "--schema", schemaFile, "--changelog", changelogFile], { env: { ...process.env, SCHEMA_BASE: "HEAD" } });
    return { code: 0, output: stdout + stderr };
  } catch (error: any) {
    return { code: error.code, output: String(error.stdout) + String(error.stderr) };
  }
}

// PageInfo.endCursor with its description (a block string when long), whatever its position in the type.
const withoutEndCursor = schema.replace(/\n  """(?:(?!""")[\s\S])*"""\n  endCursor: String\n/, "\n");

test("a removed field fails until the Unreleased notes name it; an older section does not count", async () => {
  expect(withoutEndCursor).not.toBe(schema);
  const silent = await schemaDiff(withoutEndCursor, HEADER + "- Nothing yet.\n");
  expect(silent.code).toBe(1);
  expect(silent.output).toContain("PageInfo.endCursor");
  expect((await schemaDiff(withoutEndCursor, HEADER + "- Nothing.\n\n## 0.1.0\n\n- `PageInfo.endCursor` removed.\n")).code).toBe(1);
  expect((await schemaDiff(withoutEndCursor, HEADER + "- `PageInfo.endCursorX` is new.\n")).code).toBe(1);
  expect((await schemaDiff(withoutEndCursor, HEADER + "- Removed `PageInfo.endCursor`: use edges' cursors.\n")).code).toBe(0);
}, 180_000);

test("an added field is not breaking", async () => {
  const added = schema.replace(/type PageInfo \{\n/, "type PageInfo {\n  pageCount: Int\n");
  expect(added).not.toBe(schema);
  expect((await schemaDiff(added, HEADER)).code).toBe(0);
}, 180_000);
