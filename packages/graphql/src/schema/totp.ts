import { confirmTotpEnrolment, startTotpEnrolment, StepUpRequiredError, ValidationError, type TotpEnrolment } from "@access-identity/core";
import { builder } from "../builder.js";
import { commonErrors } from "./errors.js";
import { asResult, resultUnion, successType } from "./results.js";
import { ConfirmFactorResult, FactorConfirmed } from "./two-factor.js";

const TotpEnrolmentResult = successType<{ enrolment: TotpEnrolment }>("TotpEnrolment", {
  description: "Scan the QR code (or type `secret`) into an authenticator app, then confirm with the code it shows.",
  fields: (t) => ({
    factorId: t.id({ resolve: (r) => r.enrolment.factorId }),
    secret: t.string({ description: "Base32, for typing into the app by hand. Never shown again.", resolve: (r) => r.enrolment.secret }),
    otpauthUri: t.string({ resolve: (r) => r.enrolment.otpauthUri }),
    qrCodeDataUrl: t.string({ description: "data:image/png;base64,...", resolve: (r) => r.enrolment.qrCodeDataUrl }),
    qrCodeSvg: t.string({ resolve: (r) => r.enrolment.qrCodeSvg }),
    expiresAt: t.field({ type: "DateTime", description: "Confirm before this moment.", resolve: (r) => r.enrolment.expiresAt }),
  }),
});

const StartTotpEnrolmentInput = builder.inputType("StartTotpEnrolmentInput", {
  fields: (t) => ({ label: t.string({ description: 'A name for the app, e.g. "Work phone". Default "Authenticator app".' }) }),
});
const ConfirmTotpEnrolmentInput = builder.inputType("ConfirmTotpEnrolmentInput", {
  fields: (t) => ({ factorId: t.id({ required: true }), code: t.string({ required: true }) }),
});

const StartTotpEnrolmentResult = resultUnion("StartTotpEnrolmentResult", [TotpEnrolmentResult.ref], [ValidationError, StepUpRequiredError, ...commonErrors]);

builder.mutationFields((t) => ({
  startTotpEnrolment: t.field({
    type: StartTotpEnrolmentResult.ref,
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: StartTotpEnrolmentInput, required: false }) },
    resolve: (_root, { input }, context) =>
      asResult(StartTotpEnrolmentResult, async () => {
        return TotpEnrolmentResult.of({ enrolment: await startTotpEnrolment(context.deps, context.caller!, { label: input?.label }, context.client) });
      }),
  }),
  confirmTotpEnrolment: t.field({
    type: ConfirmFactorResult.ref,
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ConfirmTotpEnrolmentInput, required: true }) },
    resolve: (_root, { input }, context) =>
      asResult(ConfirmFactorResult, async () => {
        const { deps, caller } = context;
        return FactorConfirmed.of({ factor: await confirmTotpEnrolment(deps, caller!, { factorId: String(input.factorId), code: input.code }) });
      }),
  }),
}));
