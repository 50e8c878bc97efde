// An organisation's admin, as in the playground: claim the domain, publish the TXT record (on a real
// dnsmasq), verify, enforce 2FA with a grace period, watch a member be made to enrol, reset a member
// who lost their phone, and read who still has to enrol and what happened in the audit log.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { AUDIT_LOG, CLAIM, COMPLETE_SIGN_IN, CONFIRM_TOTP, DISABLE_2FA, DOMAIN, ENABLE_2FA, ENROL_TOTP, GENERATE_BACKUP_CODES, ME, RESET, SET_POLICY, SIGN_OUT, SIGN_UP, VERIFY } from "@access-identity/testing/operations";
import { startSignIn } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";
import { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
import { signInAal2, signInPassword, signUp, signUpWithTotp, type TestUser } from "./domains.fixtures.js";

const DAY = 24 * 3600;
let api: TestApi;
let dns: TestDnsServer;
let alice: TestUser; // the admin
let bob: TestUser; // a member without 2FA
let carol: TestUser; // a member with TOTP who loses her phone

beforeAll(async () => {
  dns = await startDnsServer({ "acme.test": ["v=spf1 -all"] });
  api = await startTestApi({ env: { DNS_SERVERS: dns.address } });
  alice = await signUpWithTotp(api, "alice@acme.test");
  bob = await signUp(api, "bob@acme.test");
  carol = await signUpWithTotp(api, "carol@acme.test");
});
afterAll(async () => {
  await api?.close();
  await dns?.close();
});

describe("claim and verify", () => {
  let txtRecordValue: string;

  test("a claim names the TXT record to publish and expires in 7 days", async () => {
    const res = await api.gql(CLAIM, { input: { name: " ACME.test " } }, { token: alice.token });
    const claim = res.data.claimDomain;
    expect(claim.__typename).toBe("DomainClaim");
    expect(claim.txtRecordName).toBe("_access-identity.acme.test");
    expect(claim.txtRecordValue).toMatch(/^access-identity-verification=[A-Za-z0-9_-]{32}$/);
    expect(Date.parse(claim.expiresAt) - api.clock.now().getTime()).toBeGreaterThan(7 * DAY * 1000 - 60_000);
    expect(claim.domain).toMatchObject({ name: "acme.test", verified: false, enforceTwoFactor: false });
    txtRecordValue = claim.txtRecordValue;
  });

  test("before the record is published, verification says what it expected and found nothing", async () => {
    const res = await api.gql(VERIFY, { input: { name: "acme.test" } }, { token: alice.token });
    expect(res.data.verifyDomain).toMatchObject({ __typename: "DomainVerificationFailedError", expected: txtRecordValue, found: [] });
  });

  test("once published, the domain is verified with the claimant as its owner", async () => {
    await dns.setRecords({ "acme.test": ["v=spf1 -all"], "_access-identity.acme.test": ["google-site-verification=abc", txtRecordValue] });
    const res = await api.gql(VERIFY, { input: { name: "acme.test" } }, { token: alice.token });
    expect(res.data.verifyDomain.__typename).toBe("DomainVerified");
    expect(res.data.verifyDomain.domain).toMatchObject({ name: "acme.test", verified: true, owners: [{ email: alice.email }] });
    expect(Date.parse(res.data.verifyDomain.domain.verifiedAt)).toBeLessThanOrEqual(api.clock.now().getTime());
  });

  test("only its owner sees the domain", async () => {
    const mine = await api.gql(DOMAIN, { name: "acme.test" }, { token: alice.token });
    expect(mine.data.domain).toMatchObject({ name: "acme.test", verified: true, owners: [{ email: alice.email }] });
    const theirs = await api.gql(DOMAIN, { name: "acme.test" }, { token: bob.token });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.domain).toBeNull();
  });
});

