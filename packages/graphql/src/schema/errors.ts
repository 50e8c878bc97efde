import {
  ConflictError,
  DomainError,
  DomainNotVerifiedError,
  DomainVerificationFailedError,
  ExpiredError,
  FactorLockedError,
  InvalidCodeError,
  InvalidCredentialsError,
  NotAllowedError,
  RateLimitedError,
  registeredErrorCodes,
  ServiceUnavailableError,
  SmsDeliveryFailedError,
  StepUpRequiredError,
  ValidationError,
} from "@access-identity/core";
import { builder } from "../builder.js";

/**
 * graphql-js treats any Error returned by a resolver as thrown, so a typed error travels in a
 * union as a plain copy of its fields, tagged with its GraphQL type name (the error's own
 * `typename` literal, never a class name a bundler could change).
 */
export type ErrorResult<E extends DomainError = DomainError> = Omit<E, "name" | "stack" | "cause" | "typename"> & { __typename: string };

export function errorResult<E extends DomainError>(error: E): ErrorResult<E> {
  return { ...error, message: error.message, __typename: error.typename } as ErrorResult<E>;
}

/** Every code registered beside core's error classes (`errorCode(...)`), documented value by value. */
export const ErrorCodeEnum = builder.enumType("ErrorCode", {
  description: "Why an operation was refused, for machines: stable values that are never renamed or reused. Branch on this, show `message`.",
  values: Object.fromEntries([...registeredErrorCodes()].map(([code, description]) => [code, { description }])),
});

export const ErrorInterface = builder.interfaceRef<ErrorResult>("Error").implement({
  description: "Every typed error a user can cause, as a member of a mutation's result union.",
  resolveType: (value) => value.__typename,
  fields: (t) => ({
    message: t.exposeString("message", { description: "What went wrong and what to do, written for the end user (English)." }),
    code: t.field({ type: ErrorCodeEnum, description: "Why, for machines: stable across releases.", resolve: (e) => e.code as never }),
  }),
});

// biome-ignore lint: constructor parameter lists differ per error class
type ErrorClass<E extends DomainError> = (abstract new (...args: any[]) => E) & { typename: string; code: string };

/** A typed error's GraphQL object: named by its class's `typename`, recognised by its __typename tag. */
const refs = new Map<ErrorClass<DomainError>, unknown>();

/** The GraphQL object type of an error class, for result unions. */
export function errorTypeFor(cls: ErrorClass<DomainError>): unknown {
  const ref = refs.get(cls);
  if (!ref) throw new Error(`${cls.typename} has no GraphQL type`);
  return ref;
}

function errorType<E extends DomainError>(cls: ErrorClass<E>, description: string) {
  // A subclass that forgot its own literal would answer as its parent: refuse to build the schema.
  if (!Object.hasOwn(cls, "typename")) throw new Error(`${cls.name} declares no static typename`);
  // Each error class registers its own code, one line beside it: `static override readonly code = errorCode(...)`.
  if (!Object.hasOwn(cls, "code")) throw new Error(`${cls.name} declares no static code (errorCode(...) in core)`);
  const name = cls.typename;
  const ref = builder.objectRef<ErrorResult<E>>(name);
  refs.set(cls, ref);
  const shared = {
    description,
    interfaces: [ErrorInterface] as never,
  };
  return { ref, shared };
}

function simpleErrorType<E extends DomainError>(cls: ErrorClass<E>, description: string) {
  const { ref, shared } = errorType(cls, description);
  ref.implement({ ...shared, fields: () => ({}) });
}

{
  const { ref, shared } = errorType(ValidationError, "The input was not acceptable; `field` names the input field at fault.");
  ref.implement({ ...shared, fields: (t) => ({ field: t.exposeString("field", { description: "The name of the input field at fault, e.g. `password`." }) }) });
}
{
  const { ref, shared } = errorType(InvalidCodeError, "The code or proof was wrong (or, with its own message, right but already used). `attemptsRemaining` counts the tries left before starting again, never more than the account's limit on second factors still allows.");
  ref.implement({ ...shared, fields: (t) => ({
      attemptsRemaining: t.exposeInt("attemptsRemaining", { nullable: true, description: "Tries left before starting again; null where no count applies (a passkey sign-in)." }),
    }),
  });
}
{
  const { ref, shared } = errorType(RateLimitedError, "Too many attempts; retry after `retryAfterSeconds`.");
  ref.implement({ ...shared, fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds", { description: "Seconds to wait before trying again." }) }) });
}
{
  const { ref, shared } = errorType(DomainVerificationFailedError, "The TXT record did not hold the expected value.");
  ref.implement({ ...shared, fields: (t) => ({
      expected: t.exposeString("expected", { description: "The TXT value that was looked for." }),
      found: t.exposeStringList("found", { description: "The TXT values DNS answered with (maybe none)." }),
    }),
  });
}
simpleErrorType(InvalidCredentialsError, "The email or password is incorrect (which one is never said).");
simpleErrorType(ExpiredError, "The challenge, code or enrolment has expired or was already used.");
simpleErrorType(StepUpRequiredError, "Sign in again with a second factor, then retry within 10 minutes.");
simpleErrorType(ConflictError, "The thing already exists or changed meanwhile.");
simpleErrorType(NotAllowedError, "The caller may not do this.");
simpleErrorType(DomainNotVerifiedError, "The domain has not been proven by DNS yet.");
simpleErrorType(SmsDeliveryFailedError, "The SMS provider refused or failed; no code was left valid. Retry later.");
simpleErrorType(
  FactorLockedError,
  "Too many second-factor proofs in a row did not pass (NIST SP 800-63B 5.2.2): the account's authenticator-app and text-message codes are refused until a backup code or a security key signs in, or a domain owner resets its 2FA.",
);
simpleErrorType(ServiceUnavailableError, "A dependency is briefly unavailable; nothing was changed. Retry.");

/** Errors any mutation may answer with, beside its own. */
export const commonErrors = [RateLimitedError, ServiceUnavailableError];
