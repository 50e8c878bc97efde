import {
  completePasskeySignIn,
  confirmWebAuthnEnrolment,
  ExpiredError,
  StepUpRequiredError,
  startPasskeySignIn,
  startSignInWebAuthn,
  startWebAuthnEnrolment,
  ValidationError,
  type WebAuthnEnrolment as Enrolment,
} from "@access-identity/core";
import { builder } from "../builder.js";
import { CompleteSignInResult, SignedIn } from "./accounts.js";
import { commonErrors } from "./errors.js";
import { asResult, resultUnion, successType } from "./results.js";
import { ConfirmFactorResult, FactorConfirmed } from "./two-factor.js";

const AuthenticatorAttachmentEnum = builder.enumType("AuthenticatorAttachment", {
  description: "Which kind of authenticator to ask the browser for.",
  values: {
    PLATFORM: { description: "Built into this device: fingerprint, face or screen lock (a passkey on the device)." },
    CROSS_PLATFORM: { description: "A roaming security key (USB, NFC, Bluetooth) or a phone nearby." },
  },
});

const WebAuthnEnrolment = successType<{ enrolment: Enrolment }>("WebAuthnEnrolment", {
  description:
    "Pass `options` to @simplewebauthn/browser's `startRegistration({ optionsJSON: options })`, then send its result to `confirmWebAuthnEnrolment`.",
  fields: (t) => ({
    factorId: t.id({ description: "The pending factor: pass it to confirmWebAuthnEnrolment.", resolve: (r) => r.enrolment.factorId }),
    options: t.field({ type: "JSON", description: "PublicKeyCredentialCreationOptionsJSON.", resolve: (r) => r.enrolment.options }),
    expiresAt: t.field({ type: "DateTime", description: "Confirm before this moment.", resolve: (r) => r.enrolment.expiresAt }),
  }),
});

const WebAuthnOptions = successType<{ options: unknown }>("WebAuthnOptions", {
  description: "Pass `options` to @simplewebauthn/browser's `startAuthentication({ optionsJSON: options })`.",
  fields: (t) => ({
    options: t.field({ type: "JSON", description: "PublicKeyCredentialRequestOptionsJSON.", resolve: (r) => r.options }),
  }),
});

const StartWebAuthnEnrolmentInput = builder.inputType("StartWebAuthnEnrolmentInput", {
  description: "Options of a new security key, device biometrics or passkey.",
  fields: (t) => ({
    nickname: t.string({ description: 'A name for the key, e.g. "Blue YubiKey". Default "Security key" or "This device".' }),
    authenticatorAttachment: t.field({ type: AuthenticatorAttachmentEnum, description: "Omitted: either kind." }),
  }),
});
const ConfirmWebAuthnEnrolmentInput = builder.inputType("ConfirmWebAuthnEnrolmentInput", {
  description: "The pending factor and the browser's registration response.",
  fields: (t) => ({
    factorId: t.id({ required: true, description: "`WebAuthnEnrolment.factorId`." }),
    response: t.field({ type: "JSON", required: true, description: "RegistrationResponseJSON from @simplewebauthn/browser." }),
  }),
});
const StartSignInWebAuthnInput = builder.inputType("StartSignInWebAuthnInput", {
  description: "Which sign-in challenge to answer with a security key.",
  fields: (t) => ({ challengeId: t.id({ required: true, description: "The `SignInChallenge.id`." }) }),
});
const CompletePasskeySignInInput = builder.inputType("CompletePasskeySignInInput", {
  description: "The browser's answer to startPasskeySignIn's options.",
  fields: (t) => ({
    response: t.field({ type: "JSON", required: true, description: "AuthenticationResponseJSON from @simplewebauthn/browser." }),
  }),
});

const StartWebAuthnEnrolmentResult = resultUnion("StartWebAuthnEnrolmentResult", [WebAuthnEnrolment.ref], [
  ValidationError,
  StepUpRequiredError,
  ...commonErrors,
]);
const StartSignInWebAuthnResult = resultUnion("StartSignInWebAuthnResult", [WebAuthnOptions.ref], [
  ExpiredError,
  ValidationError,
  ...commonErrors,
]);
const StartPasskeySignInResult = resultUnion("StartPasskeySignInResult", [WebAuthnOptions.ref], [...commonErrors]);

builder.mutationFields((t) => ({
  startWebAuthnEnrolment: t.field({
    type: StartWebAuthnEnrolmentResult.ref,
    description: "Registration options for a new security key, device biometrics or passkey.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: StartWebAuthnEnrolmentInput, required: false, description: "Optional: nickname and kind of authenticator." }) },
    resolve: (_root, { input }, context) =>
      asResult(StartWebAuthnEnrolmentResult, async () => {
        return WebAuthnEnrolment.of({
          enrolment: await startWebAuthnEnrolment(context.deps, context.caller!, {
            nickname: input?.nickname,
            authenticatorAttachment: input?.authenticatorAttachment,
          }, context.client),
        });
      }),
  }),
  confirmWebAuthnEnrolment: t.field({
    type: ConfirmFactorResult.ref,
    description: "A response that does not verify is an InvalidCodeError; a key already registered is a ValidationError.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ConfirmWebAuthnEnrolmentInput, required: true, description: "The pending factor and the registration response." }) },
    resolve: (_root, { input }, context) =>
      asResult(ConfirmFactorResult, async () => {
        const { deps, caller } = context;
        return FactorConfirmed.of({
          factor: await confirmWebAuthnEnrolment(deps, caller!, { factorId: String(input.factorId), response: input.response }),
        });
      }),
  }),
  startSignInWebAuthn: t.field({
    type: StartSignInWebAuthnResult.ref,
    description: "Request options for the second step with a security key; answer with `completeSignIn { webAuthnResponse }`.",
    args: { input: t.arg({ type: StartSignInWebAuthnInput, required: true, description: "The challenge." }) },
    resolve: (_root, { input }, { deps }) =>
      asResult(StartSignInWebAuthnResult, async () =>
        WebAuthnOptions.of({ options: await startSignInWebAuthn(deps, { challengeId: String(input.challengeId) }) }),
      ),
  }),
  startPasskeySignIn: t.field({
    type: StartPasskeySignInResult.ref,
    description: "Request options for signing in with a passkey, without an email; answer with `completePasskeySignIn`.",
    resolve: (_root, _args, { deps, client }) =>
      asResult(StartPasskeySignInResult, async () => WebAuthnOptions.of({ options: await startPasskeySignIn(deps, client) })),
  }),
  completePasskeySignIn: t.field({
    type: CompleteSignInResult.ref,
    description: "AAL2 when the authenticator verified the user (PIN or biometrics).",
    args: { input: t.arg({ type: CompletePasskeySignInInput, required: true, description: "The authentication response." }) },
    resolve: (_root, { input }, { deps, client }) =>
      asResult(CompleteSignInResult, async () => {
        const { session, account } = await completePasskeySignIn(deps, { response: input.response }, client);
        return SignedIn.of({ session, user: account });
      }),
  }),
}));