describe("enforcing 2FA", () => {
  let enforcedAt: number;

  test("an owner switches enforcement on with a 14-day grace period", async () => {
    const res = await api.gql(SET_POLICY, { input: { name: "acme.test", enforce: true, gracePeriodDays: 14 } }, {
      token: await signInAal2(api, alice),
    });
    expect(res.data.setDomainTwoFactorPolicy.__typename).toBe("DomainPolicyUpdated");
    expect(res.data.setDomainTwoFactorPolicy.domain).toMatchObject({ enforceTwoFactor: true, gracePeriodDays: 14 });
    enforcedAt = Date.parse(res.data.setDomainTwoFactorPolicy.domain.enforcedAt);
  });

  test("within the grace period a member signs in normally and sees the deadline", async () => {
    const session = await signInPassword(api, bob.email);
    expect(session).toMatchObject({ aal: "AAL1", enrolmentRequired: false });
    const me = await api.gql(ME, {}, { token: session.token });
    expect(me.data.me.twoFactor).toMatchObject({ enabled: false, enforcedByDomain: true, enrolmentRequired: true });
    expect(Date.parse(me.data.me.twoFactor.enrolmentDeadline)).toBe(enforcedAt + 14 * DAY * 1000);
    const log = await api.gql(AUDIT_LOG, {}, { token: session.token });
    expect(log.errors).toBeUndefined();
  });

  test("a member cannot turn 2FA off while the domain enforces it", async () => {
    const res = await api.gql(DISABLE_2FA, {}, { token: await signInAal2(api, carol) });
    expect(res.data.disableTwoFactor.__typename).toBe("NotAllowedError");
    const me = await api.gql(ME, {}, { token: await signInAal2(api, carol) });
    expect(me.data.me.twoFactor.enabled).toBe(true);
  });

  test("past the deadline, a member without 2FA may only set it up, then has full access", async () => {
    api.clock.advance(15 * DAY);
    const session = await signInPassword(api, bob.email);
    expect(session.enrolmentRequired).toBe(true);
    const token = session.token;
    const forbidden = async () => {
      const log = await api.gql(AUDIT_LOG, {}, { token });
      return log.errors?.[0]?.extensions?.code;
    };

    const me = await api.gql(ME, {}, { token });
    expect(me.data.me).toMatchObject({ email: bob.email, twoFactor: { enrolmentRequired: true } });
    expect(await forbidden()).toBe("FORBIDDEN");
    const claim = await api.gql(CLAIM, { input: { name: "acme.test" } }, { token });
    expect(claim.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const start = await api.gql(ENROL_TOTP, { input: { label: "Bob's phone" } }, { token });
    const { factorId, secret } = start.data.startTotpEnrolment;
    const confirm = await api.gql(CONFIRM_TOTP, { input: { factorId, code: oathtool(secret, api.clock.now()) } }, { token });
    expect(confirm.data.confirmTotpEnrolment.__typename).toBe("FactorConfirmed");
    const codes = await api.gql(GENERATE_BACKUP_CODES, {}, { token });
    expect(codes.data.generateBackupCodes.codes).toHaveLength(10);
    expect(await forbidden()).toBe("FORBIDDEN");
    const enabled = await api.gql(ENABLE_2FA, { input: { backupCodesAcknowledged: true } }, { token });
    expect(enabled.data.enableTwoFactor.__typename).toBe("TwoFactorEnabled");

    expect(await forbidden()).toBeUndefined();
    expect((await api.gql(SIGN_OUT, {}, { token })).data.signOut.__typename).toBe("SignedOut");
    expect((await api.gql(ME, {}, { token })).data.me).toBeNull();
  });

  test("a held session can sign out before enrolling", async () => {
    const dave = await signUp(api, "dave@acme.test");
    // Joined after enforcement began: the grace period runs from joining.
    expect((await signInPassword(api, dave.email)).enrolmentRequired).toBe(false);
    api.clock.advance(14 * DAY + 60);
    const { token, enrolmentRequired } = await signInPassword(api, dave.email);
    expect(enrolmentRequired).toBe(true);
    expect((await api.gql(SIGN_OUT, {}, { token })).data.signOut.__typename).toBe("SignedOut");
  });
});

describe("an owner's reset of a member who lost their phone", () => {
  const reason = "Carol lost her phone on the train (ticket #4821)";

  test("removes every factor and backup code, turns 2FA off and signs the member out everywhere", async () => {
    const carolSession = await signInAal2(api, carol);
    const pendingChallenge = await startSignIn(api, carol.email);
    const adminToken = await signInAal2(api, alice);

    const res = await api.gql(RESET, { input: { email: " Carol@ACME.test ", reason } }, { token: adminToken });
    expect(res.data.resetUserTwoFactor).toEqual({
      __typename: "TwoFactorReset",
      user: { email: carol.email, twoFactor: { enabled: false, factors: [], backupCodesRemaining: 0 } },
    });

    // Every old session is gone, and a sign-in started before the reset cannot finish with the lost factor.
    for (const token of [carol.token, carolSession]) expect((await api.gql(ME, {}, { token })).data.me).toBeNull();
    api.clock.advance(30);
    const late = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: pendingChallenge, totpCode: oathtool(carol.totpSecret!, api.clock.now()) } });
    expect(late.data.completeSignIn.__typename).toBe("ExpiredError");

    // She signs in with her password and, the domain enforcing 2FA, is made to enrol again.
    const session = await signInPassword(api, carol.email);
    expect(session).toMatchObject({ aal: "AAL1", enrolmentRequired: true });
    carol = { ...carol, token: session.token };
  });

  test("the reset is in the domain's audit log and in the member's own, with actor and reason", async () => {
    const expected = { action: "TWO_FACTOR_RESET", detail: reason, actor: { email: alice.email }, subject: { email: carol.email } };
    const domain = await api.gql(DOMAIN, { name: "acme.test" }, { token: await signInAal2(api, alice) });
    expect(domain.data.domain.auditLog.edges[0].node).toEqual(expected);
    expect(domain.data.domain.auditLog.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(
      expect.arrayContaining(["DOMAIN_CLAIMED", "DOMAIN_VERIFIED", "DOMAIN_POLICY_CHANGED"]),
    );

    // The member's own log needs full access: she sets 2FA up again first, as her session requires.
    const start = await api.gql(ENROL_TOTP, { input: { label: "New phone" } }, { token: carol.token });
    const { factorId, secret } = start.data.startTotpEnrolment;
    await api.gql(CONFIRM_TOTP, { input: { factorId, code: oathtool(secret, api.clock.now()) } }, { token: carol.token });
    await api.gql(GENERATE_BACKUP_CODES, {}, { token: carol.token });
    await api.gql(ENABLE_2FA, { input: { backupCodesAcknowledged: true } }, { token: carol.token });
    const own = await api.gql(AUDIT_LOG, {}, { token: carol.token });
    expect(own.data.auditLog.edges.map((e: { node: unknown }) => e.node)).toContainEqual(expected);
  });
});

