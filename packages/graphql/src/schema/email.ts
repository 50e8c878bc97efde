import {
  ConflictError,
  ExpiredError,
  InvalidCodeError,
  requestPasswordReset,
  resetPassword,
  sendEmailVerification,
  ValidationError,
  verifyEmail,
  type Account,
  type SignInChallengeView,
} from "@access-identity/core";
import { builder } from "../builder.js";
import { SecondFactorRequired, UserRef } from "./accounts.js";
import { commonErrors } from "./errors.js";
import { asResult, resultUnion, successType } from "./results.js";

// Email: verified addresses and password reset (API.md). The links' tokens arrive by email only.

const EmailVerificationSent = successType<{ expiresAt: Date; resendAfter: Date }>("EmailVerificationSent", {
  description: "A new verification link is on its way to the account's address.",
  fields: (t) => ({
    expiresAt: t.field({ type: "DateTime", description: "When the link stops working (24 hours).", resolve: (s) => s.expiresAt }),
    resendAfter: t.field({ type: "DateTime", description: "When another link may be asked for.", resolve: (s) => s.resendAfter }),
  }),
});

const EmailVerified = successType<{ user: Account }>("EmailVerified", {
  description: "The address is verified: it now counts for its domain, and the account no longer expires.",
  fields: (t) => ({ user: t.field({ type: UserRef, description: "The account whose address was verified.", resolve: (s) => s.user }) }),
});

const PasswordResetRequested = successType<{ success: boolean }>("PasswordResetRequested", {
  description:
    "The same answer whether or not the address has an account: if it has one, a reset link (valid 1 hour) is on its way.",
  fields: (t) => ({ success: t.exposeBoolean("success", { description: "Always true." }) }),
});

const PasswordReset = successType<{ success: boolean }>("PasswordReset", {
  description: "The new password is set and every session was signed out: sign in with the new password.",
  fields: (t) => ({ success: t.exposeBoolean("success", { description: "Always true." }) }),
});

const SendEmailVerificationResult = resultUnion("SendEmailVerificationResult", [EmailVerificationSent.ref], [ConflictError, ...commonErrors]);
const VerifyEmailResult = resultUnion("VerifyEmailResult", [EmailVerified.ref], [ExpiredError, InvalidCodeError, ...commonErrors]);
const RequestPasswordResetResult = resultUnion("RequestPasswordResetResult", [PasswordResetRequested.ref], [...commonErrors]);
const ResetPasswordResult = resultUnion("ResetPasswordResult", [PasswordReset.ref, SecondFactorRequired.ref], [
  ExpiredError,
  ValidationError,
  ...commonErrors,
]);

const VerifyEmailInput = builder.inputType("VerifyEmailInput", {
  description: "The token of a verification link (APP_URL/verify-email?token=...).",
  fields: (t) => ({ token: t.string({ required: true, description: "The link's `token` parameter." }) }),
});
const RequestPasswordResetInput = builder.inputType("RequestPasswordResetInput", {
  description: "The address of the account whose password was forgotten.",
  fields: (t) => ({ email: t.string({ required: true, description: "The account's email address." }) }),
});
const ResetPasswordInput = builder.inputType("ResetPasswordInput", {
  description: "The token of a reset link (APP_URL/reset-password?token=...) and the new password.",
  fields: (t) => ({
    token: t.string({ required: true, description: "The link's `token` parameter." }),
    newPassword: t.string({ required: true, description: "8 to 256 characters, not a common password nor the email address (as at sign-up)." }),
  }),
});

builder.mutationFields((t) => ({
  sendEmailVerification: t.field({
    type: SendEmailVerificationResult.ref,
    description: "Emails the signed-in account a new verification link. ConflictError when the address is verified already.",
    authScopes: { signedIn: true },
    resolve: (_root, _args, { deps, caller, client }) =>
      asResult(SendEmailVerificationResult, async () => EmailVerificationSent.of(await sendEmailVerification(deps, caller!.account, client))),
  }),
  verifyEmail: t.field({
    type: VerifyEmailResult.ref,
    description: "Opens a verification link; no session needed (the link may be opened on another device).",
    args: { input: t.arg({ type: VerifyEmailInput, required: true, description: "The link's token." }) },
    resolve: (_root, { input }, { deps }) => asResult(VerifyEmailResult, async () => EmailVerified.of({ user: await verifyEmail(deps, input) })),
  }),
  requestPasswordReset: t.field({
    type: RequestPasswordResetResult.ref,
    description: "Emails a password reset link if the address has an account; answers the same either way.",
    args: { input: t.arg({ type: RequestPasswordResetInput, required: true, description: "The account's address." }) },
    resolve: (_root, { input }, { deps, client }) =>
      asResult(RequestPasswordResetResult, async () => {
        await requestPasswordReset(deps, input, client);
        return PasswordResetRequested.of({ success: true });
      }),
  }),
  resetPassword: t.field({
    type: ResetPasswordResult.ref,
    description:
      "Sets a new password from a reset link. With 2FA on it answers SecondFactorRequired: completeSignIn with a second factor then sets the password and signs in. Either way every other session is signed out.",
    args: { input: t.arg({ type: ResetPasswordInput, required: true, description: "The link's token and the new password." }) },
    resolve: (_root, { input }, { deps }) =>
      asResult(ResetPasswordResult, async () => {
        const outcome = await resetPassword(deps, input);
        return outcome.kind === "reset"
          ? PasswordReset.of({ success: true })
          : SecondFactorRequired.of({ challenge: outcome.challenge as SignInChallengeView });
      }),
  }),
}));
