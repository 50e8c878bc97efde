export { createAccessIdentityClient } from "./client.js";
export type { AccessIdentityClient, AccessIdentityClientOptions, Operations, RequestOptions, Token, TypedDocument } from "./client.js";
export { AccessIdentityRequestError } from "./errors.js";
export type { GraphQLErrorJSON, RequestErrorCode } from "./errors.js";
export { AccessIdentityResultError, isFailure, isSuccess, match, matchOn, unwrap } from "./results.js";
export type { ErrorTypename, Failure, ResultErrorUnion, Success } from "./results.js";
// The generated documents, operation result/variable types, inputs and enums.
export * from "./generated/graphql.js";
