// The three browser ceremonies, each a start mutation, the browser's WebAuthn prompt through
// @simplewebauthn/browser, and the mutation that sends the authenticator's answer back.
// Browser-only; a failed or cancelled prompt throws @simplewebauthn/browser's WebAuthnError.
import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import type { AccessIdentityClient, RequestOptions } from "./client.js";
import type {
  CompleteSignInMutation,
  CompleteStepUpMutation,
  ConfirmWebAuthnEnrolmentMutation,
  StartPasskeySignInMutation,
  StartSignInWebAuthnMutation,
  StartWebAuthnEnrolmentInput,
  StartWebAuthnEnrolmentMutation,
} from "./generated/graphql.js";
import type { Failure } from "./results.js";

export { browserSupportsWebAuthn, browserSupportsWebAuthnAutofill, platformAuthenticatorIsAvailable, WebAuthnError } from "@simplewebauthn/browser";

type EnrolmentStart = StartWebAuthnEnrolmentMutation["startWebAuthnEnrolment"];
type SignInStart = StartSignInWebAuthnMutation["startSignInWebAuthn"];
type PasskeyStart = StartPasskeySignInMutation["startPasskeySignIn"];
type SignInResult = CompleteSignInMutation["completeSignIn"];

/** Enrolment answers the confirmation's union, or the error that stopped its start. */
export type WebAuthnEnrolmentResult = ConfirmWebAuthnEnrolmentMutation["confirmWebAuthnEnrolment"] | Failure<EnrolmentStart>;
/** Sign-in with a key answers `completeSignIn`'s union, or the error that stopped its start. */
export type WebAuthnSignInResult = SignInResult | Failure<SignInStart> | Failure<PasskeyStart>;
/** Step-up with a key answers `completeStepUp`'s union, or the error that stopped its start. */
export type WebAuthnStepUpResult = CompleteStepUpMutation["completeStepUp"] | Failure<SignInStart>;

/**
 * Enrols a security key (`CROSS_PLATFORM`) or this device's authenticator (`PLATFORM`; a passkey):
 * startWebAuthnEnrolment -> the browser's registration prompt -> confirmWebAuthnEnrolment.
 */
export async function enrolWebAuthn(
  client: AccessIdentityClient,
  input: StartWebAuthnEnrolmentInput = {},
  options?: RequestOptions,
): Promise<WebAuthnEnrolmentResult> {
  const start = await client.startWebAuthnEnrolment({ input }, options);
  if (start.__typename !== "WebAuthnEnrolment") return start;
  const response = await startRegistration({ optionsJSON: start.options as PublicKeyCredentialCreationOptionsJSON });
  return client.confirmWebAuthnEnrolment({ input: { factorId: start.factorId, response } }, options);
}

/**
 * Answers a sign-in's second step (`SecondFactorRequired.challenge.id`) with a security key:
 * startSignInWebAuthn -> the browser's authentication prompt -> completeSignIn.
 */
export async function signInWithSecurityKey(client: AccessIdentityClient, challengeId: string, options?: RequestOptions): Promise<WebAuthnSignInResult> {
  const start = await client.startSignInWebAuthn({ input: { challengeId } }, options);
  if (start.__typename !== "WebAuthnOptions") return start;
  const webAuthnResponse = await startAuthentication({ optionsJSON: start.options as PublicKeyCredentialRequestOptionsJSON });
  return client.completeSignIn({ input: { challengeId, webAuthnResponse } }, options);
}

/**
 * Steps the current session up in place (`StepUpChallenge.challenge.id` from startStepUp) with a
 * security key: startSignInWebAuthn -> the browser's authentication prompt -> completeStepUp.
 */
export async function stepUpWithSecurityKey(client: AccessIdentityClient, challengeId: string, options?: RequestOptions): Promise<WebAuthnStepUpResult> {
  const start = await client.startSignInWebAuthn({ input: { challengeId } }, options);
  if (start.__typename !== "WebAuthnOptions") return start;
  const webAuthnResponse = await startAuthentication({ optionsJSON: start.options as PublicKeyCredentialRequestOptionsJSON });
  return client.completeStepUp({ input: { challengeId, webAuthnResponse } }, options);
}

/**
 * Signs in with a passkey alone, no email typed: startPasskeySignIn -> the browser offers the
 * passkeys it holds for this site -> completePasskeySignIn.
 */
export async function signInWithPasskey(
  client: AccessIdentityClient,
  options?: RequestOptions & { useBrowserAutofill?: boolean },
): Promise<WebAuthnSignInResult> {
  const start = await client.startPasskeySignIn({}, options);
  if (start.__typename !== "WebAuthnOptions") return start;
  const response = await startAuthentication({
    optionsJSON: start.options as PublicKeyCredentialRequestOptionsJSON,
    useBrowserAutofill: options?.useBrowserAutofill ?? false,
  });
  return client.completePasskeySignIn({ input: { response } }, options);
}
