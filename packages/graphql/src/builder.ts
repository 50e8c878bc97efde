import SchemaBuilder from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { GraphQLError } from "graphql";
import { DateTimeResolver, JSONResolver } from "graphql-scalars";
import type { Context } from "./context.js";

/**
 * Setup only; every type and field lives in schema/. Scopes:
 * - signedIn: any live session, including one that must enrol in 2FA before anything else;
 * - fullAccess: a live session that is not held back by its domain's 2FA enforcement.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { signedIn: boolean; fullAccess: boolean };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      signedIn: Boolean(context.caller),
      fullAccess: Boolean(context.caller) && !isHeldForEnrolment(context),
    }),
    unauthorizedError: (_parent, context) =>
      context.caller
        ? new GraphQLError(
            isHeldForEnrolment(context)
              ? "Your organisation requires two-factor authentication: set it up before doing anything else."
              : "You are not allowed to do this.",
            { extensions: { code: "FORBIDDEN" } },
          )
        : new GraphQLError("Sign in first.", { extensions: { code: "UNAUTHENTICATED" } }),
  },
});

/**
 * Past its domain's enrolment deadline, a member without 2FA may only set it up: judged on every
 * request from the policy as it stands, so a session opened during the grace period is held too.
 */
export function isHeldForEnrolment(context: Context): boolean {
  return Boolean(context.caller?.enforcement.mustEnrolNow);
}

builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("JSON", JSONResolver);
builder.queryType({ description: "Reads. Send the session token as `Authorization: Bearer <token>`; fields say who may see what." });
builder.mutationType({
  description: "Changes. Each takes a single `input` (where it has arguments) and answers a result union: a success type or a typed error.",
});
