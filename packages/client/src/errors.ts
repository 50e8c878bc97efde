// What a request can fail with besides a result union: the server refused the whole operation
// (a top-level GraphQL error) or no GraphQL answer came back at all.

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorJSON {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; requestId?: string; [key: string]: unknown };
}

/**
 * `extensions.code` values the API sends: UNAUTHENTICATED (no or expired session), FORBIDDEN (no
 * right), BAD_USER_INPUT, SERVICE_UNAVAILABLE (retry), INTERNAL_SERVER_ERROR (masked; quote the
 * requestId), GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED (the document is wrong); the client
 * adds HTTP_ERROR when the answer is not GraphQL (a proxy's error page, a network failure).
 */
export type RequestErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR"
  | "GRAPHQL_PARSE_FAILED"
  | "GRAPHQL_VALIDATION_FAILED"
  | "HTTP_ERROR"
  // Codes a newer server may add stay readable without a client release.
  | (string & {});

/** The operation as a whole was refused: nothing in `data` is to be trusted. */
export class AccessIdentityRequestError extends Error {
  override readonly name = "AccessIdentityRequestError";
  /** The first error's `extensions.code` (HTTP_ERROR when the answer was not GraphQL). */
  readonly code: RequestErrorCode;
  /** The server's request id (`x-request-id`), for support and logs. */
  readonly requestId: string | undefined;

  constructor(
    message: string,
    readonly errors: readonly GraphQLErrorJSON[],
    readonly status: number,
    requestId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = errors[0]?.extensions?.code ?? "HTTP_ERROR";
    this.requestId = errors[0]?.extensions?.requestId ?? requestId;
  }
}
