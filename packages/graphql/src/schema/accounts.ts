import {
  ConflictError,
  enforcementFor,
  policyDomainOf,
  issueDeviceToken,
  mayReadTwoFactorStatus,
  ExpiredError,
  FactorLockedError,
  InvalidCodeError,
  InvalidCredentialsError,
  revokeSession,
  signIn,
  sessionForNewAccount,
  signUp,
  completeSignIn,
  factorKinds,
  proofInputs,
  twoFactorStatus,
  ValidationError,
  type Account,
  type IssuedSession,
  type SignInChallengeView,
  type SignInProof,
} from "@access-identity/core";
import { GraphQLError } from "graphql";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { commonErrors } from "./errors.js";
import { asResult, resultUnion, successType } from "./results.js";

/**
 * A user as the schema resolves it. `answeredBySignIn`: the user a sign-in just answered for (the
 * request carried no session yet), who may read their own status.
 */
export type UserSource = Account & { readonly answeredBySignIn?: boolean };
export const UserRef = builder.objectRef<UserSource>("User");
/** One value per factor in core's registry. */
const factorKindDescriptions: Record<string, string> = {
  TOTP: "An authenticator app (time-based one-time codes, RFC 6238).",
  SMS: "Codes sent by text message to a mobile number.",
  WEBAUTHN: "A security key, device biometrics or a passkey (WebAuthn).",
};
export const FactorKindEnum = builder.enumType("FactorKind", {
  description: "A kind of second factor.",
  values: Object.fromEntries(factorKinds.map((kind) => [kind, { description: factorKindDescriptions[kind] ?? `${kind} factor.` }])),
});
export const AalEnum = builder.enumType("AAL", {
  description: "Authenticator assurance level of a session (NIST SP 800-63B).",
  values: {
    AAL1: { description: "Password only." },
    AAL2: { description: "Password (or passkey) and a second factor." },
  },
});

export const SessionRef = builder.objectRef<IssuedSession>("Session").implement({
  description: "Send `token` as `Authorization: Bearer <token>`. It is shown only once.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The session's id, as `sessions` lists it and `revokeSession` takes it." }),
    token: t.exposeString("token", { description: "The bearer token. Keep it secret; it is never shown again." }),
    aal: t.field({ type: AalEnum, description: "What the session holds now: AAL2 lapses to AAL1 (see aal2Until).", resolve: (s) => s.aal }),
    aal2Until: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "When AAL2 lapses to AAL1 if the session stays idle (SESSION_AAL2_IDLE_SECONDS), at the latest SESSION_AAL2_SECONDS after the proof; null at AAL1. Step up again with startStepUp.",
      resolve: (s) => s.aal2Until ?? null,
    }),
    expiresAt: t.field({ type: "DateTime", description: "When the session ends at the latest (it also ends when idle or revoked).", resolve: (s) => s.expiresAt }),
    enrolmentRequired: t.exposeBoolean("enrolmentRequired", {
      description: "The domain requires 2FA and its grace period is over: this session may only set it up.",
    }),
  }),
});

/** `user` is given, or loaded only when the caller selects it (the second step needs no account read). */
export const SignedIn = successType<{ session: IssuedSession; user: Account | (() => Promise<Account>) }>("SignedIn", {
  description: "Signed in: send `session.token` as a bearer token from now on.",
  fields: (t) => ({
    session: t.field({ type: SessionRef, description: "The new session.", resolve: (s) => s.session }),
    user: t.field({
      type: UserRef,
      description: "The user signed in.",
      resolve: async (s) => ({ ...(typeof s.user === "function" ? await s.user() : s.user), answeredBySignIn: true }),
    }),
    deviceToken: t.string({
      description:
        "Keep it on this device and send it with the next signIn: when someone else's wrong passwords fill this account's sign-in limit, this device is judged by its own limit and can still sign in. Issued when selected; revoked with signOutEverywhere, a password change or reset, and an owner's reset.",
      resolve: (s, _args, { deps }) => issueDeviceToken(deps, s.session),
    }),
  }),
});

/** A factor's schema file adds its own sign-in hints to this type (e.g. sms.ts: `smsFactors`). */
export const SignInChallengeRef = builder.objectRef<SignInChallengeView>("SignInChallenge").implement({
  description: "The second step of a sign-in: answer it with `completeSignIn` within 5 minutes, at most 5 wrong tries.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Pass it as `challengeId` to the second-step operations." }),
    expiresAt: t.field({ type: "DateTime", description: "Answer before this moment, else sign in again.", resolve: (c) => c.expiresAt }),
    methods: t.field({ type: [FactorKindEnum], description: "The kinds of confirmed factor the user can answer with.", resolve: (c) => c.methods }),
    backupCodesAvailable: t.exposeBoolean("backupCodesAvailable", { description: "The user has unused backup codes (`completeSignIn { backupCode }`)." }),
  }),
});

export const SecondFactorRequired = successType<{ challenge: SignInChallengeView }>("SecondFactorRequired", {
  description: "The password was right and the account has 2FA: answer the challenge with a second factor.",
  fields: (t) => ({ challenge: t.field({ type: SignInChallengeRef, description: "The second step to answer.", resolve: (s) => s.challenge }) }),
});

const SignedOut = successType<{ success: boolean }>("SignedOut", {
  description: "The session was revoked: its token no longer works.",
  fields: (t) => ({ success: t.exposeBoolean("success", { description: "Always true." }) }),
});

