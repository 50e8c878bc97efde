// Shared by the session tests: the operations as a "Security" settings page would send them.
import { type TestApi } from "@access-identity/testing/api";
import { startSignIn } from "@access-identity/testing/flows";
import { COMPLETE_SIGN_IN, CONFIRM_TOTP, ENROL_TOTP } from "@access-identity/testing/operations";
import { oathtool } from "@access-identity/testing/totp";

// Each operation spreads only the errors its union has (GraphQL refuses a spread that can never match).
const ERROR = `... on Error { message }`;
const LIMITED = `... on RateLimitedError { retryAfterSeconds }`;
const INVALID_CODE = `... on InvalidCodeError { attemptsRemaining }`;
const VALIDATION = `... on ValidationError { field }`;

export const SESSION = `{ session { id current aal aal2Until createdAt lastSeenAt expiresAt ipAddress userAgent } }`;
export const SESSIONS = `query($first: Int, $after: String) { sessions(first: $first, after: $after) {
  edges { cursor node { id current aal aal2Until createdAt lastSeenAt expiresAt ipAddress userAgent } } pageInfo { hasNextPage endCursor } } }`;
export const REVOKE_SESSION = `mutation($input: RevokeSessionInput!) { revokeSession(input: $input) { __typename
  ... on SessionRevoked { sessionId } ${ERROR} } }`;
export const SIGN_OUT_EVERYWHERE = `mutation($input: SignOutEverywhereInput!) { signOutEverywhere(input: $input) { __typename
  ... on SignedOutEverywhere { revokedCount } ${ERROR} } }`;
export const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { __typename
  ... on PasswordChanged { user { email } } ${VALIDATION} ${LIMITED} ${ERROR} } }`;
export const START_STEP_UP = `mutation { startStepUp { __typename ... on StepUpChallenge { challenge { id methods backupCodesAvailable } } ${ERROR} } }`;
export const COMPLETE_STEP_UP = `mutation($input: CompleteSignInInput!) { completeStepUp(input: $input) { __typename
  ... on SteppedUp { session { id token aal aal2Until } } ${INVALID_CODE} ${ERROR} } }`;
export const REMOVE_FACTOR = `mutation($input: RemoveFactorInput!) { removeFactor(input: $input) { __typename
  ... on FactorRemoved { status { factors { id } } } ${ERROR} } }`;
export const DISABLE_2FA = `mutation { disableTwoFactor { __typename ... on TwoFactorDisabled { status { enabled } } ${ERROR} } }`;
export const SIGN_IN_WITH_DEVICE = `mutation($input: SignInInput!) { signIn(input: $input) { __typename
  ... on SignedIn { session { id token aal } deviceToken } ... on SecondFactorRequired { challenge { id } } ${LIMITED} ${ERROR} } }`;
export const COMPLETE_SIGN_IN_WITH_DEVICE = `mutation($input: CompleteSignInInput!) { completeSignIn(input: $input) { __typename
  ... on SignedIn { session { id token aal aal2Until } deviceToken } ${INVALID_CODE} ${ERROR} } }`;

/** Whether a token still opens a session: `sessions` needs one, so a dead token is UNAUTHENTICATED. */
export async function isSignedIn(api: TestApi, token: string): Promise<boolean> {
  const res = await api.gql(`{ sessions(first: 1) { edges { node { id } } } }`, {}, { token });
  if (res.data?.sessions) return true;
  if (res.errors?.[0]?.extensions?.code === "UNAUTHENTICATED") return false;
  throw new Error(`unexpected answer: ${JSON.stringify(res.errors ?? res.data)}`);
}

/** Password + TOTP: a fresh AAL2 session (the clock moves a TOTP step first, so the code is unused). */
export async function signInWithTotp(api: TestApi, email: string, secret: string): Promise<{ id: string; token: string }> {
  api.clock.advance(30);
  const res = await api.gql(COMPLETE_SIGN_IN_WITH_DEVICE, {
    input: { challengeId: await startSignIn(api, email), totpCode: oathtool(secret, api.clock.now()) },
  });
  if (res.data?.completeSignIn.__typename !== "SignedIn") throw new Error(JSON.stringify(res));
  return res.data.completeSignIn.session;
}

/** Enrols one more authenticator (codes from oathtool) on a session allowed to. */
export async function addTotp(api: TestApi, token: string, label: string): Promise<{ factorId: string; secret: string }> {
  const { factorId, secret } = (await api.gql(ENROL_TOTP, { input: { label } }, { token })).data.startTotpEnrolment;
  const res = await api.gql(CONFIRM_TOTP, { input: { factorId, code: oathtool(secret, api.clock.now()) } }, { token });
  if (res.data?.confirmTotpEnrolment.__typename !== "FactorConfirmed") throw new Error(JSON.stringify(res));
  return { factorId, secret };
}

export { COMPLETE_SIGN_IN };
