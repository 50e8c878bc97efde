// Threat: the same request sent twice at once (a double-click, React StrictMode, a client that
// retries) gives a wrong outcome: codes shown that never work, a DNS token that no longer counts, a
// cap exceeded, an event recorded twice, a security key left blocked, another owner's change undone.
// The faulty proxy holds the first request's write until the second has finished, so each test
// forces the interleaving that used to go wrong instead of hoping for it.
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { getDomain } from "@access-identity/core";
import { keys } from "@access-identity/core/db/keys";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "./local/embedded-dynamo.js";
import { startDnsServer, type TestDnsServer } from "./testing/dns-server.js";
import { startFaultyProxy, type FaultyProxy } from "./testing/faulty-proxy.js";
import {
  COMPLETE_SIGN_IN,
  CONFIRM_TOTP,
  ENABLE_2FA,
  ENROL_TOTP,
  enableTotpTwoFactor,
  GENERATE_BACKUP_CODES,
  oathtool,
  signUpUser,
  startSignIn,
  startTestApi,
  type GqlResult,
  type TestApi,
} from "./testing/harness.js";
import { SoftAuthenticator } from "./testing/soft-authenticator.js";
import { confirmEnrolment, ORIGIN, RP_ID, startEnrolment, WEBAUTHN_ENV } from "./testing/webauthn-flows.js";

const CLAIM = `mutation($input: ClaimDomainInput!) { claimDomain(input: $input) { __typename
  ... on DomainClaim { txtRecordName txtRecordValue expiresAt } ... on Error { message } } }`;
const VERIFY = `mutation($input: VerifyDomainInput!) { verifyDomain(input: $input) { __typename ... on Error { message } } }`;
const SET_POLICY = `mutation($input: SetDomainTwoFactorPolicyInput!) { setDomainTwoFactorPolicy(input: $input) { __typename
  ... on DomainPolicyUpdated { domain { enforceTwoFactor gracePeriodDays } } ... on Error { message } } }`;
const DISABLE = `mutation { disableTwoFactor { __typename ... on TwoFactorDisabled { status { enabled factors { id } } } ... on Error { message } } }`;
const STATUS = `{ me { twoFactor { enabled backupCodesRemaining factors { id kind } } } }`;
const AUDIT = `{ auditLog(first: 100) { edges { node { action } } } }`;

let store: EmbeddedDynamo;
let proxy: FaultyProxy;
let dns: TestDnsServer;
let api: TestApi;
beforeAll(async () => {
  store = await startEmbeddedDynamo();
  proxy = await startFaultyProxy(store.endpoint);
  dns = await startDnsServer();
  api = await startTestApi({
    env: {
      AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint,
      DNS_SERVERS: dns.address,
      ...WEBAUTHN_ENV,
      // The factor cap test enrols 21 factors within the hour.
      RATE_LIMIT_ENROLMENT_STARTS_PER_ACCOUNT: "50/3600",
    },
  });
});
beforeEach(() => {
  proxy.decide = () => undefined;
});
afterAll(async () => {
  await api?.close();
  await dns?.close();
  await proxy?.close();
  await store?.close();
});

/**
 * Sends `first`, holds its first store request that `match`es (by then it has read all it read
 * before writing), runs `second` start to finish meanwhile, then lets `first` go on. Answers both.
 */
async function interleave(
  match: (operation: string, body: string) => boolean,
  first: () => Promise<GqlResult>,
  second: () => Promise<GqlResult>,
): Promise<[GqlResult, GqlResult]> {
  const hold = proxy.holdNext(match);
  const firstDone = first();
  await Promise.race([hold.reached, firstDone.then((res) => Promise.reject(new Error(`the first request never made the write to hold: ${JSON.stringify(res)}`)))]);
  const secondDone = await second();
  hold.release();
  return [await firstDone, secondDone];
}

const actions = async (token: string): Promise<string[]> =>
  (await api.gql(AUDIT, {}, { token })).data.auditLog.edges.map((e: { node: { action: string } }) => e.node.action);

async function addTotp(token: string): Promise<string> {
  const { factorId, secret } = (await api.gql(ENROL_TOTP, {}, { token })).data.startTotpEnrolment;
  const confirmed = await api.gql(CONFIRM_TOTP, { input: { factorId, code: oathtool(secret, api.clock.now()) } }, { token });
  if (confirmed.data?.confirmTotpEnrolment.__typename !== "FactorConfirmed") throw new Error(JSON.stringify(confirmed));
  return secret;
}

