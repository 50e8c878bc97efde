import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printSchema } from "graphql";
import { sortedSchema } from "@access-identity/graphql";

// `npm run schema:print` writes schema.graphql; `npm run schema:check` fails when it is stale.
const file = fileURLToPath(new URL("../schema.graphql", import.meta.url));
const printed = `${printSchema(sortedSchema())}\n`;
if (process.argv.includes("--check")) {
  const current = readFileSync(file, "utf8");
  if (current !== printed) {
    console.error("schema.graphql is stale: run `npm run schema:print`");
    process.exit(1);
  }
  console.log("schema.graphql is up to date");
} else {
  writeFileSync(file, printed);
  console.log(`wrote ${file}`);
}
