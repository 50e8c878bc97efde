// Threat: someone other than an owner of a verified domain takes control of its members' 2FA
// (switches enforcement, strips a member's factors, makes themselves owner) or learns who its
// members are; and a member escapes enforcement. Every refusal of the domain admin surface.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
import { ADD_OWNER, CLAIM, DOMAIN, REMOVE_OWNER, RESET, SET_POLICY, VERIFY } from "@access-identity/testing/operations";
import { proveDomain, signInAal2, signInPassword, signUp, signUpWithTotp, type TestUser } from "./domains.fixtures.js";

let api: TestApi;
let dns: TestDnsServer;
const published: Record<string, string[]> = {};
let owner: TestUser; // owns verified acme.test, has 2FA
let member: TestUser; // acme.test member, not an owner
let memberWithTotp: TestUser;
let rival: TestUser; // owns verified rival.test
let unproven: TestUser; // on draft.test, claimed but never verified

beforeAll(async () => {
  dns = await startDnsServer();
  api = await startTestApi({ env: { DNS_SERVERS: dns.address } });
  owner = await signUpWithTotp(api, "owner@acme.test");
  member = await signUp(api, "member@acme.test");
  memberWithTotp = await signUpWithTotp(api, "phone@acme.test");
  rival = await signUpWithTotp(api, "owner@rival.test");
  unproven = await signUpWithTotp(api, "owner@draft.test");
  await proveDomain(api, dns, owner, "acme.test", published);
  await proveDomain(api, dns, rival, "rival.test", published);
  await api.gql(CLAIM, { input: { name: "draft.test" } }, { token: unproven.token });
});
afterAll(async () => {
  await api?.close();
  await dns?.close();
});

const typename = (res: { data?: Record<string, { __typename: string }> }) => Object.values(res.data ?? {})[0]?.__typename;

describe("claiming", () => {
  test("only the domain of the caller's own email can be claimed", async () => {
    for (const name of ["rival.test", "sub.acme.test", "test"]) {
      const res = await api.gql(CLAIM, { input: { name } }, { token: member.token });
      expect(res.data.claimDomain.__typename, name).toMatch(/NotAllowedError|ValidationError/);
    }
    expect(typename(await api.gql(CLAIM, { input: { name: "rival.test" } }, { token: member.token }))).toBe("NotAllowedError");
  });

  test("a public mail provider's domain cannot be claimed, in any spelling", async () => {
    const gmailUser = await signUp(api, "someone@gmail.com");
    for (const name of ["gmail.com", "GMAIL.com."]) {
      const res = await api.gql(CLAIM, { input: { name } }, { token: gmailUser.token });
      expect(res.data.claimDomain).toMatchObject({ __typename: "NotAllowedError", message: expect.stringMatching(/public email provider/) });
    }
  });

  test("what is not a domain name is a validation error", async () => {
    const res = await api.gql(CLAIM, { input: { name: "not a domain" } }, { token: member.token });
    expect(res.data.claimDomain).toMatchObject({ __typename: "ValidationError", field: "name" });
  });

  test("verifying needs a claim of one's own, on one's own domain", async () => {
    expect(typename(await api.gql(VERIFY, { input: { name: "acme.test" } }, { token: member.token }))).toBe("NotAllowedError");
    expect(typename(await api.gql(VERIFY, { input: { name: "rival.test" } }, { token: member.token }))).toBe("NotAllowedError");
  });

  test("claiming again while the claim is live returns it unchanged, uses no unit and adds nothing to the owners' audit log", async () => {
    const repeater = await signUp(api, "repeat@acme.test");
    const first = (await api.gql(CLAIM, { input: { name: "acme.test" } }, { token: repeater.token })).data.claimDomain;
    expect(first.__typename).toBe("DomainClaim");
    // More re-claims than the 10 new claims an hour allows: none is refused, none changes the token.
    for (let i = 0; i < 12; i++) {
      expect((await api.gql(CLAIM, { input: { name: "acme.test" } }, { token: repeater.token })).data.claimDomain).toEqual(first);
    }
    const log = (await api.gql(DOMAIN, { name: "acme.test" }, { token: owner.token })).data.domain.auditLog.edges;
    const claims = log.filter((e: { node: { action: string; actor: { email: string } } }) => e.node.action === "DOMAIN_CLAIMED" && e.node.actor.email === repeater.email);
    expect(claims).toHaveLength(1);
  });

  test("new claims are rate-limited per account, so a member cannot flood the owners' audit log", async () => {
    // A new claim needs the last one expired (7 days), so this limit's window is long: 2 per century.
    const limited = await startTestApi({ env: { RATE_LIMIT_DOMAIN_CLAIMS_PER_ACCOUNT: `2/${100 * 365 * 24 * 3600}` } });
    try {
      const spammer = await signUp(limited, "spammer@acme.test");
      let token = spammer.token;
      for (let i = 0; i < 2; i++) {
        expect(typename(await limited.gql(CLAIM, { input: { name: "acme.test" } }, { token }))).toBe("DomainClaim");
        limited.clock.advance(7 * 24 * 3600 + 1);
        token = (await signInPassword(limited, spammer.email)).token; // the week also ended the session
      }
      const refused = await limited.gql(CLAIM, { input: { name: "acme.test" } }, { token });
      expect(refused.data.claimDomain).toMatchObject({ __typename: "RateLimitedError", retryAfterSeconds: expect.any(Number) });
    } finally {
      await limited.close();
    }
  });

  test("a claimant who is not an owner sees none of the domain's owners, members or history", async () => {
    const res = await api.gql(
      `mutation { claimDomain(input: { name: "acme.test" }) { ... on DomainClaim { txtRecordName txtRecordValue domain { name verified owners { email } members { edges { cursor } } } } } }`,
      {},
      { token: member.token },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(res)).not.toContain("owner@acme.test");
    // Only the domain is withheld: the claim itself still reaches the claimant, to publish.
    expect(res.data?.claimDomain).toEqual({
      txtRecordName: "_access-identity.acme.test",
      txtRecordValue: expect.stringMatching(/^access-identity-verification=/),
      domain: null,
    });
  });
});

