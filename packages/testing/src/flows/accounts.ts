import type { GqlApi } from "../gql.js";
import { linkIn } from "../aws/ses-endpoint.js";
import { SIGN_IN, SIGN_UP, VERIFY_EMAIL } from "../operations.js";
import { PASSWORD, uniqueEmail } from "../identities.js";
import { oathtool } from "../totp.js";
import { confirmTotp, expectResult, finishGettingStarted, startTotp, type Send } from "./journey.js";

/** Sends as `user` (and from their address when they have one). */
export function sendAs(api: GqlApi, user: { token: string; ip?: string }): Send {
  return (query, variables = {}) => api.gql(query, variables, { token: user.token, ip: user.ip });
}

/** Signs a new user up and returns their AAL1 session token and email. */
export async function signUpUser(api: GqlApi, email = uniqueEmail(), ip?: string): Promise<{ email: string; token: string; userId: string }> {
  const res = await api.gql(SIGN_UP, { input: { email, password: PASSWORD } }, { ip });
  const result = res.data?.signUp;
  if (result?.__typename !== "SignedIn") throw new Error(`sign-up failed: ${JSON.stringify(res)}`);
  // As its owner would: open the verification link emailed at sign-up (only verified addresses count for domains).
  await verifyEmailFromInbox(api, result.user.email);
  return { email, token: result.session.token, userId: result.user.id };
}

/** The token of the latest link to `path` emailed to `address` (after delivering what is due). */
export async function tokenFromInbox(api: GqlApi, address: string, path: "/verify-email" | "/reset-password"): Promise<string> {
  await api.deliverEmails();
  return linkIn(api.mail.lastTo(address), path).searchParams.get("token") ?? "";
}

/** Opens the verification link in the inbox, as the address's owner would. */
export async function verifyEmailFromInbox(api: GqlApi, address: string): Promise<void> {
  const res = await api.gql(VERIFY_EMAIL, { input: { token: await tokenFromInbox(api, address, "/verify-email") } });
  if (res.data?.verifyEmail.__typename !== "EmailVerified") throw new Error(`verification failed: ${JSON.stringify(res)}`);
  // Its "email verified" notice is sent now, not in the background of the test's next steps.
  await api.deliverEmails();
}

/**
 * The whole "Get started" flow with an authenticator app: enrol (codes from oathtool), generate
 * backup codes, acknowledge, enable. Returns what a later sign-in needs.
 */
export async function enableTotpTwoFactor(api: GqlApi, user: { token: string; ip?: string }) {
  const send = sendAs(api, user);
  const { factorId, secret } = await startTotp(send, "Phone");
  const confirmingCode = oathtool(secret, api.clock.now());
  await confirmTotp(send, factorId, confirmingCode);
  const backupCodes = await finishGettingStarted(send);
  // The confirming code's time step is spent; later sign-ins start from the next step.
  api.clock.advance(30);
  return { factorId, secret, backupCodes, confirmingCode };
}

/** Password step; returns the challenge id (the account must have 2FA on). */
export async function startSignIn(api: GqlApi, email: string, ip?: string): Promise<string> {
  const res = await api.gql(SIGN_IN, { input: { email, password: PASSWORD } }, { ip });
  return expectResult(res, "signIn", "SecondFactorRequired").challenge.id;
}
