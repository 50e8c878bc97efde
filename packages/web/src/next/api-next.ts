// The API's coming operations (../shared/API.md), reached through the client's `request` with the
// documents in packages/client/src/operations-next/ until codegen makes them client methods.
// When the API lands and the client is regenerated, this whole file becomes
//   export const nextApi = client;
// (same method names, same arguments, same results), and the screens in this folder need no edit.
import type { CompleteSignInInput, TypedDocument } from "@access-identity/client";
import { client } from "../api/client.js";
import type { ApiError } from "../api/errors.js";
import type { Challenge } from "../auth/SecondFactorForm.js";
import emailDocs from "../../../client/src/operations-next/email.graphql?raw";
import sessionDocs from "../../../client/src/operations-next/sessions.graphql?raw";
import stepUpDocs from "../../../client/src/operations-next/step-up.graphql?raw";
import errorFields from "../../../client/src/operations/errors.graphql?raw";

type Failure = ApiError & { __typename: `${string}Error` };

export interface SessionInfo {
  id: string;
  current: boolean;
  aal: "AAL1" | "AAL2";
  aal2Until: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface NextApi {
  session(): Promise<SessionInfo | null>;
  sessions(variables: { first?: number; after?: string }): Promise<{ edges: { cursor: string; node: SessionInfo }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>;
  revokeSession(variables: { input: { sessionId: string } }): Promise<{ __typename: "SessionRevoked"; sessionId: string } | Failure>;
  signOutEverywhere(variables: { input: { keepCurrent?: boolean } }): Promise<{ __typename: "SignedOutEverywhere"; revokedCount: number } | Failure>;
  changePassword(variables: { input: { currentPassword: string; newPassword: string } }): Promise<{ __typename: "PasswordChanged"; user: { id: string; email: string } } | Failure>;
  startStepUp(): Promise<{ __typename: "StepUpChallenge"; challenge: Challenge } | Failure>;
  completeStepUp(variables: { input: CompleteSignInInput }): Promise<{ __typename: "SteppedUp"; session: { token: string; aal: string; expiresAt: string; aal2Until: string | null } } | Failure>;
  sendEmailVerification(): Promise<{ __typename: "EmailVerificationSent"; expiresAt: string; resendAfter: string } | Failure>;
  verifyEmail(variables: { input: { token: string } }): Promise<{ __typename: "EmailVerified"; user: { id: string; email: string; emailVerified: boolean } } | Failure>;
  requestPasswordReset(variables: { input: { email: string } }): Promise<{ __typename: "PasswordResetRequested" } | Failure>;
  resetPassword(variables: { input: { token: string; newPassword: string } }): Promise<{ __typename: "PasswordReset" } | { __typename: "SecondFactorRequired"; challenge: Challenge } | Failure>;
}

/** One named operation out of a .graphql file, with the ErrorFields fragment when it uses it. */
function operation(source: string, name: string): string {
  const start = source.search(new RegExp(`^(query|mutation) ${name}\\b`, "m"));
  if (start < 0) throw new Error(`no operation ${name}`);
  const rest = source.slice(start + 1);
  const next = rest.search(/^(query|mutation|fragment) /m);
  const text = source.slice(start, next < 0 ? undefined : start + 1 + next);
  return text.includes("...ErrorFields") ? `${text}\n${errorFields}` : text;
}

const DOCUMENTS: Record<keyof NextApi, string> = {
  session: operation(sessionDocs, "Session"),
  sessions: operation(sessionDocs, "Sessions"),
  revokeSession: operation(sessionDocs, "RevokeSession"),
  signOutEverywhere: operation(sessionDocs, "SignOutEverywhere"),
  changePassword: operation(sessionDocs, "ChangePassword"),
  startStepUp: operation(stepUpDocs, "StartStepUp"),
  completeStepUp: operation(stepUpDocs, "CompleteStepUp"),
  sendEmailVerification: operation(emailDocs, "SendEmailVerification"),
  verifyEmail: operation(emailDocs, "VerifyEmail"),
  requestPasswordReset: operation(emailDocs, "RequestPasswordReset"),
  resetPassword: operation(emailDocs, "ResetPassword"),
};

function method(name: keyof NextApi) {
  const document: TypedDocument<Record<string, unknown>, unknown> = { toString: () => DOCUMENTS[name] };
  // Like the generated methods: the operation's one root field.
  return async (variables?: unknown) => Object.values(await client.request(document, variables ?? {}))[0];
}

export const nextApi = Object.fromEntries(Object.keys(DOCUMENTS).map((name) => [name, method(name as keyof NextApi)])) as unknown as NextApi;