describe("the domain view", () => {
  test("is null for a member, for another domain's owner and for an unproven claimant", async () => {
    expect((await api.gql(DOMAIN, { name: "acme.test" }, { token: member.token })).data.domain).toBeNull();
    expect((await api.gql(DOMAIN, { name: "acme.test" }, { token: rival.token })).data.domain).toBeNull();
    expect((await api.gql(DOMAIN, { name: "draft.test" }, { token: unproven.token })).data.domain).toBeNull();
  });

  test("needs a session", async () => {
    expect((await api.gql(DOMAIN, { name: "acme.test" })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("enforcing 2FA", () => {
  test("an unverified domain cannot enforce", async () => {
    const res = await api.gql(SET_POLICY, { input: { name: "draft.test", enforce: true } }, { token: await signInAal2(api, unproven) });
    expect(typename(res)).toBe("DomainNotVerifiedError");
  });

  test("a member who is not an owner cannot, nor can another domain's owner", async () => {
    expect(typename(await api.gql(SET_POLICY, { input: { name: "acme.test", enforce: true } }, { token: member.token }))).toBe("NotAllowedError");
    const rivalToken = await signInAal2(api, rival);
    expect(typename(await api.gql(SET_POLICY, { input: { name: "acme.test", enforce: true } }, { token: rivalToken }))).toBe("NotAllowedError");
  });

  test("an owner with 2FA steps up first, and the grace period is 0-90 days", async () => {
    expect(typename(await api.gql(SET_POLICY, { input: { name: "acme.test", enforce: true } }, { token: owner.token }))).toBe("StepUpRequiredError");
    const token = await signInAal2(api, owner);
    for (const gracePeriodDays of [-1, 91]) {
      const res = await api.gql(SET_POLICY, { input: { name: "acme.test", enforce: true, gracePeriodDays } }, { token });
      expect(res.data.setDomainTwoFactorPolicy).toMatchObject({ __typename: "ValidationError", field: "gracePeriodDays" });
    }
    const ok = await api.gql(SET_POLICY, { input: { name: "acme.test", enforce: true, gracePeriodDays: 90 } }, { token });
    expect(ok.data.setDomainTwoFactorPolicy.domain).toMatchObject({ enforceTwoFactor: true, gracePeriodDays: 90 });
    api.clock.advance(11 * 60);
    expect(typename(await api.gql(SET_POLICY, { input: { name: "acme.test", enforce: false } }, { token }))).toBe("StepUpRequiredError");
  });

  test("a member cannot turn 2FA off while it is enforced", async () => {
    const res = await api.gql(`mutation { disableTwoFactor { __typename ... on Error { message } } }`, {}, {
      token: await signInAal2(api, memberWithTotp),
    });
    expect(res.data.disableTwoFactor).toMatchObject({ __typename: "NotAllowedError", message: expect.stringMatching(/organisation/) });
  });
});

describe("resetting a member's 2FA", () => {
  const reason = "Lost phone";
  const reset = (token: string, email: string, why = reason) => api.gql(RESET, { input: { email, reason: why } }, { token });

  test("an unverified domain's claimant cannot reset its members", async () => {
    const colleague = await signUpWithTotp(api, "colleague@draft.test");
    const res = await reset(await signInAal2(api, unproven), colleague.email);
    expect(typename(res)).toBe("DomainNotVerifiedError");
  });

  test("another domain's owner cannot reset this domain's members", async () => {
    const res = await reset(await signInAal2(api, rival), memberWithTotp.email);
    expect(typename(res)).toBe("NotAllowedError");
  });

  test("a member who is not an owner cannot, and learns nothing about who has an account", async () => {
    const existing = await reset(member.token, memberWithTotp.email);
    const unknown = await reset(member.token, "nobody@acme.test");
    expect(existing.data.resetUserTwoFactor.__typename).toBe("NotAllowedError");
    expect(unknown.data).toEqual(existing.data);
  });

  test("an owner's answer for an unknown email is the same as for another domain's member", async () => {
    const token = await signInAal2(api, owner);
    const unknown = await reset(token, "nobody@acme.test");
    const foreign = await reset(token, rival.email);
    expect(unknown.data.resetUserTwoFactor.__typename).toBe("NotAllowedError");
    expect(unknown.data).toEqual(foreign.data);
  });

  test("an owner needs 2FA of their own, proved in the last 10 minutes", async () => {
    const stale = await signInAal2(api, owner);
    expect(typename(await reset(owner.token, memberWithTotp.email))).toBe("StepUpRequiredError");
    api.clock.advance(11 * 60);
    expect(typename(await reset(stale, memberWithTotp.email))).toBe("StepUpRequiredError");
    // An owner without 2FA (one who proved the domain by DNS) is refused outright, so a password
    // alone never strips a member's 2FA (domains.owner-escalation.test.ts has the whole reproduction).
    const passwordOnlyOwner = await signUp(api, "admin2@acme.test");
    await proveDomain(api, dns, passwordOnlyOwner, "acme.test", published);
    expect(typename(await reset(passwordOnlyOwner.token, memberWithTotp.email))).toBe("NotAllowedError");
    const me = await api.gql(`{ me { twoFactor { enabled } } }`, {}, { token: await signInAal2(api, memberWithTotp) });
    expect(me.data.me.twoFactor.enabled).toBe(true);
  });

  test("the reason is required and bounded, and an owner cannot reset themselves", async () => {
    const token = await signInAal2(api, owner);
    expect((await reset(token, memberWithTotp.email, "  ")).data.resetUserTwoFactor).toMatchObject({ __typename: "ValidationError", field: "reason" });
    expect((await reset(token, memberWithTotp.email, "x".repeat(501))).data.resetUserTwoFactor).toMatchObject({ field: "reason" });
    expect(typename(await reset(token, owner.email))).toBe("NotAllowedError");
  });
});

describe("owners", () => {
  test("a member who is not an owner cannot add or remove owners", async () => {
    expect(typename(await api.gql(ADD_OWNER, { input: { name: "acme.test", email: member.email } }, { token: member.token }))).toBe("NotAllowedError");
    expect(typename(await api.gql(REMOVE_OWNER, { input: { name: "acme.test", email: owner.email } }, { token: member.token }))).toBe("NotAllowedError");
  });

  test("an unverified domain has no owners to add", async () => {
    const res = await api.gql(ADD_OWNER, { input: { name: "draft.test", email: "colleague@draft.test" } }, { token: await signInAal2(api, unproven) });
    expect(typename(res)).toBe("DomainNotVerifiedError");
  });

  test("an owner with 2FA steps up before changing the owners", async () => {
    expect(typename(await api.gql(ADD_OWNER, { input: { name: "acme.test", email: member.email } }, { token: owner.token }))).toBe("StepUpRequiredError");
    expect(typename(await api.gql(REMOVE_OWNER, { input: { name: "acme.test", email: owner.email } }, { token: owner.token }))).toBe("StepUpRequiredError");
  });

  test("only members can become owners", async () => {
    const token = await signInAal2(api, owner);
    for (const email of [rival.email, "nobody@acme.test"]) {
      const res = await api.gql(ADD_OWNER, { input: { name: "acme.test", email } }, { token });
      expect(res.data.addDomainOwner).toMatchObject({ __typename: "ValidationError", field: "email" });
    }
  });

  test("the last owner cannot be removed", async () => {
    const token = await signInAal2(api, rival);
    const res = await api.gql(REMOVE_OWNER, { input: { name: "rival.test", email: rival.email } }, { token });
    expect(res.data.removeDomainOwner).toMatchObject({ __typename: "NotAllowedError", message: expect.stringMatching(/at least one owner/) });
    expect((await api.gql(DOMAIN, { name: "rival.test" }, { token })).data.domain.owners).toEqual([{ email: rival.email }]);
  });

  test("a co-owner (a member with 2FA) can be added and removed; a removed owner loses the view", async () => {
    const token = await signInAal2(api, owner);
    const added = await api.gql(ADD_OWNER, { input: { name: "acme.test", email: " PHONE@acme.test" } }, { token });
    expect(added.data.addDomainOwner.domain.owners.map((o: { email: string }) => o.email)).toContain(memberWithTotp.email);
    expect((await api.gql(DOMAIN, { name: "acme.test" }, { token: memberWithTotp.token })).data.domain.name).toBe("acme.test");

    const removed = await api.gql(REMOVE_OWNER, { input: { name: "acme.test", email: memberWithTotp.email } }, { token });
    expect(typename(removed)).toBe("DomainOwnersUpdated");
    expect((await api.gql(DOMAIN, { name: "acme.test" }, { token: memberWithTotp.token })).data.domain).toBeNull();
    const again = await api.gql(REMOVE_OWNER, { input: { name: "acme.test", email: memberWithTotp.email } }, { token });
    expect(again.data.removeDomainOwner).toMatchObject({ __typename: "ValidationError", field: "email" });
  });
});
