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
import { ConfirmFactorResult, FactorConfirmed } from "./two-factor.js";

const SmsEnrolmentResult = successType<{ enrolment: SmsEnrolment }>("SmsEnrolment", {
  description: "A code was texted to the number: confirm it with `confirmSmsEnrolment` before `expiresAt`.",
  fields: (t) => ({
    factorId: t.id({ description: "The pending factor: pass it to confirmSmsEnrolment.", resolve: (r) => r.enrolment.factorId }),
    maskedPhoneNumber: t.string({ description: 'The number with all but its last digits hidden, e.g. "+44 ••• ••• 3456".', resolve: (r) => r.enrolment.maskedPhoneNumber }),
    expiresAt: t.field({ type: "DateTime", description: "The code expires at this moment (5 minutes).", resolve: (r) => r.enrolment.expiresAt }),
  }),
});

// The SMS factor's sign-in hint: which (masked) numbers a sign-in code can be texted to.
const SmsFactorHint = builder.objectRef<SignInHints["smsFactors"][number]>("SmsFactorHint").implement({
  description: "A number a sign-in code can be texted to.",
  fields: (t) => ({
    factorId: t.exposeID("factorId", { description: "Pass it as `factorId` to sendSignInSmsCode." }),
    maskedPhoneNumber: t.exposeString("maskedPhoneNumber", { description: 'The number with all but its last digits hidden, e.g. "+44 ••• ••• 1234".' }),
  }),
});
builder.objectField(SignInChallengeRef, "smsFactors", (t) =>
  t.field({ type: [SmsFactorHint], description: "The user's text-message factors, oldest first.", resolve: (c) => c.smsFactors }),
);

const SmsCodeSentResult = successType<{ sent: SmsCodeSent }>("SmsCodeSent", {
  description: "A sign-in code was texted; answer with `completeSignIn { smsCode }`. Earlier codes stop working.",
  fields: (t) => ({
    expiresAt: t.field({ type: "DateTime", description: "The code works until this moment.", resolve: (r) => r.sent.expiresAt }),
    resendAfter: t.field({ type: "DateTime", description: "Another code can be asked for from this moment.", resolve: (r) => r.sent.resendAfter }),
  }),
});

const StartSmsEnrolmentInput = builder.inputType("StartSmsEnrolmentInput", {
  description: "The mobile number to add.",
  fields: (t) => ({
    phoneNumber: t.string({
      required: true,
      description: 'A mobile number in any common written form, international ("+44 7400 123456") unless the server sets a default region.',
    }),
  }),
});
const ConfirmSmsEnrolmentInput = builder.inputType("ConfirmSmsEnrolmentInput", {
  description: "The pending factor and the code texted to it.",
  fields: (t) => ({
    factorId: t.id({ required: true, description: "`SmsEnrolment.factorId`." }),
    code: t.string({ required: true, description: "The 6-digit code from the text message." }),
  }),
});
const SendSignInSmsCodeInput = builder.inputType("SendSignInSmsCodeInput", {
  description: "Which sign-in challenge, and which number.",
  fields: (t) => ({
    challengeId: t.id({ required: true, description: "The `SignInChallenge.id`." }),
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
    args: { input: t.arg({ type: StartSmsEnrolmentInput, required: true, description: "The number." }) },
    resolve: (_root, { input }, context) =>
      asResult(StartSmsEnrolmentResult, async () => {
        const { deps, caller, client } = context;
        return SmsEnrolmentResult.of({ enrolment: await startSmsEnrolment(deps, caller!, { phoneNumber: input.phoneNumber }, client) });
      }),
  }),
  confirmSmsEnrolment: t.field({
    type: ConfirmFactorResult.ref,
    description: "Confirms the number with the code texted to it; at most 5 wrong codes.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ConfirmSmsEnrolmentInput, required: true, description: "The pending factor and the code." }) },
    resolve: (_root, { input }, context) =>
      asResult(ConfirmFactorResult, async () => {
        const { deps, caller } = context;
        return FactorConfirmed.of({ factor: await confirmSmsEnrolment(deps, caller!, { factorId: String(input.factorId), code: input.code }) });
      }),
  }),
  sendSignInSmsCode: t.field({
    type: SendSmsCodeResult.ref,
    description: "The second step by text message: sends a code for a sign-in challenge (no session needed).",
    args: { input: t.arg({ type: SendSignInSmsCodeInput, required: true, description: "The challenge and, optionally, the number." }) },
    resolve: (_root, { input }, { deps, client }) =>
      asResult(SendSmsCodeResult, async () =>
        SmsCodeSentResult.of({
          sent: await sendSignInSmsCode(deps, { challengeId: String(input.challengeId), factorId: input.factorId == null ? null : String(input.factorId) }, client),
        }),
      ),
  }),
}));
