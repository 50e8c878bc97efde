export { createGraphqlServer, MAX_BODY_BYTES } from "./yoga.js";
export { schema, sortedSchema } from "./schema.js";
export type { Context, ServerContext } from "./context.js";
