import { confirmTotpEnrolment, startTotpEnrolment, StepUpRequiredError, ValidationError, type TotpEnrolment } from "@access-identity/core";
import { builder } from "../builder.js";
import { commonErrors } from "./errors.js";
import { asResult, resultUnion, successType } from "./results.js";
import { ConfirmFactorResult, FactorConfirmed } from "./two-factor.js";

const TotpEnrolmentResult = successType<{ enrolment: TotpEnrolment }>("TotpEnrolment", {
  description: "Scan the QR code (or type `secret`) into an authenticator app, then confirm with the code it shows.",
  fields: (t) => ({
    factorId: t.id({ description: "The pending factor: pass it to confirmTotpEnrolment.", resolve: (r) => r.enrolment.factorId }),
    secret: t.string({ description: "Base32, for typing into the app by hand. Never shown again.", resolve: (r) => r.enrolment.secret }),
    otpauthUri: t.string({ description: "The otpauth:// URI the QR code holds (a link that opens an authenticator app on a phone).", resolve: (r) => r.enrolment.otpauthUri }),
    qrCodeDataUrl: t.string({ description: "The QR code as a PNG data URL (data:image/png;base64,...), for an <img src>.", resolve: (r) => r.enrolment.qrCodeDataUrl }),
    qrCodeSvg: t.string({ description: "The QR code as an SVG document, for inline rendering.", resolve: (r) => r.enrolment.qrCodeSvg }),
    expiresAt: t.field({ type: "DateTime", description: "Confirm before this moment.", resolve: (r) => r.enrolment.expiresAt }),
  }),
});

const StartTotpEnrolmentInput = builder.inputType("StartTotpEnrolmentInput", {
  description: "Options of a new authenticator app.",
  fields: (t) => ({ label: t.string({ description: 'A name for the app, e.g. "Work phone". Default "Authenticator app".' }) }),
});
const ConfirmTotpEnrolmentInput = builder.inputType("ConfirmTotpEnrolmentInput", {
  description: "The pending factor and a code from the app.",
  fields: (t) => ({
    factorId: t.id({ required: true, description: "`TotpEnrolment.factorId`." }),
    code: t.string({ required: true, description: "The 6-digit code the app shows now." }),
  }),
});

const StartTotpEnrolmentResult = resultUnion("StartTotpEnrolmentResult", [TotpEnrolmentResult.ref], [ValidationError, StepUpRequiredError, ...commonErrors]);

builder.mutationFields((t) => ({
  startTotpEnrolment: t.field({
    type: StartTotpEnrolmentResult.ref,
    description: "Starts adding an authenticator app: a secret and its QR code. Needs step-up once 2FA is on.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: StartTotpEnrolmentInput, required: false, description: "Optional: the app's label." }) },
    resolve: (_root, { input }, context) =>
      asResult(StartTotpEnrolmentResult, async () => {
        return TotpEnrolmentResult.of({ enrolment: await startTotpEnrolment(context.deps, context.caller!, { label: input?.label }, context.client) });
      }),
  }),
  confirmTotpEnrolment: t.field({
    type: ConfirmFactorResult.ref,
    description: "Confirms the app with a code it shows; at most 5 wrong codes.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ConfirmTotpEnrolmentInput, required: true, description: "The pending factor and a code." }) },
    resolve: (_root, { input }, context) =>
      asResult(ConfirmFactorResult, async () => {
        const { deps, caller } = context;
        return FactorConfirmed.of({ factor: await confirmTotpEnrolment(deps, caller!, { factorId: String(input.factorId), code: input.code }) });
      }),
  }),
}));
