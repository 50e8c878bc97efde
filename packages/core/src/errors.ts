/**
 * The typed errors a user can cause. Core throws them; the GraphQL layer maps each to the
 * member of a result union named by its `typename`. Messages are written for the end user and
 * never carry a secret, a code or an internal detail.
 *
 * Each class states its `typename` as a string literal: a bundler that renames classes (minified
 * builds do) must not rename the error a client sees.
 */
export class DomainError extends Error {
  /** The GraphQL type this error answers as. Every subclass declares its own. */
  static readonly typename: string = "DomainError";

  get typename(): string {
    return (this.constructor as typeof DomainError).typename;
  }

  constructor(message: string) {
    super(message);
    this.name = this.typename;
  }
}

export class ValidationError extends DomainError {
  static override readonly typename = "ValidationError";
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export class InvalidCredentialsError extends DomainError {
  static override readonly typename = "InvalidCredentialsError";
  constructor() {
    super("The email or password is incorrect.");
  }
}

export class InvalidCodeError extends DomainError {
  static override readonly typename = "InvalidCodeError";
  constructor(
    readonly attemptsRemaining: number | null = null,
    message = "That code is not valid.",
  ) {
    super(message);
  }
}

export class ExpiredError extends DomainError {
  static override readonly typename = "ExpiredError";
  constructor(message = "This has expired or was already used. Start again.") {
    super(message);
  }
}

export class RateLimitedError extends DomainError {
  static override readonly typename = "RateLimitedError";
  constructor(
    readonly retryAfterSeconds: number,
    message = "Too many attempts. Try again later.",
  ) {
    super(message);
  }
}

export class StepUpRequiredError extends DomainError {
  static override readonly typename = "StepUpRequiredError";
  constructor(message = "Confirm it is you: sign in again with your second factor, then retry within 10 minutes.") {
    super(message);
  }
}

export class ConflictError extends DomainError {
  static override readonly typename = "ConflictError";
}

export class NotAllowedError extends DomainError {
  static override readonly typename = "NotAllowedError";
}

export class DomainNotVerifiedError extends DomainError {
  static override readonly typename = "DomainNotVerifiedError";
  constructor(message = "This domain has not been verified yet.") {
    super(message);
  }
}

export class DomainVerificationFailedError extends DomainError {
  static override readonly typename = "DomainVerificationFailedError";
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
  constructor(message = "The text message could not be sent. Try again in a moment.") {
    super(message);
  }
}

/** A dependency (DynamoDB, SNS, DNS) failed in a way worth retrying; the user may try again. */
export class ServiceUnavailableError extends DomainError {
  static override readonly typename = "ServiceUnavailableError";
  constructor(message = "The service is temporarily unavailable. Try again in a moment.") {
    super(message);
  }
}

/**
 * The account's TOTP and SMS factors are locked after too many consecutive failed second-factor
 * proofs (NIST SP 800-63B 5.2.2): a backup code or a security key still signs in, and clears it.
 */
export class FactorLockedError extends DomainError {
  static override readonly typename = "FactorLockedError";
  constructor(
    message = "Too many wrong codes in a row: codes from your authenticator app and text messages are locked. Sign in with a backup code or a security key, or ask an owner of your organisation's domain to reset your two-factor authentication.",
  ) {
    super(message);
  }
}
