// Result unions (`SignUpResult = SignedIn | ConflictError | ...`) into a typed success or a typed
// error. Which members are errors comes from the generated ErrorFields fragment (`on Error`), so a
// new error type in the schema is a regeneration here, not an edit.
import type { ErrorFieldsFragment } from "./generated/graphql.js";

/** Every typed error the schema defines, with the fields the client selects on it. */
export type ResultErrorUnion = ErrorFieldsFragment;
export type ErrorTypename = ResultErrorUnion["__typename"];

type Typed = { __typename: string };

/** The error members of a result union. */
export type Failure<R> = Extract<R, { __typename: ErrorTypename }>;
/** The success members of a result union. */
export type Success<R> = Exclude<R, { __typename: ErrorTypename }>;

const ERROR_TYPENAME = /Error$/;

/** True for the error members of a result union (every one is named `...Error` and implements `Error`). */
export function isFailure<R extends Typed>(result: R): result is Failure<R> & R {
  return ERROR_TYPENAME.test(result.__typename);
}

export function isSuccess<R extends Typed>(result: R): result is Success<R> & R {
  return !isFailure(result);
}

/** Thrown by `unwrap`: carries the typed error member of the union. */
export class AccessIdentityResultError<E extends Typed & { message: string } = ResultErrorUnion> extends Error {
  override readonly name = "AccessIdentityResultError";
  constructor(readonly error: E) {
    super(error.message);
  }
}

/** The success member, or throws `AccessIdentityResultError` holding the typed error member. */
export function unwrap<R extends Typed>(result: R): Success<R> {
  if (isFailure(result)) throw new AccessIdentityResultError(result as Failure<R> & { __typename: string; message: string });
  return result as Success<R>;
}

type Handlers<T, K extends keyof T, Out> = {
  [V in T[K] & string]: (value: Extract<T, Record<K, V>>) => Out;
};

/**
 * Exhaustive dispatch on a discriminant: one handler per value, checked by the compiler, so a new
 * member (or, on errors, a new `code`) is a type error until it is handled.
 *   matchOn(result, "__typename", { SignedIn: ..., ConflictError: ..., ... })
 */
export function matchOn<T extends Record<K, string>, K extends keyof T, Out>(value: T, key: K, handlers: Handlers<T, K, Out>): Out {
  const handler = (handlers as unknown as Record<string, ((v: T) => Out) | undefined>)[value[key]];
  if (!handler) throw new Error(`no handler for ${String(key)} = ${value[key]}`);
  return handler(value);
}

/** `matchOn(result, "__typename", handlers)`: the usual way to read a result union. */
export function match<T extends Typed, Out>(value: T, handlers: Handlers<T, "__typename", Out>): Out {
  return matchOn(value, "__typename", handlers);
}
