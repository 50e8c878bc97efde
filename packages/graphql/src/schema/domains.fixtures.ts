// Shared by the domain tests: the small steps an admin's console takes (the operations are in @access-identity/testing/operations).
import type { TestApi } from "@access-identity/testing/api";
import { CLAIM, COMPLETE_SIGN_IN, SIGN_IN, VERIFY } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, PASSWORD, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";
import type { TestDnsServer } from "@access-identity/testing/dns";

export interface TestUser {
  email: string;
  token: string;
  userId: string;
  totpSecret?: string;
}

export async function signUp(api: TestApi, email: string): Promise<TestUser> {
  return signUpUser(api, email);
}

/** Signs up and turns on TOTP 2FA (codes from oathtool). */
export async function signUpWithTotp(api: TestApi, email: string): Promise<TestUser> {
  const user = await signUpUser(api, email);
  const { secret } = await enableTotpTwoFactor(api, user);
  return { ...user, totpSecret: secret };
}

/** Password-only sign-in; returns the session as issued. */
export async function signInPassword(api: TestApi, email: string) {
  const res = await api.gql(SIGN_IN, { input: { email, password: PASSWORD } });
  if (res.data?.signIn.__typename !== "SignedIn") throw new Error(JSON.stringify(res));
  return res.data.signIn.session as { token: string; aal: string; enrolmentRequired: boolean };
}

/** A fresh AAL2 session: password, then a TOTP code from oathtool in a time step not used before. */
export async function signInAal2(api: TestApi, user: TestUser): Promise<string> {
  api.clock.advance(30);
  const challengeId = await startSignIn(api, user.email);
  const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(user.totpSecret!, api.clock.now()) } });
  if (res.data?.completeSignIn.__typename !== "SignedIn") throw new Error(JSON.stringify(res));
  return res.data.completeSignIn.session.token as string;
}

/** Claim, publish the TXT record on the test DNS server, verify: the owner's whole proof. */
export async function proveDomain(api: TestApi, dns: TestDnsServer, owner: TestUser, name: string, published: Record<string, string[]>) {
  const claim = await api.gql(CLAIM, { input: { name } }, { token: owner.token });
  const { txtRecordName, txtRecordValue } = claim.data.claimDomain;
  if (!txtRecordValue) throw new Error(JSON.stringify(claim));
  published[txtRecordName] = [...(published[txtRecordName] ?? []), txtRecordValue];
  await dns.setRecords(published);
  const verified = await api.gql(VERIFY, { input: { name } }, { token: owner.token });
  if (verified.data?.verifyDomain.__typename !== "DomainVerified") throw new Error(JSON.stringify(verified));
  return verified.data.verifyDomain.domain;
}

export type { TestApi, TestDnsServer };
