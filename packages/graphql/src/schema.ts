import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.js";
import "./schema/index.js";

export const schema = builder.toSchema();
export const sortedSchema = lexicographicSortSchema(schema);