/**
 * A user's 2FA status, for whom core's access rule allows (`mayReadTwoFactorStatus`: the user, or
 * an owner of their verified domain). Anyone else (a member reading an owner's name in an audit
 * event) gets FORBIDDEN: factor labels and backup-code counts are nobody else's business.
 */
export async function statusFor(context: Context, user: UserSource) {
  const { caller, deps } = context;
  if (caller && caller.account.userId === user.userId) {
    // Their policy is already on the caller: no read.
    return twoFactorStatus(user, enforcementFor(caller.domain, user, deps.clock.now()));
  }
  const viewer = user.answeredBySignIn ? { userId: user.userId, email: user.email } : caller && { userId: caller.account.userId, email: caller.account.email };
  // Fresh for an organisation (owner rights are judged on it); no read on a public mail domain,
  // which has no owners: sign-up and sign-in answers must not read DOMAIN#gmail.com.
  const domain = await policyDomainOf(deps, user);
  if (!mayReadTwoFactorStatus(viewer, user, domain)) {
    throw new GraphQLError("Only the user and the owners of their domain may see their two-factor status.", { extensions: { code: "FORBIDDEN" } });
  }
  return twoFactorStatus(user, enforcementFor(domain, user, deps.clock.now()));
}

export const SignInResult = resultUnion("SignInResult", [SignedIn.ref, SecondFactorRequired.ref], [InvalidCredentialsError, ...commonErrors]);
const SignUpResult = resultUnion("SignUpResult", [SignedIn.ref], [ValidationError, ConflictError, ...commonErrors]);
export const CompleteSignInResult = resultUnion("CompleteSignInResult", [SignedIn.ref], [
  InvalidCodeError,
  FactorLockedError,
  ExpiredError,
  ValidationError,
  ...commonErrors,
]);
const SignOutResult = resultUnion("SignOutResult", [SignedOut.ref], [...commonErrors]);

const SignUpInput = builder.inputType("SignUpInput", {
  description: "A new account's email and password.",
  fields: (t) => ({
    email: t.string({ required: true, description: "The account's email; case and surrounding spaces do not matter." }),
    password: t.string({ required: true, description: "8-256 characters; very common passwords and the email itself are refused." }),
  }),
});
const SignInInput = builder.inputType("SignInInput", {
  description: "The first step of a sign-in.",
  fields: (t) => ({
    email: t.string({ required: true, description: "The account's email." }),
    password: t.string({ required: true, description: "The account's password." }),
    deviceToken: t.string({
      description: "The `deviceToken` of an earlier SignedIn on this device, if it has one: it keeps the device able to sign in while the account's limit is full.",
    }),
  }),
});
/** The challenge id, and one optional field per proof core's registry knows. */
export const CompleteSignInInput = builder.inputType("CompleteSignInInput", {
  description: `Exactly one proof: ${proofInputs.map((p) => p.field).join(", ").replace(/, ([^,]*)$/, " or $1")}.`,
  fields: (t) => ({
    challengeId: t.id({ required: true, description: "The `SignInChallenge.id` being answered." }),
    ...Object.fromEntries(
      proofInputs.map((p) => [p.field, p.type === "JSON" ? t.field({ type: "JSON", description: p.description }) : t.string({ description: p.description })]),
    ),
  }),
});

builder.queryField("me", (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    description: "The signed-in user, or null.",
    resolve: (_root, _args, context) => context.caller?.account ?? null,
  }),
);

builder.mutationFields((t) => ({
  signUp: t.field({
    type: SignUpResult.ref,
    description: "Creates an account and signs it in (AAL1). ConflictError when the email is taken.",
    args: { input: t.arg({ type: SignUpInput, required: true, description: "The new account." }) },
    resolve: (_root, { input }, { deps, client }) =>
      asResult(SignUpResult, async () => {
        const account = await signUp(deps, input, client);
        return SignedIn.of({ session: await sessionForNewAccount(deps, account, client), user: account });
      }),
  }),
  signIn: t.field({
    type: SignInResult.ref,
    description: "The password step: SignedIn when the account has no 2FA, else SecondFactorRequired with a challenge.",
    args: { input: t.arg({ type: SignInInput, required: true, description: "Email and password." }) },
    resolve: (_root, { input }, { deps, client }) =>
      asResult(SignInResult, async () => {
        const outcome = await signIn(deps, input, client);
        return outcome.kind === "signedIn"
          ? SignedIn.of({ session: outcome.session, user: outcome.account })
          : SecondFactorRequired.of({ challenge: outcome.challenge });
      }),
  }),
  completeSignIn: t.field({
    type: CompleteSignInResult.ref,
    description: "The second step: answers a SignInChallenge with exactly one proof; SignedIn at AAL2 when it passes.",
    args: { input: t.arg({ type: CompleteSignInInput, required: true, description: "The challenge and one proof." }) },
    resolve: (_root, { input }, { deps, client }) =>
      asResult(CompleteSignInResult, async () => {
        const { challengeId, ...proofs } = input;
        const { session, loadAccount } = await completeSignIn(deps, { ...(proofs as SignInProof), challengeId: String(challengeId) }, client);
        return SignedIn.of({ session, user: loadAccount });
      }),
  }),
  signOut: t.field({
    type: SignOutResult.ref,
    description: "Revokes the current session.",
    authScopes: { signedIn: true },
    resolve: (_root, _args, { deps, caller }) =>
      asResult(SignOutResult, async () => {
        await revokeSession(deps, caller!.session.id);
        return SignedOut.of({ success: true });
      }),
  }),
}));
