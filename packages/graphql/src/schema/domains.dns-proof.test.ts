// Threat: a domain accepted as proven although its owner never published the proof (a stale or
// someone else's token, a look-alike value), or a DNS failure taken as an answer. Verification
// queries a real dnsmasq through the production resolver code (DNS_SERVERS).
import { createSocket, type Socket } from "node:dgram";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
import { CLAIM, VERIFY } from "@access-identity/testing/operations";
import { signInPassword, signUp } from "./domains.fixtures.js";

let api: TestApi;
let dns: TestDnsServer;

beforeAll(async () => {
  dns = await startDnsServer();
  api = await startTestApi({ env: { DNS_SERVERS: dns.address, RATE_LIMIT_DOMAIN_VERIFICATIONS_PER_ACCOUNT: "4/3600" } });
});
afterAll(async () => {
  await api?.close();
  await dns?.close();
});

async function claim(token: string, name: string): Promise<{ txtRecordName: string; txtRecordValue: string }> {
  const res = await api.gql(CLAIM, { input: { name } }, { token });
  if (res.data?.claimDomain.__typename !== "DomainClaim") throw new Error(JSON.stringify(res));
  return res.data.claimDomain;
}
const verify = async (token: string, name: string) => (await api.gql(VERIFY, { input: { name } }, { token })).data.verifyDomain;

describe("what counts as the proof", () => {
  test("a different value fails, echoing what was expected and every record found", async () => {
    const user = await signUp(api, "a@mismatch.test");
    const { txtRecordName, txtRecordValue } = await claim(user.token, "mismatch.test");
    const lookalike = `${txtRecordValue.slice(0, -1)}X`;
    await dns.setRecords({ [txtRecordName]: [lookalike, "v=spf1, with a comma"], "mismatch.test": [txtRecordValue] });
    expect(await verify(user.token, "mismatch.test")).toEqual({
      __typename: "DomainVerificationFailedError",
      message: expect.any(String),
      expected: txtRecordValue,
      found: expect.arrayContaining([lookalike, "v=spf1, with a comma"]),
    });
  });

  test("a value split into several strings is joined, as DNS publishes long TXT values", async () => {
    const user = await signUp(api, "a@split.test");
    const { txtRecordName, txtRecordValue } = await claim(user.token, "split.test");
    await dns.setRecords({ [txtRecordName]: [[txtRecordValue.slice(0, 20), txtRecordValue.slice(20)]] });
    expect(await verify(user.token, "split.test")).toMatchObject({ __typename: "DomainVerified", domain: { verified: true } });
  });

  test("claiming again keeps a live claim's token; once it expired, a new token replaces it and the old one proves nothing", async () => {
    const user = await signUp(api, "a@reclaim.test");
    const first = await claim(user.token, "reclaim.test");
    // A double-submit or a retry must not leave the user publishing a token that no longer counts.
    expect(await claim(user.token, "reclaim.test")).toEqual(first);
    api.clock.advance(7 * 24 * 3600 + 1);
    const { token } = await signInPassword(api, user.email); // the week also ended the session
    const second = await claim(token, "reclaim.test");
    expect(second.txtRecordValue).not.toBe(first.txtRecordValue);
    await dns.setRecords({ [first.txtRecordName]: [first.txtRecordValue] });
    expect(await verify(token, "reclaim.test")).toMatchObject({ __typename: "DomainVerificationFailedError", expected: second.txtRecordValue });
  });

  test("another member's published token does not prove my claim, and makes only them an owner", async () => {
    const publisher = await signUp(api, "it@shared.test");
    const bystander = await signUp(api, "sales@shared.test");
    const theirs = await claim(publisher.token, "shared.test");
    const mine = await claim(bystander.token, "shared.test");
    await dns.setRecords({ [theirs.txtRecordName]: [theirs.txtRecordValue] });
    expect(await verify(bystander.token, "shared.test")).toMatchObject({ __typename: "DomainVerificationFailedError", expected: mine.txtRecordValue });
    expect(await verify(publisher.token, "shared.test")).toMatchObject({ __typename: "DomainVerified", domain: { owners: [{ email: publisher.email }] } });
  });

  test("an internationalised domain is claimed and proven in its ASCII form", async () => {
    const user = await signUp(api, "info@bücher.test");
    const { txtRecordName, txtRecordValue } = await claim(user.token, "BÜCHER.test");
    expect(txtRecordName).toBe("_access-identity.xn--bcher-kva.test");
    await dns.setRecords({ [txtRecordName]: [txtRecordValue] });
    expect(await verify(user.token, "bücher.test")).toMatchObject({ __typename: "DomainVerified", domain: { name: "xn--bcher-kva.test" } });
  });

  test("a claim expires after 7 days", async () => {
    const user = await signUp(api, "a@late.test");
    const { txtRecordName, txtRecordValue } = await claim(user.token, "late.test");
    await dns.setRecords({ [txtRecordName]: [txtRecordValue] });
    api.clock.advance(7 * 24 * 3600 + 1);
    const session = await api.gql(`mutation($input: SignInInput!) { signIn(input: $input) { ... on SignedIn { session { token } } } }`, {
      input: { email: user.email, password: "correct horse battery staple" },
    });
    expect(await verify(session.data.signIn.session.token, "late.test")).toMatchObject({ __typename: "ExpiredError" });
  });

  test("verification attempts are rate-limited per account", async () => {
    const user = await signUp(api, "a@busy.test");
    await claim(user.token, "busy.test");
    for (let i = 0; i < 4; i++) expect((await verify(user.token, "busy.test")).__typename).toBe("DomainVerificationFailedError");
    expect(await verify(user.token, "busy.test")).toMatchObject({ __typename: "RateLimitedError", retryAfterSeconds: expect.any(Number) });
  });
});

describe("when DNS does not answer", () => {
  let silent: Socket;
  let slowApi: TestApi;

  beforeAll(async () => {
    // A UDP port that swallows every query: the resolver must give up on its own, within its budget.
    silent = createSocket("udp4").on("message", () => {});
    await new Promise<void>((resolve) => silent.bind(0, "127.0.0.1", resolve));
    slowApi = await startTestApi({ env: { DNS_SERVERS: `127.0.0.1:${silent.address().port}`, DNS_TIMEOUT_MS: "300", RATE_LIMIT_DOMAIN_VERIFICATIONS_PER_ACCOUNT: "2/3600" } });
  });
  afterAll(async () => {
    await slowApi?.close();
    silent?.close();
  });

  test("the answer is a retryable ServiceUnavailableError, in bounded time, and costs no attempt", async () => {
    const user = await signUp(slowApi, "a@timeout.test");
    await slowApi.gql(CLAIM, { input: { name: "timeout.test" } }, { token: user.token });
    // Three tries against a limit of two: a lookup DNS never answered gives its unit back.
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const res = await slowApi.gql(VERIFY, { input: { name: "timeout.test" } }, { token: user.token });
      expect(res.data.verifyDomain.__typename).toBe("ServiceUnavailableError");
      expect(Date.now() - started).toBeLessThan(1500);
    }
  });
});
