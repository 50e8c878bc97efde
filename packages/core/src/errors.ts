/**
 * The typed errors a user can cause. Core throws them; the GraphQL layer maps each to the
 * member of a result union named by its `typename`. Messages are written for the end user and
 * never carry a secret, a code or an internal detail.
 *
 * Each class states its `typename` as a string literal: a bundler that renames classes (minified
 * builds do) must not rename the error a client sees.
 */
const errorCodes = new Map<string, string>();

/**
 * Registers a stable, machine-readable error code with its description (one value of the GraphQL
 * `ErrorCode` enum, documented). Clients branch on codes, so a code is never renamed or reused for
 * another reason. Call it once per code, beside the class that uses it.
 */
export function errorCode<C extends string>(code: C, description: string): C {
  if (!/^[A-Z][A-Z0-9_]*$/.test(code)) throw new Error(`Error code ${code} is not UPPER_SNAKE_CASE`);
  if (errorCodes.has(code)) throw new Error(`Error code ${code} is registered twice`);
  errorCodes.set(code, description);
  return code;
}

/** Every registered error code and its description, for the GraphQL `ErrorCode` enum. */
export function registeredErrorCodes(): ReadonlyMap<string, string> {
  return errorCodes;
}

export type ErrorCode = string;

export class DomainError extends Error {
  /** The GraphQL type this error answers as. Every subclass declares its own. */
  static readonly typename: string = "DomainError";
  /** The code this error answers with unless the throwing site names another. Every subclass declares its own. */
  static readonly code: ErrorCode = "DomainError";
  /** Why, for machines: the class's code, or a more precise one chosen where it is thrown. */
  readonly code: ErrorCode;

  get typename(): string {
    return (this.constructor as typeof DomainError).typename;
  }

  constructor(message: string, code?: ErrorCode) {
    super(message);
    this.name = this.typename;
    this.code = code ?? (this.constructor as typeof DomainError).code;
  }
}

export class ValidationError extends DomainError {
  static override readonly typename = "ValidationError";
  static override readonly code = errorCode("VALIDATION_FAILED", "An input value was not acceptable; `ValidationError.field` names the input field at fault.");
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export class InvalidCredentialsError extends DomainError {
  static override readonly typename = "InvalidCredentialsError";
  static override readonly code = errorCode("INVALID_CREDENTIALS", "The email or password is wrong (which one is never said).");
  constructor() {
    super("The email or password is incorrect.");
  }
}

export class InvalidCodeError extends DomainError {
  static override readonly typename = "InvalidCodeError";
  static override readonly code = errorCode("INVALID_CODE", "The code (TOTP, SMS, backup or enrolment code) is wrong.");
  static readonly alreadyUsed = errorCode("CODE_ALREADY_USED", "The code was right but has already been used: wait for the next one, ask for a new one, or use another backup code.");
  static readonly keyNotAccepted = errorCode("SECURITY_KEY_NOT_ACCEPTED", "The security key's or passkey's answer was not accepted (not registered here, the wrong key, or it did not verify).");

  /** A WebAuthn answer that did not pass, worded for keys rather than codes. */
  static securityKey(attemptsRemaining: number | null, message = "That security key's answer was not accepted. Try again with a key registered on this account."): InvalidCodeError {
    return new InvalidCodeError(attemptsRemaining, message, InvalidCodeError.keyNotAccepted);
  }
  constructor(
    readonly attemptsRemaining: number | null = null,
    message = "That code is not valid.",
    code: ErrorCode = InvalidCodeError.code,
  ) {
    super(message, code);
  }
}

export class ExpiredError extends DomainError {
  static override readonly typename = "ExpiredError";
  static override readonly code = errorCode("EXPIRED", "The challenge, code, enrolment or claim has expired or was already completed: start again.");
  constructor(message = "This has expired or was already used. Start again.") {
    super(message);
  }
}

export class RateLimitedError extends DomainError {
  static override readonly typename = "RateLimitedError";
  static override readonly code = errorCode("RATE_LIMITED", "Too many attempts: retry after `RateLimitedError.retryAfterSeconds`.");
  constructor(
    readonly retryAfterSeconds: number,
    message = "Too many attempts. Try again later.",
  ) {
    super(message);
  }
}

export class StepUpRequiredError extends DomainError {
  static override readonly typename = "StepUpRequiredError";
  static override readonly code = errorCode("STEP_UP_REQUIRED", "Prove a second factor on this session (AAL2 within the last 10 minutes), then retry.");
  constructor(message = "Confirm it is you: sign in again with your second factor, then retry within 10 minutes.") {
    super(message);
  }
}

export class ConflictError extends DomainError {
  static override readonly typename = "ConflictError";
  static override readonly code = errorCode("CONFLICT", "It already exists, or it changed meanwhile (a parallel request won): read again and retry.");
}

export class NotAllowedError extends DomainError {
  static override readonly typename = "NotAllowedError";
  static override readonly code = errorCode("NOT_ALLOWED", "The caller may not do this (the message says why).");
}

export class DomainNotVerifiedError extends DomainError {
  static override readonly typename = "DomainNotVerifiedError";
  static override readonly code = errorCode("DOMAIN_NOT_VERIFIED", "The domain has not been proven by its DNS TXT record yet.");
  constructor(message = "This domain has not been verified yet.") {
    super(message);
  }
}

export class DomainVerificationFailedError extends DomainError {
  static override readonly typename = "DomainVerificationFailedError";
  static override readonly code = errorCode("DOMAIN_VERIFICATION_FAILED", "The DNS TXT record was not found with the expected value.");
  constructor(
    readonly expected: string,
    readonly found: string[],
    message = "The DNS TXT record was not found with the expected value.",
  ) {
    super(message);
  }
}

export class SmsDeliveryFailedError extends DomainError {
  static override readonly typename = "SmsDeliveryFailedError";
  static override readonly code = errorCode("SMS_DELIVERY_FAILED", "The SMS provider refused or failed to send the text; retry later.");
  constructor(message = "The text message could not be sent. Try again in a moment.") {
    super(message);
  }
}

/** A dependency (DynamoDB, SNS, DNS) failed in a way worth retrying; the user may try again. */
export class ServiceUnavailableError extends DomainError {
  static override readonly typename = "ServiceUnavailableError";
  static override readonly code = errorCode("SERVICE_UNAVAILABLE", "A dependency was briefly unavailable and nothing was changed: retry.");
  constructor(message = "The service is temporarily unavailable. Try again in a moment.") {
    super(message);
  }
}

/**
 * No live session (none given, revoked, expired): the transport answers it as UNAUTHENTICATED.
 * Raised by the access guards, so an adapter that forgot its own check still cannot go further.
 */
export class NotSignedInError extends DomainError {
  static override readonly typename = "NotSignedInError";
  constructor(message = "Sign in first.") {
    super(message);
  }
}

/**
 * The account's TOTP and SMS factors are locked after too many consecutive failed second-factor
 * proofs (NIST SP 800-63B 5.2.2): a backup code or a security key still signs in, and clears it.
 */
export class FactorLockedError extends DomainError {
  static override readonly typename = "FactorLockedError";
  static override readonly code = errorCode(
    "FACTOR_LOCKED",
    "Too many consecutive wrong second factors: TOTP and SMS are refused until a backup code or a security key signs in, or a domain owner resets the account.",
  );
  constructor(
    message = "Too many wrong codes in a row: codes from your authenticator app and text messages are locked. Sign in with a backup code or a security key, or ask an owner of your organisation's domain to reset your two-factor authentication.",
  ) {
    super(message);
  }
}
