import type { GqlApi } from "../gql.js";
import {
  COMPLETE_PASSKEY_SIGN_IN,
  COMPLETE_SIGN_IN,
  CONFIRM_WEBAUTHN_ENROLMENT,
  MY_AUDIT,
  START_PASSKEY_SIGN_IN,
  START_SIGN_IN_WEBAUTHN,
  START_WEBAUTHN_ENROLMENT,
} from "../operations.js";
import { SoftAuthenticator } from "../webauthn/soft-authenticator.js";
import { sendAs, signUpUser, startSignIn } from "./accounts.js";
import { finishGettingStarted } from "./journey.js";

/** The relying party unit tests run as: a real-looking origin and RP id, not the local defaults. */
export const RP_ID = "example.test";
export const ORIGIN = "https://app.example.test";
export const WEBAUTHN_ENV = { WEBAUTHN_RP_ID: RP_ID, WEBAUTHN_ORIGINS: ORIGIN };

// Options are the JSON the API returns; tests read any field of it.
type Options = { challenge: string } & Record<string, any>;

/** startWebAuthnEnrolment; returns the factor id and the creation options. */
export async function startEnrolment(api: GqlApi, token: string, input?: { nickname?: string; authenticatorAttachment?: string }) {
  const res = await api.gql(START_WEBAUTHN_ENROLMENT, { input }, { token });
  const result = res.data?.startWebAuthnEnrolment;
  if (result?.__typename !== "WebAuthnEnrolment") throw new Error(`enrolment start failed: ${JSON.stringify(res)}`);
  return result as { factorId: string; options: Options; expiresAt: string };
}

export async function confirmEnrolment(api: GqlApi, token: string, factorId: string, response: unknown) {
  const res = await api.gql(CONFIRM_WEBAUTHN_ENROLMENT, { input: { factorId, response } }, { token });
  return res.data.confirmWebAuthnEnrolment;
}

/** Registers a key with the soft authenticator and returns the confirmed factor. */
export async function enrolKey(api: GqlApi, token: string, key: SoftAuthenticator, input?: { nickname?: string; authenticatorAttachment?: string }) {
  const { factorId, options } = await startEnrolment(api, token, input);
  const { response, credential } = key.register(options as never);
  const confirmed = await confirmEnrolment(api, token, factorId, response);
  if (confirmed.__typename !== "FactorConfirmed") throw new Error(`enrolment failed: ${JSON.stringify(confirmed)}`);
  return { factor: confirmed.factor as { id: string; kind: string; label: string }, credential };
}

/** The whole "Get started" flow with a security key: enrol, backup codes, acknowledge, enable. */
export async function enableWebAuthnTwoFactor(api: GqlApi, user: { token: string }, key: SoftAuthenticator, nickname?: string) {
  const enrolled = await enrolKey(api, user.token, key, nickname ? { nickname } : undefined);
  const backupCodes = await finishGettingStarted(sendAs(api, user));
  return { ...enrolled, backupCodes };
}

/** A new user with one software key enrolled and 2FA on. */
export async function userWithKey(api: GqlApi): Promise<{ user: Awaited<ReturnType<typeof signUpUser>>; key: SoftAuthenticator }> {
  const user = await signUpUser(api);
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  await enableWebAuthnTwoFactor(api, user, key);
  return { user, key };
}

export async function startKeySignIn(api: GqlApi, challengeId: string): Promise<Options> {
  const res = await api.gql(START_SIGN_IN_WEBAUTHN, { input: { challengeId } });
  const result = res.data?.startSignInWebAuthn;
  if (result?.__typename !== "WebAuthnOptions") throw new Error(`startSignInWebAuthn failed: ${JSON.stringify(res)}`);
  return result.options;
}

export async function completeWithKey(api: GqlApi, challengeId: string, webAuthnResponse: unknown) {
  return (await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, webAuthnResponse } })).data.completeSignIn;
}

/** Password, then the key: the completeSignIn result. */
export async function signInWithKey(api: GqlApi, email: string, key: SoftAuthenticator, overrides: Parameters<SoftAuthenticator["authenticate"]>[1] = {}) {
  const challengeId = await startSignIn(api, email);
  const options = await startKeySignIn(api, challengeId);
  return completeWithKey(api, challengeId, key.authenticate(options as never, overrides));
}

export async function startPasskey(api: GqlApi, ip?: string): Promise<Options> {
  const res = await api.gql(START_PASSKEY_SIGN_IN, {}, { ip });
  const result = res.data?.startPasskeySignIn;
  if (result?.__typename !== "WebAuthnOptions") throw new Error(`startPasskeySignIn failed: ${JSON.stringify(res)}`);
  return result.options;
}

export async function completePasskey(api: GqlApi, response: unknown) {
  return (await api.gql(COMPLETE_PASSKEY_SIGN_IN, { input: { response } })).data.completePasskeySignIn;
}

export async function auditActions(api: GqlApi, token: string): Promise<string[]> {
  const res = await api.gql(MY_AUDIT, {}, { token });
  return (res.data?.auditLog.edges ?? []).map((e: { node: { action: string } }) => e.node.action);
}
