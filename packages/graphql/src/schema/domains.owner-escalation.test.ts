// Threat (the review's High finding): with only the password of a domain owner who never turned
// 2FA on, an attacker adds a throwaway owner, switches enforcement off, gives the throwaway their own
// TOTP, resets the CFO's 2FA and removes the real owner. Domain administration now needs the
// administrator's own 2FA, proved within 10 minutes, and a new owner needs 2FA: the reproduction
// fails at its first step, and so does every later step tried on its own.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { proveDomain, signInAal2, signInPassword, signUp, signUpWithTotp, type TestUser } from "./domains.fixtures.js";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
import { ADD_OWNER, CLAIM, DOMAIN, REMOVE_OWNER, RESET, SET_POLICY } from "@access-identity/testing/operations";

let api: TestApi;
let dns: TestDnsServer;
const published: Record<string, string[]> = {};
let realOwner: TestUser; // proved acme.test by DNS, never turned 2FA on: the attacker has their password
let secureOwner: TestUser; // a second owner, with 2FA
let cfo: TestUser; // a member with TOTP

const answer = (res: { data?: Record<string, { __typename: string; message?: string; field?: string }> }) => Object.values(res.data ?? {})[0];

beforeAll(async () => {
  dns = await startDnsServer();
  api = await startTestApi({ env: { DNS_SERVERS: dns.address } });
  realOwner = await signUp(api, "owner@acme.test");
  await proveDomain(api, dns, realOwner, "acme.test", published);
  secureOwner = await signUpWithTotp(api, "second@acme.test");
  await proveDomain(api, dns, secureOwner, "acme.test", published);
  cfo = await signUpWithTotp(api, "cfo@acme.test");
  await api.gql(SET_POLICY, { input: { name: "acme.test", enforce: true, gracePeriodDays: 30 } }, {
    token: await signInAal2(api, secureOwner),
  });
});
afterAll(async () => {
  await api?.close();
  await dns?.close();
});

describe("an owner's password alone administers nothing", () => {
  test("the reproduction fails at its first step: no throwaway owner is added", async () => {
    const attacker = (await signInPassword(api, realOwner.email)).token; // only the stolen password
    const throwaway = await signUpWithTotp(api, "throwaway@acme.test");
    const added = answer(await api.gql(ADD_OWNER, { input: { name: "acme.test", email: throwaway.email } }, { token: attacker }));
    expect(added).toMatchObject({ __typename: "NotAllowedError", message: expect.stringMatching(/two-factor authentication on your own account/) });
    const owners = (await api.gql(DOMAIN, { name: "acme.test" }, { token: await signInAal2(api, secureOwner) })).data.domain.owners;
    expect(owners.map((o: { email: string }) => o.email).sort()).toEqual([realOwner.email, secureOwner.email]);
  });

  test("nor does any later step on its own: enforcement stays, the CFO keeps 2FA, the other owner stays", async () => {
    const attacker = (await signInPassword(api, realOwner.email)).token;
    const refusals = [
      await api.gql(SET_POLICY, { input: { name: "acme.test", enforce: false } }, { token: attacker }),
      await api.gql(RESET, { input: { email: cfo.email, reason: "lost phone" } }, { token: attacker }),
      await api.gql(REMOVE_OWNER, { input: { name: "acme.test", email: secureOwner.email } }, { token: attacker }),
    ];
    for (const res of refusals) expect(answer(res)).toMatchObject({ __typename: "NotAllowedError", message: expect.stringMatching(/two-factor/) });
    const domain = (await api.gql(DOMAIN, { name: "acme.test" }, { token: await signInAal2(api, secureOwner) })).data.domain;
    expect(domain.enforceTwoFactor).toBe(true);
    expect(domain.owners).toHaveLength(2);
    const cfoMe = await api.gql(`{ me { twoFactor { enabled } } }`, {}, { token: await signInAal2(api, cfo) });
    expect(cfoMe.data.me.twoFactor.enabled).toBe(true);
  });
});

