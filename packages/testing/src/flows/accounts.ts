import type { GqlApi } from "../gql.js";
import { SIGN_IN, SIGN_UP } from "../operations.js";
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
  return { email, token: result.session.token, userId: result.user.id };
}

/**
 * The whole "Get started" flow with an authenticator app: enrol (codes from oathtool), generate
 * backup codes, acknowledge, enable. Returns what a later sign-in needs.
 */
export async function enableTotpTwoFactor(api: GqlApi, user: { token: string; ip?: string }) {
  const send = sendAs(api, user);
  const { factorId, secret } = await startTotp(send, "Phone");
  await confirmTotp(send, factorId, oathtool(secret, api.clock.now()));
  const backupCodes = await finishGettingStarted(send);
  // The confirming code's time step is spent; later sign-ins start from the next step.
  api.clock.advance(30);
  return { factorId, secret, backupCodes };
}

/** Password step; returns the challenge id (the account must have 2FA on). */
export async function startSignIn(api: GqlApi, email: string, ip?: string): Promise<string> {
  const res = await api.gql(SIGN_IN, { input: { email, password: PASSWORD } }, { ip });
  return expectResult(res, "signIn", "SecondFactorRequired").challenge.id;
}
