// Every error the API can answer, in words a person understands. One function decides the words:
// `reasonOf` reads the error's reason from its __typename today; when the API's `code: ErrorCode!`
// lands (../shared/API.md), `reasonOf` returns `error.code` and nothing else changes.
import { AccessIdentityRequestError } from "@access-identity/client";
import { WebAuthnError } from "@access-identity/client/webauthn";

/** What the app reads of a typed error member (the client's ErrorFields fragment). */
export interface ApiError {
  __typename: string;
  message: string;
  code?: string;
  attemptsRemaining?: number | null;
  retryAfterSeconds?: number;
  field?: string | null;
  expected?: string;
  found?: string[];
}

const REASON_BY_TYPENAME: Record<string, string> = {
  ValidationError: "VALIDATION_FAILED",
  InvalidCredentialsError: "INVALID_CREDENTIALS",
  InvalidCodeError: "INVALID_CODE",
  ExpiredError: "EXPIRED",
  RateLimitedError: "RATE_LIMITED",
  StepUpRequiredError: "STEP_UP_REQUIRED",
  ConflictError: "CONFLICT",
  NotAllowedError: "NOT_ALLOWED",
  DomainNotVerifiedError: "DOMAIN_NOT_VERIFIED",
  DomainVerificationFailedError: "DOMAIN_VERIFICATION_FAILED",
  SmsDeliveryFailedError: "SMS_DELIVERY_FAILED",
  FactorLockedError: "FACTOR_LOCKED",
  ServiceUnavailableError: "SERVICE_UNAVAILABLE",
};

const FIELD_NAMES: Record<string, string> = {
  email: "Email",
  password: "Password",
  newPassword: "New password",
  phoneNumber: "Phone number",
  code: "Code",
  label: "Name",
  nickname: "Nickname",
  gracePeriodDays: "Grace period",
  reason: "Reason",
};

export function reasonOf(error: ApiError): string {
  return error.code ?? REASON_BY_TYPENAME[error.__typename] ?? "UNKNOWN";
}

function wait(seconds: number | undefined): string {
  if (!seconds || seconds <= 60) return "a minute";
  const minutes = Math.ceil(seconds / 60);
  return minutes < 60 ? `${minutes} minutes` : `${Math.ceil(minutes / 60)} hours`;
}

function tries(left: number | null | undefined): string {
  if (left == null) return "";
  return left === 0 ? " No attempts are left: start again." : ` ${left} ${left === 1 ? "attempt" : "attempts"} left.`;
}

/** The sentence shown in the form's alert for a typed error of a result union. */
export function describeApiError(error: ApiError): string {
  switch (reasonOf(error)) {
    case "INVALID_CREDENTIALS":
      return "That email and password don't match an account. Check them and try again.";
    case "INVALID_CODE":
      return `That code isn't right. Check it and try again.${tries(error.attemptsRemaining)}`;
    case "CODE_ALREADY_USED":
      return "That code was already used. Wait for a new one and try again.";
    case "EXPIRED":
      return "This took too long and has expired. Please start again.";
    case "RATE_LIMITED":
      return `Too many attempts. Please wait ${wait(error.retryAfterSeconds)} and try again.`;
    case "STEP_UP_REQUIRED":
      return "For your security, confirm it's you with your second factor first.";
    case "CONFLICT":
      return error.message || "That already exists.";
    case "DOMAIN_NOT_VERIFIED":
      return "Verify the domain first: add its TXT record, then choose Verify domain.";
    case "DOMAIN_VERIFICATION_FAILED":
      return error.found?.length
        ? `The TXT record doesn't match yet. We found ${error.found.map((v) => `"${v}"`).join(", ")}. DNS changes can take a few minutes to appear.`
        : "We couldn't find the TXT record yet. DNS changes can take a few minutes to appear; try again shortly.";
    case "SMS_DELIVERY_FAILED":
      return "We couldn't send the text message. Check the number, or try again in a few minutes.";
    case "SERVICE_UNAVAILABLE":
      return "Access Identity is busy right now. Please try again in a moment.";
    case "FACTOR_LOCKED":
      return "Codes are locked on this account after too many wrong attempts. Use a backup code or your security key.";
    // The API's own sentence is written for people (the rule); the field says which box it is about.
    case "VALIDATION_FAILED":
      return error.field && FIELD_NAMES[error.field] ? `${FIELD_NAMES[error.field]}: ${error.message}` : error.message;
    case "NOT_ALLOWED":
    default:
      return error.message || "That didn't work. Please try again.";
  }
}

/** The sentence for anything thrown: a refused request, a network failure, a cancelled browser prompt. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof WebAuthnError || (thrown instanceof Error && thrown.name === "NotAllowedError")) {
    return "The security key prompt was cancelled or timed out. Try again when your key or device is ready.";
  }
  if (thrown instanceof AccessIdentityRequestError) {
    switch (thrown.code) {
      case "UNAUTHENTICATED":
        return "Your session has ended. Please sign in again.";
      case "FORBIDDEN":
        return "You don't have access to this.";
      case "HTTP_ERROR":
        return "We couldn't reach Access Identity. Check your connection and try again.";
      case "SERVICE_UNAVAILABLE":
        return "Access Identity is busy right now. Please try again in a moment.";
      // The app asked for an operation this server does not have (an older API).
      case "GRAPHQL_VALIDATION_FAILED":
        return "This server doesn't offer this yet. Update Access Identity, then try again.";
      default:
        return `Something went wrong on our side. Please try again${thrown.requestId ? ` (reference ${thrown.requestId})` : ""}.`;
    }
  }
  return "Something went wrong. Please try again.";
}
