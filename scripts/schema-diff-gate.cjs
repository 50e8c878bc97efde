// graphql-inspector diff's completion handler (see schema-diff.mjs): a breaking change passes only
// when the "## Unreleased" section of the changelog names its schema coordinate.
const { readFileSync, existsSync } = require("node:fs");

/** The text between "## Unreleased" and the next "## " heading. */
function unreleasedNotes(file) {
  if (!existsSync(file)) return "";
  const text = readFileSync(file, "utf8");
  const start = text.search(/^## Unreleased\b/m);
  if (start < 0) return "";
  const rest = text.slice(start + 1);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** A coordinate counts as named when it stands alone (`PageInfo.endCursor`, not `PageInfo.endCursorX`). */
function mentions(notes, path) {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\w.])${escaped}($|[^\\w])`, "m").test(notes);
}

module.exports = function schemaDiffGate({ breakingChanges }) {
  const changelog = process.env.SCHEMA_DIFF_CHANGELOG || "CHANGELOG.md";
  const notes = unreleasedNotes(changelog);
  const unannounced = breakingChanges.filter((change) => !change.path || !mentions(notes, change.path));
  if (unannounced.length === 0) {
    console.log(breakingChanges.length ? `\nEvery breaking change is announced in ${changelog} (## Unreleased).` : "\nNo breaking changes.");
    return;
  }
  console.error(`\n${unannounced.length} breaking change(s) not announced in ${changelog} under "## Unreleased" (name each by its coordinate):`);
  for (const change of unannounced) console.error(`  - ${change.path ?? "(no coordinate)"}: ${change.message}`);
  process.exit(1);
};