test.each([
  ["a first set", false],
  ["a new set over an old one", true],
])("generateBackupCodes sent twice (%s): only the set stored is shown, the other request is told to generate again", async (_, hadSet) => {
  const user = await signUpUser(api);
  await addTotp(user.token);
  if (hadSet) await api.gql(GENERATE_BACKUP_CODES, {}, { token: user.token });
  const generate = () => api.gql(GENERATE_BACKUP_CODES, {}, { token: user.token });
  const [late, early] = await interleave((op, body) => op === "UpdateItem" && body.includes("backupCodesGeneratedAt"), generate, generate);

  expect(early.data.generateBackupCodes.__typename).toBe("BackupCodes");
  expect(late.data.generateBackupCodes).toEqual({
    __typename: "ConflictError",
    message: "New backup codes were just generated by another request. Generate again to see a set you can store.",
  });
  // The codes that were shown are the ones that work.
  expect((await api.gql(ENABLE_2FA, { input: { backupCodesAcknowledged: true } }, { token: user.token })).data.enableTwoFactor.__typename).toBe("TwoFactorEnabled");
  const signedIn = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, user.email), backupCode: early.data.generateBackupCodes.codes[0] } });
  expect(signedIn.data.completeSignIn.__typename).toBe("SignedIn");
  expect((await actions(user.token)).filter((a) => a === "BACKUP_CODES_GENERATED")).toHaveLength(hadSet ? 2 : 1);
});

test("claimDomain sent twice: one claim is stored, both answers carry its token, and it verifies", async () => {
  const user = await signUpUser(api, "it@double-claim.test");
  const claim = () => api.gql(CLAIM, { input: { name: "double-claim.test" } }, { token: user.token });
  const [late, early] = await interleave((op, body) => op === "PutItem" && body.includes(`CLAIM#${user.userId}`), claim, claim);

  expect(early.data.claimDomain.__typename).toBe("DomainClaim");
  expect(late.data.claimDomain).toEqual(early.data.claimDomain);
  const { txtRecordName, txtRecordValue } = early.data.claimDomain;
  await dns.setRecords({ [txtRecordName]: [txtRecordValue] });
  expect((await api.gql(VERIFY, { input: { name: "double-claim.test" } }, { token: user.token })).data.verifyDomain.__typename).toBe("DomainVerified");
  expect((await actions(user.token)).filter((a) => a === "DOMAIN_CLAIMED")).toHaveLength(1);
  // One claim was made, so one unit of the claim limit is used: the request that lost gave its back.
  const { deps } = api.server;
  const counter = await deps.db.doc.send(
    new GetCommand({ TableName: deps.db.table, Key: deps.limiter.key(deps.limits.domainClaimsPerAccount, user.userId), ConsistentRead: true }),
  );
  expect(counter.Item?.count).toBe(1);
});

test("enrolments started before the account filled cannot take it past 20 factors when confirmed", async () => {
  const user = await signUpUser(api);
  for (let i = 0; i < 19; i++) await addTotp(user.token);
  // Both start while the account has 19 factors: the start's check passes for each.
  const app = (await api.gql(ENROL_TOTP, {}, { token: user.token })).data.startTotpEnrolment;
  const keyEnrolment = await startEnrolment(api, user.token);
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  const registration = key.register(keyEnrolment.options as never);

  const twentieth = await api.gql(CONFIRM_TOTP, { input: { factorId: app.factorId, code: oathtool(app.secret, api.clock.now()) } }, { token: user.token });
  expect(twentieth.data.confirmTotpEnrolment.__typename).toBe("FactorConfirmed");
  expect(await confirmEnrolment(api, user.token, keyEnrolment.factorId, registration.response)).toEqual({
    __typename: "ValidationError",
    message: "An account can have at most 20 factors.",
    field: "factorId",
  });
  expect((await api.gql(STATUS, {}, { token: user.token })).data.me.twoFactor.factors).toHaveLength(20);
  // The refused key never became a factor, so its credential id is not held: another account may register it.
  const other = await signUpUser(api);
  const otherEnrolment = await startEnrolment(api, other.token);
  const again = key.register(otherEnrolment.options as never, { reuse: registration.credential });
  expect((await confirmEnrolment(api, other.token, otherEnrolment.factorId, again.response)).__typename).toBe("FactorConfirmed");
});

test("enableTwoFactor sent twice: both answer enabled, one event is recorded and the first moment is kept", async () => {
  const user = await signUpUser(api);
  await addTotp(user.token);
  await api.gql(GENERATE_BACKUP_CODES, {}, { token: user.token });
  const enable = () => api.gql(ENABLE_2FA, { input: { backupCodesAcknowledged: true } }, { token: user.token });
  const { db } = api.server.deps;
  const enabledAt = async () =>
    (await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.account(user.email), ConsistentRead: true }))).Item?.twoFactorEnabledAt;
  let firstMoment: unknown;
  const [late, early] = await interleave(
    (op, body) => op === "UpdateItem" && body.includes("twoFactorEnabledAt"),
    enable,
    async () => {
      const res = await enable();
      firstMoment = await enabledAt();
      return res;
    },
  );

  for (const res of [early, late]) expect(res.data.enableTwoFactor).toMatchObject({ __typename: "TwoFactorEnabled", status: { enabled: true } });
  expect((await actions(user.token)).filter((a) => a === "TWO_FACTOR_ENABLED")).toHaveLength(1);
  expect(firstMoment).toEqual(expect.any(String));
  expect(await enabledAt()).toBe(firstMoment);
});

