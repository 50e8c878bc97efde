import { isTransientDependencyError, requestLogger, ServiceUnavailableError, type DomainError } from "@access-identity/core";
import type { SchemaTypes, UnionRef } from "@pothos/core";
import { builder } from "../builder.js";
import { errorResult, errorTypeFor, type ErrorResult } from "./errors.js";
import type { Context } from "../context.js";

// biome-ignore lint: constructor parameter lists differ per error class
type ErrorClass = (abstract new (...args: any[]) => DomainError) & { typename: string; code: string };
type Types = Parameters<typeof builder.unionType>[1]["types"];
type Builder = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : SchemaTypes;

/**
 * A mutation's result union (API.md): its success type(s) and the typed errors a user can cause.
 * Unions are spelt out rather than generated per field, because several fields share one
 * (ConfirmFactorResult, CompleteSignInResult) and signIn has two success members.
 */
export function resultUnion<E extends readonly ErrorClass[]>(
  name: string,
  success: readonly unknown[],
  errors: E,
  description?: string,
) {
  const ref = builder.unionType(name, {
    types: [...success, ...errors.map(errorTypeFor)] as unknown as Types,
    description:
      description ??
      `The result of a mutation: ${success.map((s) => `\`${String((s as { name?: string }).name ?? s)}\``).join(" or ")} on success, else one of the typed errors listed (branch on \`__typename\`, then \`code\`).`,
    // Every member value is a plain object tagged with its type name (see `successType`, `errorResult`).
    resolveType: (value) => (value as Tagged).__typename,
  });
  return { ref: ref as unknown as UnionRef<Builder, object, object>, errors };
}

/** A member value of a result union: a plain object that names its GraphQL type. */
export type Tagged<N extends string = string> = { readonly __typename: N };

type ObjectOptions<T extends object> = Parameters<ReturnType<typeof builder.objectRef<T>>["implement"]>[0];

/**
 * A success member of result unions: a GraphQL object over plain values tagged with its name.
 * `of` builds the value a resolver returns, so the tag always matches the type it resolves to.
 */
export function successType<T extends object>(name: string, options: ObjectOptions<T>) {
  const ref = builder.objectRef<T>(name).implement(options);
  return { ref, of: (value: T): T & Tagged => ({ ...value, __typename: name }) };
}

/**
 * Runs a resolver and returns any of the union's typed errors as a result member; anything else
 * propagates and is masked by yoga.
 */
export async function asResult<T>(union: { errors: readonly ErrorClass[] }, run: () => Promise<T>): Promise<T | ErrorResult> {
  try {
    return await run();
  } catch (error) {
    if (union.errors.some((cls) => error instanceof cls)) return errorResult(error as DomainError);
    // A dependency that stayed unavailable through the SDK's retries: nothing was acknowledged, retry.
    if (isTransientDependencyError(error) && union.errors.includes(ServiceUnavailableError)) {
      requestLogger()?.warn({ err: error }, "dependency unavailable");
      return errorResult(new ServiceUnavailableError());
    }
    throw error;
  }
}

export type { Context };
