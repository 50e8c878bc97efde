// Shared by the domain tests: operations as an admin's console would send them, and small steps.
import {
  COMPLETE_SIGN_IN,
  enableTotpTwoFactor,
  oathtool,
  PASSWORD,
  SIGN_IN,
  signUpUser,
  startSignIn,
  type TestApi,
} from "@access-identity/functions/testing/harness";
import type { TestDnsServer } from "@access-identity/functions/testing/dns-server";

const ERRORS = `... on RateLimitedError { message retryAfterSeconds } ... on Error { message }`;
const VALIDATION = `... on ValidationError { field }`;
const DOMAIN_FIELDS = `name verified verifiedAt enforceTwoFactor gracePeriodDays enforcedAt`;

export const CLAIM = `mutation($input: ClaimDomainInput!) { claimDomain(input: $input) { __typename
  ... on DomainClaim { txtRecordName txtRecordValue expiresAt domain { ${DOMAIN_FIELDS} } } ${VALIDATION} ${ERRORS} } }`;
export const VERIFY = `mutation($input: VerifyDomainInput!) { verifyDomain(input: $input) { __typename
  ... on DomainVerified { domain { ${DOMAIN_FIELDS} owners { email } } }
  ... on DomainVerificationFailedError { expected found } ${ERRORS} } }`;
export const SET_POLICY = `mutation($input: SetDomainTwoFactorPolicyInput!) { setDomainTwoFactorPolicy(input: $input) { __typename
  ... on DomainPolicyUpdated { domain { ${DOMAIN_FIELDS} } } ${VALIDATION} ${ERRORS} } }`;
export const ADD_OWNER = `mutation($input: AddDomainOwnerInput!) { addDomainOwner(input: $input) { __typename
  ... on DomainOwnersUpdated { domain { name owners { email } } } ${VALIDATION} ${ERRORS} } }`;
export const REMOVE_OWNER = `mutation($input: RemoveDomainOwnerInput!) { removeDomainOwner(input: $input) { __typename
  ... on DomainOwnersUpdated { domain { name } } ${VALIDATION} ${ERRORS} } }`;
export const RESET = `mutation($input: ResetUserTwoFactorInput!) { resetUserTwoFactor(input: $input) { __typename
  ... on TwoFactorReset { user { email twoFactor { enabled factors { id } backupCodesRemaining } } } ${VALIDATION} ${ERRORS} } }`;
export const DOMAIN = `query($name: String!, $first: Int, $after: String) { domain(name: $name) { ${DOMAIN_FIELDS} owners { email }
  members(first: $first, after: $after) { edges { cursor node { email user { id email }
    twoFactor { enabled enforcedByDomain enrolmentRequired enrolmentDeadline factors { kind } } } } pageInfo { hasNextPage endCursor } }
  auditLog(first: 20) { edges { node { action detail actor { email } subject { email } } } pageInfo { hasNextPage } } } }`;
export const ME = `{ me { email twoFactor { enabled enforcedByDomain enrolmentRequired enrolmentDeadline factors { id } backupCodesRemaining } } }`;
export const AUDIT_LOG = `{ auditLog(first: 20) { edges { node { action detail actor { email } subject { email } } } } }`;
export const DISABLE_2FA = `mutation { disableTwoFactor { __typename ... on Error { message } } }`;
export const SIGN_OUT = `mutation { signOut { __typename } }`;

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
