// Threat: racing a single-use thing with many parallel requests to get it honoured twice —
// an enrolment confirmed twice, a domain claim proving ownership twice. Exactly one wins.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { CONFIRM_TOTP, ENROL_TOTP } from "@access-identity/testing/operations";
import { signUpUser } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";
import { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";

let dns: TestDnsServer;
let api: TestApi;
beforeAll(async () => {
  dns = await startDnsServer({}, { zones: ["race.test"] });
  api = await startTestApi({ env: { DNS_SERVERS: dns.address } });
});
afterAll(async () => {
  await api.close();
  await dns.close();
});

test("one pending authenticator confirmed by 10 parallel requests becomes exactly one factor", async () => {
  const user = await signUpUser(api);
  const { factorId, secret } = (await api.gql(ENROL_TOTP, {}, { token: user.token })).data.startTotpEnrolment;
  const code = oathtool(secret, api.clock.now());
  const results = await Promise.all(
    Array.from({ length: 10 }, () => api.gql(CONFIRM_TOTP, { input: { factorId, code } }, { token: user.token })),
  );
  const kinds = results.map((r) => r.data.confirmTotpEnrolment.__typename);
  expect(kinds.filter((k) => k === "FactorConfirmed")).toHaveLength(1);
  expect(kinds.every((k) => k === "FactorConfirmed" || k === "ExpiredError")).toBe(true);
  const me = await api.gql(`{ me { twoFactor { factors { id } } } }`, {}, { token: user.token });
  expect(me.data.me.twoFactor.factors).toEqual([{ id: factorId }]);
});

test("one domain claim verified by 10 parallel requests: one proof, one owner entry, one audit event", async () => {
  const owner = await signUpUser(api, `admin@race.test`);
  const claim = (
    await api.gql(`mutation($input: ClaimDomainInput!) { claimDomain(input: $input) { ... on DomainClaim { txtRecordName txtRecordValue } } }`, { input: { name: "race.test" } }, { token: owner.token })
  ).data.claimDomain;
  await dns.setRecords({ [claim.txtRecordName]: [claim.txtRecordValue] });
  const verify = `mutation($input: VerifyDomainInput!) { verifyDomain(input: $input) { __typename ... on DomainVerified { domain { verified owners { email } } } } }`;
  const results = await Promise.all(Array.from({ length: 10 }, () => api.gql(verify, { input: { name: "race.test" } }, { token: owner.token })));
  for (const r of results) expect(r.data.verifyDomain).toEqual({ __typename: "DomainVerified", domain: { verified: true, owners: [{ email: owner.email }] } });

  const log = await api.gql(`{ domain(name: "race.test") { auditLog(first: 50) { edges { node { action } } } } }`, {}, { token: owner.token });
  const actions = log.data.domain.auditLog.edges.map((e: { node: { action: string } }) => e.node.action);
  expect(actions.filter((a: string) => a === "DOMAIN_VERIFIED")).toHaveLength(1);
});