test("a security key confirmed while 2FA is being turned off is cleared with the rest and its credential id freed", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  const token = (await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(secret, api.clock.now()) } })).data.completeSignIn.session.token;
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  const enrolment = await startEnrolment(api, token);
  const registration = key.register(enrolment.options as never);

  // The disable has read the account (one TOTP factor) when the key is confirmed.
  const [disabled, confirmed] = await interleave(
    (op, body) => op === "UpdateItem" && body.includes("REMOVE backupCodes"),
    () => api.gql(DISABLE, {}, { token }),
    async () => ({ data: await confirmEnrolment(api, token, enrolment.factorId, registration.response) }) as GqlResult,
  );
  expect(confirmed.data.__typename).toBe("FactorConfirmed");
  expect(disabled.data.disableTwoFactor).toEqual({ __typename: "TwoFactorDisabled", status: { enabled: false, factors: [] } });

  const other = await signUpUser(api);
  const otherEnrolment = await startEnrolment(api, other.token);
  const again = key.register(otherEnrolment.options as never, { reuse: registration.credential });
  expect((await confirmEnrolment(api, other.token, otherEnrolment.factorId, again.response)).__typename).toBe("FactorConfirmed");
});

test("an owner's policy change that leaves out the grace period does not undo one set meanwhile", async () => {
  const owner = await signUpUser(api, "admin@policy-race.test");
  const { txtRecordName, txtRecordValue } = (await api.gql(CLAIM, { input: { name: "policy-race.test" } }, { token: owner.token })).data.claimDomain;
  await dns.setRecords({ [txtRecordName]: [txtRecordValue] });
  expect((await api.gql(VERIFY, { input: { name: "policy-race.test" } }, { token: owner.token })).data.verifyDomain.__typename).toBe("DomainVerified");

  const setPolicy = (input: { enforce: boolean; gracePeriodDays?: number }) =>
    api.gql(SET_POLICY, { input: { name: "policy-race.test", ...input } }, { token: owner.token });
  const [switchOnly, withGrace] = await interleave(
    (op, body) => op === "UpdateItem" && body.includes("DOMAIN#policy-race.test") && body.includes("enforceTwoFactor"),
    () => setPolicy({ enforce: true }),
    () => setPolicy({ enforce: true, gracePeriodDays: 14 }),
  );
  expect(withGrace.data.setDomainTwoFactorPolicy.domain).toEqual({ enforceTwoFactor: true, gracePeriodDays: 14 });
  expect(switchOnly.data.setDomainTwoFactorPolicy.domain).toEqual({ enforceTwoFactor: true, gracePeriodDays: 14 });
  expect((await getDomain(api.server.deps, "policy-race.test"))?.gracePeriodDays).toBe(14);
});

test("a verification whose claim could not be used up still records the new owner, and a removed owner cannot reuse that claim", async () => {
  const owner = await signUpUser(api, "boss@leftover.test");
  const { secret } = await enableTotpTwoFactor(api, owner);
  const published: Record<string, string[]> = {};
  const prove = async (user: { token: string }) => {
    const { txtRecordName, txtRecordValue } = (await api.gql(CLAIM, { input: { name: "leftover.test" } }, { token: user.token })).data.claimDomain;
    published[txtRecordName] = [...(published[txtRecordName] ?? []), txtRecordValue];
    await dns.setRecords(published);
  };
  await prove(owner);
  expect((await api.gql(VERIFY, { input: { name: "leftover.test" } }, { token: owner.token })).data.verifyDomain.__typename).toBe("DomainVerified");

  // The member's proof passes and makes them an owner, but the store fails as the claim is used up.
  const member = await signUpUser(api, "member@leftover.test");
  await prove(member);
  proxy.decide = (operation, body) => (operation === "DeleteItem" && body.includes(`CLAIM#${member.userId}`) ? "unavailable" : undefined);
  const failed = await api.gql(VERIFY, { input: { name: "leftover.test" } }, { token: member.token });
  expect(failed.data.verifyDomain.__typename).toBe("ServiceUnavailableError");
  proxy.decide = () => undefined;
  expect((await api.gql(VERIFY, { input: { name: "leftover.test" } }, { token: member.token })).data.verifyDomain.__typename).toBe("DomainVerified");
  // Owner they are, and it is on record.
  expect((await actions(member.token)).filter((a) => a === "DOMAIN_VERIFIED")).toHaveLength(1);

  // Removed by the owner, the member cannot come back on the claim left over, though its record is still published.
  api.clock.advance(30);
  const completed = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, owner.email), totpCode: oathtool(secret, api.clock.now()) } });
  const ownerAal2 = completed.data.completeSignIn.session.token as string;
  const REMOVE_OWNER = `mutation($input: RemoveDomainOwnerInput!) { removeDomainOwner(input: $input) { __typename } }`;
  const removed = await api.gql(REMOVE_OWNER, { input: { name: "leftover.test", email: member.email } }, { token: ownerAal2 });
  expect(removed.data.removeDomainOwner.__typename).toBe("DomainOwnersUpdated");
  const again = await api.gql(VERIFY, { input: { name: "leftover.test" } }, { token: member.token });
  expect(again.data.verifyDomain).toEqual({ __typename: "NotAllowedError", message: "Claim this domain first, then publish its TXT record." });
});