describe("an owner with 2FA proves it within 10 minutes", () => {
  test("a password-only session of an owner with 2FA is asked to step up, and so is a proof 11 minutes old", async () => {
    const passwordOnly = secureOwner.token; // the sign-up session: AAL1
    const stale = await signInAal2(api, secureOwner);
    api.clock.advance(11 * 60);
    for (const token of [passwordOnly, stale]) {
      for (const res of [
        await api.gql(SET_POLICY, { input: { name: "acme.test", enforce: false } }, { token }),
        await api.gql(ADD_OWNER, { input: { name: "acme.test", email: cfo.email } }, { token }),
        await api.gql(REMOVE_OWNER, { input: { name: "acme.test", email: realOwner.email } }, { token }),
        await api.gql(RESET, { input: { email: cfo.email, reason: "lost phone" } }, { token }),
      ]) {
        expect(answer(res)?.__typename).toBe("StepUpRequiredError");
      }
    }
  });
});

describe("who may become an owner", () => {
  test("a member without 2FA cannot be made an owner, even by an owner who stepped up", async () => {
    const noTwoFactor = await signUp(api, "intern@acme.test");
    const res = answer(await api.gql(ADD_OWNER, { input: { name: "acme.test", email: noTwoFactor.email } }, { token: await signInAal2(api, secureOwner) }));
    expect(res).toMatchObject({ __typename: "ValidationError", field: "email", message: expect.stringMatching(/two-factor/) });
  });

  test("a member with 2FA can", async () => {
    const res = answer(await api.gql(ADD_OWNER, { input: { name: "acme.test", email: cfo.email } }, { token: await signInAal2(api, secureOwner) }));
    expect(res?.__typename).toBe("DomainOwnersUpdated");
  });
});

describe("the claimant's view of a pending domain", () => {
  const VIEW = `query($name: String!) { domain(name: $name) { name verified claim { txtRecordName txtRecordValue expiresAt } } }`;

  test("before verification the claimant sees the domain, unverified, with the claim to publish", async () => {
    const claimant = await signUp(api, "it@pending.test");
    const claim = (await api.gql(CLAIM, { input: { name: "pending.test" } }, { token: claimant.token })).data.claimDomain;
    const seen = (await api.gql(VIEW, { name: "pending.test" }, { token: claimant.token })).data.domain;
    expect(seen).toEqual({
      name: "pending.test",
      verified: false,
      claim: { txtRecordName: claim.txtRecordName, txtRecordValue: claim.txtRecordValue, expiresAt: claim.expiresAt },
    });
  });

  test("another member, without a claim of their own, sees nothing; nor do owners-only fields reach the claimant", async () => {
    const claimant = await signUp(api, "dns@quiet.test");
    const colleague = await signUp(api, "colleague@quiet.test");
    await api.gql(CLAIM, { input: { name: "quiet.test" } }, { token: claimant.token });
    expect((await api.gql(VIEW, { name: "quiet.test" }, { token: colleague.token })).data.domain).toBeNull();
    const members = await api.gql(`{ domain(name: "quiet.test") { members { edges { cursor } } } }`, {}, { token: claimant.token });
    expect(members.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(members.data)).not.toContain("colleague");
  });

  test("once verified the claim is null, and a claimant of an already verified domain sees nothing of it", async () => {
    const owner = await signUpWithTotp(api, "boss@done.test");
    await proveDomain(api, dns, owner, "done.test", published);
    const seen = (await api.gql(VIEW, { name: "done.test" }, { token: owner.token })).data.domain;
    expect(seen).toEqual({ name: "done.test", verified: true, claim: null });
    const latecomer = await signUp(api, "late@done.test");
    await api.gql(CLAIM, { input: { name: "done.test" } }, { token: latecomer.token });
    expect((await api.gql(VIEW, { name: "done.test" }, { token: latecomer.token })).data.domain).toBeNull();
  });
});
