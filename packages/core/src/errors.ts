/**
 * The typed errors a user can cause. Core throws them; the GraphQL layer maps each to the
 * member of a result union with the same name. Messages are written for the end user and never
 * carry a secret, a code or an internal detail.
 */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super("The email or password is incorrect.");
  }
}

export class InvalidCodeError extends DomainError {
  constructor(
    readonly attemptsRemaining: number | null = null,
    message = "That code is not valid.",
  ) {
    super(message);
  }
}

export class ExpiredError extends DomainError {
  constructor(message = "This has expired or was already used. Start again.") {
    super(message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = "Too many attempts. Try again later.",
  ) {
    super(message);
  }
}

export class StepUpRequiredError extends DomainError {
  constructor(message = "Confirm it is you: sign in again with your second factor, then retry within 10 minutes.") {
    super(message);
  }
}

export class ConflictError extends DomainError {}

export class NotAllowedError extends DomainError {}

export class DomainNotVerifiedError extends DomainError {
  constructor(message = "This domain has not been verified yet.") {
    super(message);
  }
}

export class DomainVerificationFailedError extends DomainError {
  constructor(
    readonly expected: string,
    readonly found: string[],
    message = "The DNS TXT record was not found with the expected value.",
  ) {
    super(message);
  }
}

export class SmsDeliveryFailedError extends DomainError {
  constructor(message = "The text message could not be sent. Try again in a moment.") {
    super(message);
  }
}

/** A dependency (DynamoDB, SNS, DNS) failed in a way worth retrying; the user may try again. */
export class ServiceUnavailableError extends DomainError {
  constructor(message = "The service is temporarily unavailable. Try again in a moment.") {
    super(message);
  }
}
