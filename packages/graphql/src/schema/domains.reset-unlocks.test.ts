// Threat: a member whose TOTP was locked by someone guessing (consecutive failures, NIST SP
// 800-63B 5.2.2) and who has no backup code left must still have a way back: a domain owner's reset
// clears the lock with the factors, and the unlock is audited; the member enrols afresh and signs in.
import { afterAll, beforeAll, expect, test } from "vitest";
import { proveDomain, signInAal2, signInPassword, signUp, signUpWithTotp, type TestUser } from "./domains.fixtures.js";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
import { enableTotpTwoFactor, startSignIn } from "@access-identity/testing/flows";
import { COMPLETE_SIGN_IN, RESET } from "@access-identity/testing/operations";
import { oathtool } from "@access-identity/testing/totp";

const LOCK_AFTER = 5;
let api: TestApi;
let dns: TestDnsServer;
let owner: TestUser;

beforeAll(async () => {
  dns = await startDnsServer();
  api = await startTestApi({ env: { DNS_SERVERS: dns.address, SECOND_FACTOR_LOCK_AFTER: String(LOCK_AFTER) } });
  owner = await signUpWithTotp(api, "owner@unlock.test");
  await proveDomain(api, dns, owner, "unlock.test", {});
});
afterAll(async () => {
  await api?.close();
  await dns?.close();
});

const complete = (challengeId: string, totpCode: string) => api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode } });

test("an owner's reset lifts the lock on a member's locked TOTP, audited; their new authenticator works", async () => {
  const member = await signUp(api, "locked@unlock.test");
  const { secret } = await enableTotpTwoFactor(api, member);
  const challengeId = await startSignIn(api, member.email);
  const wrong = oathtool(secret, api.clock.now()) === "000000" ? "999999" : "000000";
  for (let i = 0; i < LOCK_AFTER; i++) await complete(challengeId, wrong);
  api.clock.advance(30);
  expect((await complete(await startSignIn(api, member.email), oathtool(secret, api.clock.now()))).data.completeSignIn.__typename).toBe("FactorLockedError");

  const reset = await api.gql(RESET, { input: { email: member.email, reason: "TOTP locked by guessing" } }, { token: await signInAal2(api, owner) });
  expect(reset.data.resetUserTwoFactor.__typename).toBe("TwoFactorReset");

  const session = await signInPassword(api, member.email);
  const log = await api.gql(`{ auditLog(first: 50) { edges { node { action actor { email } } } } }`, {}, { token: session.token });
  const unlocked = log.data.auditLog.edges.find((e: { node: { action: string } }) => e.node.action === "SECOND_FACTOR_UNLOCKED");
  expect(unlocked?.node.actor.email).toBe(owner.email);

  const fresh = await enableTotpTwoFactor(api, { token: session.token });
  expect((await complete(await startSignIn(api, member.email), oathtool(fresh.secret, api.clock.now()))).data.completeSignIn.__typename).toBe("SignedIn");
});
