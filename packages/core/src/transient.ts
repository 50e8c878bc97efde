/**
 * Whether a failure came from a dependency (DynamoDB, SNS, DNS) being briefly unavailable, after
 * the SDK's own retries: throttling, 5xx, timeouts, refused or reset connections. Such failures
 * are the user's to retry (ServiceUnavailableError), not bugs to hide behind a masked error.
 */
export function isTransientDependencyError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { name?: string; code?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (e.$retryable) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  const names = [
    "ThrottlingException",
    "ProvisionedThroughputExceededException",
    "RequestLimitExceeded",
    "InternalServerError",
    "ServiceUnavailable",
    "TimeoutError",
    "RequestTimeout",
  ];
  if (e.name && names.includes(e.name)) return true;
  const codes = ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "UND_ERR_SOCKET"];
  if (e.code && codes.includes(e.code)) return true;
  return e.cause !== undefined && e.cause !== error && isTransientDependencyError(e.cause);
}
