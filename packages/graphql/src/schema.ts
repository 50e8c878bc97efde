import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.js";
import "./schema/index.js";

export const schema = builder.toSchema();

/** The schema as printed to schema.graphql. A function: sorting costs a cold start nothing it does not need. */
export function sortedSchema() {
  return lexicographicSortSchema(schema);
}
