// Scale: every sign-in and authenticated request judged the caller's domain policy on a strongly
// consistent read of its domain item, gmail.com included, so one partition (~3,000 such reads/s)
// capped the whole service. A public mail domain can hold no policy, so its item is never read;
// an organisation's item is still read on every request, so its policy binds at once.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { keys } from "@access-identity/core/db/keys";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { putItem, startProxiedStore, type FaultyProxy } from "@access-identity/testing/store";
import { AUDIT_LOG, ME, SET_POLICY, SIGN_IN, SIGN_UP, VERIFY } from "@access-identity/testing/operations";
import { PASSWORD } from "@access-identity/testing/identities";
import { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
import { proveDomain, signInAal2, signInPassword, signUp, signUpWithTotp } from "./domains.fixtures.js";

let proxy: FaultyProxy;
let dns: TestDnsServer;
let api: TestApi;
/** Each DynamoDB request as the core's `onDbRequest` counts it, and as it reached the store. */
let counted: string[] = [];
let wire: { operation: string; body: string }[] = [];

beforeAll(async () => {
  proxy = await startProxiedStore();
  proxy.decide = (operation, body) => {
    wire.push({ operation, body });
    return undefined;
  };
  dns = await startDnsServer({}, { zones: ["policy-reads.test", "gmail.com"] });
  api = await startTestApi({
    env: { DNS_SERVERS: dns.address, AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint },
    core: { onDbRequest: (operation) => counted.push(operation) },
  });
});
afterAll(async () => {
  await api?.close();
  await dns?.close();
  await proxy?.close();
});
beforeEach(() => {
  counted = [];
  wire = [];
});

const readsOf = (domain: string) => wire.filter((request) => request.body.includes(`"DOMAIN#${domain}"`));

describe("a gmail.com user", () => {
  const email = "someone@gmail.com";
  let token: string;

  test("signs up without reading DOMAIN#gmail.com", async () => {
    const res = await api.gql(SIGN_UP, { input: { email, password: PASSWORD } });
    expect(res.data.signUp.__typename).toBe("SignedIn");
    token = res.data.signUp.session.token;
    expect(readsOf("gmail.com")).toEqual([]);
  });

  test("signs in without reading it", async () => {
    await signInPassword(api, email);
    expect(wire.length).toBeGreaterThan(0);
    expect(readsOf("gmail.com")).toEqual([]);
  });

  test("`me` costs 2 store requests, none of them the domain item", async () => {
    const me = await api.gql(ME, {}, { token });
    expect(me.data.me).toMatchObject({ email, twoFactor: { enabled: false, enforcedByDomain: false, enrolmentRequired: false } });
    expect(counted).toEqual(["GetItem", "BatchGetItem"]);
    expect(readsOf("gmail.com")).toEqual([]);
  });

  test("a claim on a public mail domain made before a release listed it can never verify it", async () => {
    // The state a list upgrade could leave: a live claim (claimDomain refuses gmail.com today, so
    // it is seeded) and its record published. Verified, the domain would hold a policy that the
    // sessions above never read.
    const userId = (await api.gql(`{ me { id } }`, {}, { token })).data.me.id as string;
    const txtRecordValue = "access-identity-verification=" + "a".repeat(32);
    const now = api.clock.now();
    await putItem(api.deps, {
      ...keys.domainClaim("gmail.com", userId),
      type: "domainClaim",
      name: "gmail.com",
      userId,
      email,
      txtRecordName: "_access-identity.gmail.com",
      txtRecordValue,
      createdAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + 7 * 24 * 3600,
    });
    await dns.setRecords({ "_access-identity.gmail.com": [txtRecordValue] });
    const res = await api.gql(VERIFY, { input: { name: "gmail.com" } }, { token });
    expect(res.data.verifyDomain).toMatchObject({ __typename: "NotAllowedError", message: expect.stringContaining("public email provider") });
  });
});

describe("a member of an organisation", () => {
  test("is bound by a policy from the next request after the owner sets it, on a session begun before the domain was even verified", async () => {
    const member = await signUp(api, "member@policy-reads.test");
    const owner = await signUpWithTotp(api, "owner@policy-reads.test");
    const session = await signInPassword(api, member.email);
    expect(session.enrolmentRequired).toBe(false);

    counted = [];
    wire = [];
    const before = await api.gql(ME, {}, { token: session.token });
    expect(before.data.me.twoFactor).toMatchObject({ enforcedByDomain: false, enrolmentRequired: false });
    // Still 2 requests: the domain item comes in the BatchGet with the account.
    expect(counted).toEqual(["GetItem", "BatchGetItem"]);
    expect(readsOf("policy-reads.test").map((request) => request.operation)).toEqual(["BatchGetItem"]);

    await proveDomain(api, dns, owner, "policy-reads.test", {});
    const set = await api.gql(SET_POLICY, { input: { name: "policy-reads.test", enforce: true, gracePeriodDays: 0 } }, {
      token: await signInAal2(api, owner),
    });
    expect(set.data.setDomainTwoFactorPolicy.__typename).toBe("DomainPolicyUpdated");

    // No time passes: the very next request of the member's old session is held to enrolment.
    const after = await api.gql(ME, {}, { token: session.token });
    expect(after.data.me.twoFactor).toMatchObject({ enforcedByDomain: true, enrolmentRequired: true });
    const held = await api.gql(AUDIT_LOG, {}, { token: session.token });
    expect(held.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // A fresh sign-in is judged on the same read.
    expect((await signInPassword(api, member.email)).enrolmentRequired).toBe(true);

    // And switching it off frees the member at once.
    const off = await api.gql(SET_POLICY, { input: { name: "policy-reads.test", enforce: false } }, { token: await signInAal2(api, owner) });
    expect(off.data.setDomainTwoFactorPolicy.__typename).toBe("DomainPolicyUpdated");
    const freed = await api.gql(AUDIT_LOG, {}, { token: session.token });
    expect(freed.errors).toBeUndefined();
  });

  test("sign-in reads the organisation's domain item with the account, in one BatchGet", async () => {
    const res = await api.gql(SIGN_IN, { input: { email: "member@policy-reads.test", password: PASSWORD } });
    expect(res.data.signIn.__typename).toBe("SignedIn");
    expect(readsOf("policy-reads.test").map((request) => request.operation)).toEqual(["BatchGetItem"]);
  });
});