describe("the owners' view of members", () => {
  test("lists every member with their 2FA state, page by page", async () => {
    const erin = await signUp(api, "erin@acme.test");
    await signUp(api, "someone@elsewhere.test");
    const token = await signInAal2(api, alice);
    const seen: { email: string; twoFactor: { enabled: boolean; enrolmentRequired: boolean; enrolmentDeadline: string } }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: { data?: any } = await api.gql(DOMAIN, { name: "acme.test", first: 2, after }, { token });
      const members = res.data.domain.members as { edges: { node: (typeof seen)[number] }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      seen.push(...members.edges.map((e) => e.node));
      if (!members.pageInfo.hasNextPage) break;
      after = members.pageInfo.endCursor;
    }
    expect(seen.map((m) => m.email)).toEqual(["alice@acme.test", "bob@acme.test", "carol@acme.test", "dave@acme.test", erin.email]);
    const byEmail = Object.fromEntries(seen.map((m) => [m.email, m.twoFactor]));
    expect(byEmail["bob@acme.test"]).toMatchObject({ enabled: true, enrolmentRequired: false });
    expect(byEmail["dave@acme.test"]).toMatchObject({ enabled: false, enrolmentRequired: true });
    expect(byEmail[erin.email]).toMatchObject({ enabled: false, enrolmentRequired: true });
    expect(Date.parse(byEmail[erin.email]!.enrolmentDeadline)).toBeGreaterThan(api.clock.now().getTime());
  });
});

