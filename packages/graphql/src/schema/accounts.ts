import {
  ConflictError,
  enforcementFor,
  getDomain,
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

export const UserRef = builder.objectRef<Account>("User");
/** One value per factor in core's registry. */
export const FactorKindEnum = builder.enumType("FactorKind", { values: factorKinds });
export const AalEnum = builder.enumType("AAL", {
  values: {
    AAL1: { description: "Password only." },
    AAL2: { description: "Password (or passkey) and a second factor." },
  },
});

export const SessionRef = builder.objectRef<IssuedSession>("Session").implement({
  description: "Send `token` as `Authorization: Bearer <token>`. It is shown only once.",
  fields: (t) => ({
    token: t.exposeString("token"),
    aal: t.field({ type: AalEnum, resolve: (s) => s.aal }),
    expiresAt: t.field({ type: "DateTime", resolve: (s) => s.expiresAt }),
    enrolmentRequired: t.exposeBoolean("enrolmentRequired", {
      description: "The domain requires 2FA and its grace period is over: this session may only set it up.",
    }),
  }),
});

/** `user` is given, or loaded only when the caller selects it (the second step needs no account read). */
export const SignedIn = successType<{ session: IssuedSession; user: Account | (() => Promise<Account>) }>("SignedIn", {
  fields: (t) => ({
    session: t.field({ type: SessionRef, resolve: (s) => s.session }),
    user: t.field({
      type: UserRef,
      resolve: async (s, _args, context) => {
        const user = typeof s.user === "function" ? await s.user() : s.user;
        context.signedInAs.add(user.userId);
        return user;
      },
    }),
  }),
});

/** A factor's schema file adds its own sign-in hints to this type (e.g. sms.ts: `smsFactors`). */
export const SignInChallengeRef = builder.objectRef<SignInChallengeView>("SignInChallenge").implement({
  description: "The second step of a sign-in: answer it with `completeSignIn` within 5 minutes, at most 5 wrong tries.",
  fields: (t) => ({
    id: t.exposeID("id"),
    expiresAt: t.field({ type: "DateTime", resolve: (c) => c.expiresAt }),
    methods: t.field({ type: [FactorKindEnum], resolve: (c) => c.methods }),
    backupCodesAvailable: t.exposeBoolean("backupCodesAvailable"),
  }),
});

const SecondFactorRequired = successType<{ challenge: SignInChallengeView }>("SecondFactorRequired", {
  fields: (t) => ({ challenge: t.field({ type: SignInChallengeRef, resolve: (s) => s.challenge }) }),
});

const SignedOut = successType<{ success: boolean }>("SignedOut", {
  fields: (t) => ({ success: t.exposeBoolean("success") }),
});

/**
 * A user's 2FA status, for the user themselves (their policy is already on the caller) or an
 * owner of their verified domain. Anyone else (a member reading an owner's name in an audit
 * event) gets FORBIDDEN: factor labels and backup-code counts are nobody else's business.
 */
export async function statusFor(context: Context, account: Account) {
  const { caller, deps } = context;
  if (caller && caller.account.userId === account.userId) {
    return twoFactorStatus(account, enforcementFor(caller.domain, account, deps.clock.now()));
  }
  const domain = await getDomain(deps, account.domain);
  const own = context.signedInAs.has(account.userId);
  if (!own && (!caller || !domain?.verified || !domain.owners.includes(caller.account.email))) {
    throw new GraphQLError("Only the user and the owners of their domain may see their two-factor status.", { extensions: { code: "FORBIDDEN" } });
  }
  return twoFactorStatus(account, enforcementFor(domain, account, deps.clock.now()));
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
  fields: (t) => ({ email: t.string({ required: true }), password: t.string({ required: true }) }),
});
const SignInInput = builder.inputType("SignInInput", {
  fields: (t) => ({ email: t.string({ required: true }), password: t.string({ required: true }) }),
});
/** The challenge id, and one optional field per proof core's registry knows. */
const CompleteSignInInput = builder.inputType("CompleteSignInInput", {
  description: `Exactly one proof: ${proofInputs.map((p) => p.field).join(", ").replace(/, ([^,]*)$/, " or $1")}.`,
  fields: (t) => ({
    challengeId: t.id({ required: true }),
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
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: (_root, { input }, { deps, client }) =>
      asResult(SignUpResult, async () => {
        const account = await signUp(deps, input, client);
        return SignedIn.of({ session: await sessionForNewAccount(deps, account), user: account });
      }),
  }),
  signIn: t.field({
    type: SignInResult.ref,
    args: { input: t.arg({ type: SignInInput, required: true }) },
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
    args: { input: t.arg({ type: CompleteSignInInput, required: true }) },
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
