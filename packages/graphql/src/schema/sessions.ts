import {
  changePassword,
  completeStepUp,
  currentSessionInfo,
  ownSessionInfo,
  ExpiredError,
  FactorLockedError,
  InvalidCodeError,
  InvalidCredentialsError,
  listSessions,
  NotAllowedError,
  revokeOwnSession,
  signOutEverywhere,
  startStepUp,
  StepUpRequiredError,
  ValidationError,
  type Account,
  type IssuedSession,
  type SessionInfo,
  type SignInChallengeView,
} from "@access-identity/core";
import { builder } from "../builder.js";
import { AalEnum, CompleteSignInInput, SessionRef, SignInChallengeRef, UserRef } from "./accounts.js";
import { AFTER_ARG, connection, FIRST_ARG, pageOf } from "./common.js";
import { NodeRef, registerNode } from "./node.js";
import { commonErrors } from "./errors.js";
import { asResult, resultUnion, successType } from "./results.js";

const SessionInfoRef = builder.objectRef<SessionInfo>("SessionInfo").implement({
  description: "One of the caller's sessions, as its owner (and only its owner) sees it. Never its token.",
  interfaces: [NodeRef],
  fields: (t) => ({
    id: t.exposeID("id", { description: "What revokeSession takes." }),
    current: t.exposeBoolean("current", { description: "This is the session the request came with." }),
    aal: t.field({ type: AalEnum, description: "What the session holds now (AAL2 lapses to AAL1).", resolve: (s) => s.aal }),
    aal2Until: t.field({ type: "DateTime", nullable: true, description: "When AAL2 lapses if the session stays idle; null at AAL1.", resolve: (s) => s.aal2Until ?? null }),
    createdAt: t.field({ type: "DateTime", description: "When the session was opened.", resolve: (s) => s.createdAt }),
    lastSeenAt: t.field({ type: "DateTime", description: "The session's last request, to within a minute.", resolve: (s) => s.lastSeenAt }),
    expiresAt: t.field({ type: "DateTime", description: "When the session ends at the latest.", resolve: (s) => s.expiresAt }),
    ipAddress: t.string({ nullable: true, description: "The client address that opened the session.", resolve: (s) => s.ipAddress ?? null }),
    userAgent: t.string({ nullable: true, description: "The User-Agent that opened the session.", resolve: (s) => s.userAgent ?? null }),
  }),
});

const SessionInfoConnection = connection("SessionInfo", SessionInfoRef);

// Sessions opened by a sign-in with a second factor keep their challenge's id (`chl_…`).
for (const prefix of ["ses", "chl"]) registerNode(prefix, "SessionInfo", (context, id) => ownSessionInfo(context.deps, context.caller!, id));

const SessionRevoked = successType<{ sessionId: string }>("SessionRevoked", {
  description: "The session is signed out: its token is UNAUTHENTICATED from its next request.",
  fields: (t) => ({ sessionId: t.exposeID("sessionId", { description: "The session signed out." }) }),
});
const SignedOutEverywhere = successType<{ revokedCount: number }>("SignedOutEverywhere", {
  description: "Every session (but the current one with keepCurrent) and every known device token is revoked.",
  fields: (t) => ({ revokedCount: t.exposeInt("revokedCount", { description: "How many live sessions were signed out." }) }),
});
const PasswordChanged = successType<{ user: Account }>("PasswordChanged", {
  description: "The new password is in force; every other session and every known device token is revoked.",
  fields: (t) => ({ user: t.field({ type: UserRef, description: "The user after the change.", resolve: (s) => s.user }) }),
});
const StepUpChallenge = successType<{ challenge: SignInChallengeView }>("StepUpChallenge", {
  description: "Answer it with completeStepUp (sendSignInSmsCode and startSignInWebAuthn work on it as at sign-in).",
  fields: (t) => ({ challenge: t.field({ type: SignInChallengeRef, description: "Bound to the current session.", resolve: (s) => s.challenge }) }),
});
const SteppedUp = successType<{ session: IssuedSession }>("SteppedUp", {
  description: "The current session, same token, now at AAL2 with a new aal2Until.",
  fields: (t) => ({ session: t.field({ type: SessionRef, description: "The session stepped up.", resolve: (s) => s.session }) }),
});

