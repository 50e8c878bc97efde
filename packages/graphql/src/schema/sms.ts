import {
  confirmSmsEnrolment,
  ExpiredError,
  FactorLockedError,
  sendSignInSmsCode,
  SmsDeliveryFailedError,
  startSmsEnrolment,
  StepUpRequiredError,
  ValidationError,
  type SignInHints,
  type SmsCodeSent,
  type SmsEnrolment,
} from "@access-identity/core";
import { builder } from "../builder.js";
import { SignInChallengeRef } from "./accounts.js";
import { commonErrors } from "./errors.js";
import { asResult, resultUnion, successType } from "./results.js";
import { stepUpOnceEnabled } from "./step-up.js";
import { ConfirmFactorResult, FactorConfirmed } from "./two-factor.js";

const SmsEnrolmentResult = successType<{ enrolment: SmsEnrolment }>("SmsEnrolment", {
  description: "A code was texted to the number: confirm it with `confirmSmsEnrolment` before `expiresAt`.",
  fields: (t) => ({
    factorId: t.id({ resolve: (r) => r.enrolment.factorId }),
    maskedPhoneNumber: t.string({ description: 'e.g. "+44 ••• ••• 3456"', resolve: (r) => r.enrolment.maskedPhoneNumber }),
    expiresAt: t.field({ type: "DateTime", description: "The code expires at this moment (5 minutes).", resolve: (r) => r.enrolment.expiresAt }),
  }),
});

// The SMS factor's sign-in hint: which (masked) numbers a sign-in code can be texted to.
const SmsFactorHint = builder.objectRef<SignInHints["smsFactors"][number]>("SmsFactorHint").implement({
  fields: (t) => ({
    factorId: t.exposeID("factorId"),
    maskedPhoneNumber: t.exposeString("maskedPhoneNumber"),
  }),
});
builder.objectField(SignInChallengeRef, "smsFactors", (t) => t.field({ type: [SmsFactorHint], resolve: (c) => c.smsFactors }));

const SmsCodeSentResult = successType<{ sent: SmsCodeSent }>("SmsCodeSent", {
  description: "A sign-in code was texted; answer with `completeSignIn { smsCode }`. Earlier codes stop working.",
  fields: (t) => ({
    expiresAt: t.field({ type: "DateTime", resolve: (r) => r.sent.expiresAt }),
    resendAfter: t.field({ type: "DateTime", description: "Another code can be asked for from this moment.", resolve: (r) => r.sent.resendAfter }),
  }),
});

const StartSmsEnrolmentInput = builder.inputType("StartSmsEnrolmentInput", {
  fields: (t) => ({
    phoneNumber: t.string({
      required: true,
      description: 'A mobile number in any common written form, international ("+44 7400 123456") unless the server sets a default region.',
    }),
  }),
});
const ConfirmSmsEnrolmentInput = builder.inputType("ConfirmSmsEnrolmentInput", {
  fields: (t) => ({ factorId: t.id({ required: true }), code: t.string({ required: true }) }),
});
const SendSignInSmsCodeInput = builder.inputType("SendSignInSmsCodeInput", {
  fields: (t) => ({
    challengeId: t.id({ required: true }),
    factorId: t.id({ description: "One of the challenge's smsFactors; default the first." }),
  }),
});

const StartSmsEnrolmentResult = resultUnion("StartSmsEnrolmentResult", [SmsEnrolmentResult.ref], [
  ValidationError,
  StepUpRequiredError,
  SmsDeliveryFailedError,
  ...commonErrors,
]);
const SendSmsCodeResult = resultUnion("SendSmsCodeResult", [SmsCodeSentResult.ref], [
  ExpiredError,
  FactorLockedError,
  SmsDeliveryFailedError,
  ValidationError,
  ...commonErrors,
]);

builder.mutationFields((t) => ({
  startSmsEnrolment: t.field({
    type: StartSmsEnrolmentResult.ref,
    description: "Texts a code to a mobile number. Call again (after 30 s) for a new code.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: StartSmsEnrolmentInput, required: true }) },
    resolve: (_root, { input }, context) =>
      asResult(StartSmsEnrolmentResult, async () => {
        stepUpOnceEnabled(context);
        const { deps, caller, client } = context;
        return SmsEnrolmentResult.of({ enrolment: await startSmsEnrolment(deps, caller!.account, { phoneNumber: input.phoneNumber }, client) });
      }),
  }),
  confirmSmsEnrolment: t.field({
    type: ConfirmFactorResult.ref,
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ConfirmSmsEnrolmentInput, required: true }) },
    resolve: (_root, { input }, context) =>
      asResult(ConfirmFactorResult, async () => {
        stepUpOnceEnabled(context);
        const { deps, caller } = context;
        return FactorConfirmed.of({ factor: await confirmSmsEnrolment(deps, caller!.account, { factorId: String(input.factorId), code: input.code }) });
      }),
  }),
  sendSignInSmsCode: t.field({
    type: SendSmsCodeResult.ref,
    description: "The second step by text message: sends a code for a sign-in challenge (no session needed).",
    args: { input: t.arg({ type: SendSignInSmsCodeInput, required: true }) },
    resolve: (_root, { input }, { deps, client }) =>
      asResult(SendSmsCodeResult, async () =>
        SmsCodeSentResult.of({
          sent: await sendSignInSmsCode(deps, { challengeId: String(input.challengeId), factorId: input.factorId == null ? null : String(input.factorId) }, client),
        }),
      ),
  }),
}));