describe("no grace period", () => {
  test("a new member of a domain enforcing 2FA with no grace period must enrol from their very first session", async () => {
    const policy = await api.gql(SET_POLICY, { input: { name: "acme.test", enforce: true, gracePeriodDays: 0 } }, { token: await signInAal2(api, alice) });
    expect(policy.data.setDomainTwoFactorPolicy.domain.gracePeriodDays).toBe(0);
    const res = await api.gql(SIGN_UP, { input: { email: "frank@acme.test", password: "correct horse battery staple" } });
    expect(res.data.signUp).toMatchObject({ __typename: "SignedIn", session: { enrolmentRequired: true } });
    const held = await api.gql(AUDIT_LOG, {}, { token: res.data.signUp.session.token });
    expect(held.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("enforcement judged on every request", () => {
  test("a session opened within the grace period is held once the deadline passes", async () => {
    const policy = await api.gql(SET_POLICY, { input: { name: "acme.test", enforce: true, gracePeriodDays: 1 } }, { token: await signInAal2(api, alice) });
    expect(policy.data.setDomainTwoFactorPolicy.domain.gracePeriodDays).toBe(1);
    const gina = await signUp(api, "gina@acme.test");
    expect((await api.gql(AUDIT_LOG, {}, { token: gina.token })).errors).toBeUndefined();
    // The same session, kept alive (within the idle timeout) past the deadline: now it may only set 2FA up.
    api.clock.advance(20 * 3600);
    expect((await api.gql(ME, {}, { token: gina.token })).data.me).not.toBeNull();
    api.clock.advance(20 * 3600);
    const held = await api.gql(AUDIT_LOG, {}, { token: gina.token });
    expect(held.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await api.gql(ME, {}, { token: gina.token })).data.me.twoFactor.enrolmentRequired).toBe(true);
  });
});

describe("whose two-factor status is visible", () => {
  test("a member reading an owner's name in their audit log cannot read the owner's factors", async () => {
    const ivan = await signUp(api, "ivan@acme.test");
    const reset = await api.gql(RESET, { input: { email: ivan.email, reason: "asked by phone" } }, { token: await signInAal2(api, alice) });
    expect(reset.data.resetUserTwoFactor.__typename).toBe("TwoFactorReset");
    const session = await signInPassword(api, ivan.email); // the reset signed him out
    const res = await api.gql(
      `{ auditLog(first: 10) { edges { node { action actor { email twoFactor { factors { label } backupCodesRemaining } } } } } }`,
      {},
      { token: session.token },
    );
    const event = res.data.auditLog.edges.find((e: { node: { action: string } }) => e.node.action === "TWO_FACTOR_RESET");
    expect(event.node.actor).toBeNull();
    expect(res.errors?.some((e: { extensions?: { code?: string } }) => e.extensions?.code === "FORBIDDEN")).toBe(true);
    const names = await api.gql(`{ auditLog(first: 50) { edges { node { action actor { email } } } } }`, {}, { token: session.token });
    const named = names.data.auditLog.edges.find((e: { node: { action: string } }) => e.node.action === "TWO_FACTOR_RESET");
    expect(named.node.actor).toEqual({ email: alice.email });
  });
});