const RevokeSessionResult = resultUnion("RevokeSessionResult", [SessionRevoked.ref], [NotAllowedError, ...commonErrors]);
const SignOutEverywhereResult = resultUnion("SignOutEverywhereResult", [SignedOutEverywhere.ref], [...commonErrors]);
const ChangePasswordResult = resultUnion("ChangePasswordResult", [PasswordChanged.ref], [
  InvalidCredentialsError,
  ValidationError,
  StepUpRequiredError,
  ...commonErrors,
]);
const StartStepUpResult = resultUnion("StartStepUpResult", [StepUpChallenge.ref], [NotAllowedError, ...commonErrors]);
// The consecutive-failure lock adds its error here, next to the proof's other refusals.
const CompleteStepUpResult = resultUnion("CompleteStepUpResult", [SteppedUp.ref], [InvalidCodeError, ExpiredError, ValidationError, FactorLockedError, ...commonErrors]);

const RevokeSessionInput = builder.inputType("RevokeSessionInput", {
  description: "The session to sign out.",
  fields: (t) => ({ sessionId: t.id({ required: true, description: "A SessionInfo id of the caller's." }) }),
});
const SignOutEverywhereInput = builder.inputType("SignOutEverywhereInput", {
  description: "Whether the current session survives.",
  fields: (t) => ({ keepCurrent: t.boolean({ description: "Keep the session this request came with (default false)." }) }),
});
const ChangePasswordInput = builder.inputType("ChangePasswordInput", {
  description: "The password in force and its replacement (the sign-up rules apply).",
  fields: (t) => ({
    currentPassword: t.string({ required: true, description: "The password in force." }),
    newPassword: t.string({ required: true, description: "8 to 256 characters, not a common password nor the email." }),
  }),
});

builder.queryFields((t) => ({
  session: t.field({
    type: SessionInfoRef,
    nullable: true,
    description: "The current session; null when not signed in.",
    resolve: (_root, _args, { deps, caller }) => (caller ? currentSessionInfo(deps, caller) : null),
  }),
  sessions: t.field({
    type: SessionInfoConnection,
    description: "The caller's live sessions, newest first.",
    authScopes: { signedIn: true },
    args: {
      first: t.arg.int({ description: FIRST_ARG }),
      after: t.arg.string({ description: AFTER_ARG }),
    },
    resolve: async (_root, args, { deps, caller }) => pageOf(await listSessions(deps, caller!, args), args),
  }),
}));

builder.mutationFields((t) => ({
  revokeSession: t.field({
    type: RevokeSessionResult.ref,
    description: "Signs one of the caller's sessions out. Any other id is NotAllowedError, whether or not it exists.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RevokeSessionInput, required: true, description: "The session to end." }) },
    resolve: (_root, { input }, { deps, caller }) =>
      asResult(RevokeSessionResult, async () => SessionRevoked.of(await revokeOwnSession(deps, caller!, { sessionId: String(input.sessionId) }))),
  }),
  signOutEverywhere: t.field({
    type: SignOutEverywhereResult.ref,
    description: "Signs out every session of the caller (but this one with keepCurrent) and revokes every known device token.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: SignOutEverywhereInput, required: true, description: "Whether to keep the session making the request." }) },
    resolve: (_root, { input }, { deps, caller }) =>
      asResult(SignOutEverywhereResult, async () => SignedOutEverywhere.of(await signOutEverywhere(deps, caller!, input))),
  }),
  changePassword: t.field({
    type: ChangePasswordResult.ref,
    description: "Needs step-up (AAL2 within 10 minutes) when 2FA is on. Limited like sign-in attempts. Revokes every other session.",
    authScopes: { fullAccess: true },
    args: { input: t.arg({ type: ChangePasswordInput, required: true, description: "The current password and the new one." }) },
    resolve: (_root, { input }, { deps, caller, client }) =>
      asResult(ChangePasswordResult, async () => PasswordChanged.of({ user: await changePassword(deps, caller!, input, client) })),
  }),
  startStepUp: t.field({
    type: StartStepUpResult.ref,
    description: "A second-factor challenge bound to the current session. NotAllowedError when 2FA is not on.",
    authScopes: { signedIn: true },
    resolve: (_root, _args, { deps, caller }) => asResult(StartStepUpResult, async () => StepUpChallenge.of({ challenge: await startStepUp(deps, caller!) })),
  }),
  completeStepUp: t.field({
    type: CompleteStepUpResult.ref,
    description: "Answers a startStepUp challenge: the current session (same token) becomes AAL2.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CompleteSignInInput, required: true, description: "The step-up challenge and exactly one proof." }) },
    resolve: (_root, { input }, { deps, caller, client }) =>
      asResult(CompleteStepUpResult, async () =>
        SteppedUp.of({ session: await completeStepUp(deps, caller!, { ...input, challengeId: String(input.challengeId) }, client) }),
      ),
  }),
}));
