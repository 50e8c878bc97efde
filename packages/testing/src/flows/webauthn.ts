import { COMPLETE_SIGN_IN, ENABLE_2FA, GENERATE_BACKUP_CODES, startSignIn, type TestApi } from "./harness.js";
import { signUpUser } from "./harness.js";
import { SoftAuthenticator } from "./soft-authenticator.js";

/** The relying party unit tests run as: a real-looking origin and RP id, not the local defaults. */
export const RP_ID = "example.test";
export const ORIGIN = "https://app.example.test";
export const WEBAUTHN_ENV = { WEBAUTHN_RP_ID: RP_ID, WEBAUTHN_ORIGINS: ORIGIN };

export const START_WEBAUTHN_ENROLMENT = `mutation($input: StartWebAuthnEnrolmentInput) { startWebAuthnEnrolment(input: $input) { __typename
  ... on WebAuthnEnrolment { factorId options expiresAt } ... on ValidationError { message field } ... on Error { message } } }`;
export const CONFIRM_WEBAUTHN_ENROLMENT = `mutation($input: ConfirmWebAuthnEnrolmentInput!) { confirmWebAuthnEnrolment(input: $input) { __typename
  ... on FactorConfirmed { factor { id kind label createdAt lastUsedAt } } ... on InvalidCodeError { message attemptsRemaining }
  ... on ValidationError { message field } ... on Error { message } } }`;
export const START_SIGN_IN_WEBAUTHN = `mutation($input: StartSignInWebAuthnInput!) { startSignInWebAuthn(input: $input) { __typename
  ... on WebAuthnOptions { options } ... on Error { message } } }`;
export const START_PASSKEY_SIGN_IN = `mutation { startPasskeySignIn { __typename
  ... on WebAuthnOptions { options } ... on RateLimitedError { message retryAfterSeconds } ... on Error { message } } }`;
export const COMPLETE_PASSKEY_SIGN_IN = `mutation($input: CompletePasskeySignInInput!) { completePasskeySignIn(input: $input) { __typename
  ... on SignedIn { session { token aal } user { email } } ... on InvalidCodeError { message attemptsRemaining }
  ... on ValidationError { message field } ... on Error { message } } }`;
export const MY_FACTORS = `query { me { twoFactor { enabled factors { id kind label createdAt lastUsedAt } } } }`;
export const MY_AUDIT = `query { auditLog(first: 50) { edges { node { action detail } } } }`;

// Options are the JSON the API returns; tests read any field of it.
type Options = { challenge: string } & Record<string, any>;

/** startWebAuthnEnrolment; returns the factor id and the creation options. */
export async function startEnrolment(api: TestApi, token: string, input?: { nickname?: string; authenticatorAttachment?: string }) {
  const res = await api.gql(START_WEBAUTHN_ENROLMENT, { input }, { token });
  const result = res.data?.startWebAuthnEnrolment;
  if (result?.__typename !== "WebAuthnEnrolment") throw new Error(`enrolment start failed: ${JSON.stringify(res)}`);
  return result as { factorId: string; options: Options; expiresAt: string };
}

export async function confirmEnrolment(api: TestApi, token: string, factorId: string, response: unknown) {
  const res = await api.gql(CONFIRM_WEBAUTHN_ENROLMENT, { input: { factorId, response } }, { token });
  return res.data.confirmWebAuthnEnrolment;
}

/** Registers a key with the soft authenticator and returns the confirmed factor. */
export async function enrolKey(api: TestApi, token: string, key: SoftAuthenticator, input?: { nickname?: string; authenticatorAttachment?: string }) {
  const { factorId, options } = await startEnrolment(api, token, input);
  const { response, credential } = key.register(options as never);
  const confirmed = await confirmEnrolment(api, token, factorId, response);
  if (confirmed.__typename !== "FactorConfirmed") throw new Error(`enrolment failed: ${JSON.stringify(confirmed)}`);
  return { factor: confirmed.factor as { id: string; kind: string; label: string }, credential };
}

/** The whole "Get started" flow with a security key: enrol, backup codes, acknowledge, enable. */
export async function enableWebAuthnTwoFactor(api: TestApi, user: { token: string }, key: SoftAuthenticator, nickname?: string) {
  const enrolled = await enrolKey(api, user.token, key, nickname ? { nickname } : undefined);
  const codes = await api.gql(GENERATE_BACKUP_CODES, {}, { token: user.token });
  if (codes.data?.generateBackupCodes.__typename !== "BackupCodes") throw new Error(JSON.stringify(codes));
  const enabled = await api.gql(ENABLE_2FA, { input: { backupCodesAcknowledged: true } }, { token: user.token });
  if (enabled.data?.enableTwoFactor.__typename !== "TwoFactorEnabled") throw new Error(JSON.stringify(enabled));
  return { ...enrolled, backupCodes: codes.data.generateBackupCodes.codes as string[] };
}

/** A new user with one software key enrolled and 2FA on. */
export async function userWithKey(api: TestApi): Promise<{ user: Awaited<ReturnType<typeof signUpUser>>; key: SoftAuthenticator }> {
  const user = await signUpUser(api);
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  await enableWebAuthnTwoFactor(api, user, key);
  return { user, key };
}

export async function startKeySignIn(api: TestApi, challengeId: string): Promise<Options> {
  const res = await api.gql(START_SIGN_IN_WEBAUTHN, { input: { challengeId } });
  const result = res.data?.startSignInWebAuthn;
  if (result?.__typename !== "WebAuthnOptions") throw new Error(`startSignInWebAuthn failed: ${JSON.stringify(res)}`);
  return result.options;
}

export async function completeWithKey(api: TestApi, challengeId: string, webAuthnResponse: unknown) {
  return (await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, webAuthnResponse } })).data.completeSignIn;
}

/** Password, then the key: the completeSignIn result. */
export async function signInWithKey(api: TestApi, email: string, key: SoftAuthenticator, overrides: Parameters<SoftAuthenticator["authenticate"]>[1] = {}) {
  const challengeId = await startSignIn(api, email);
  const options = await startKeySignIn(api, challengeId);
  return completeWithKey(api, challengeId, key.authenticate(options as never, overrides));
}

export async function startPasskey(api: TestApi, ip?: string): Promise<Options> {
  const res = await api.gql(START_PASSKEY_SIGN_IN, {}, { ip });
  const result = res.data?.startPasskeySignIn;
  if (result?.__typename !== "WebAuthnOptions") throw new Error(`startPasskeySignIn failed: ${JSON.stringify(res)}`);
  return result.options;
}

export async function completePasskey(api: TestApi, response: unknown) {
  return (await api.gql(COMPLETE_PASSKEY_SIGN_IN, { input: { response } })).data.completePasskeySignIn;
}

export async function auditActions(api: TestApi, token: string): Promise<string[]> {
  const res = await api.gql(MY_AUDIT, {}, { token });
  return (res.data?.auditLog.edges ?? []).map((e: { node: { action: string } }) => e.node.action);
}
