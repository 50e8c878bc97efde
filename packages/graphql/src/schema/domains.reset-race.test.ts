// Threat: a member's lost phone is in someone else's hands. The owner resets the member's 2FA
// while that someone is completing a sign-in with it: the session written a moment after the
// reset must be revoked with the rest, not survive because it was written last.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { type FaultyProxy, sessionWriteOf, startProxiedStore } from "@access-identity/testing/store";
import { COMPLETE_SIGN_IN, ME, RESET } from "@access-identity/testing/operations";
import { completePasskey, enableWebAuthnTwoFactor, ORIGIN, RP_ID, startPasskey, startSignIn, WEBAUTHN_ENV } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";
import { SoftAuthenticator } from "@access-identity/testing/authenticator";
import { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
import { proveDomain, signInAal2, signUp, signUpWithTotp, type TestUser } from "./domains.fixtures.js";

let proxy: FaultyProxy;
let dns: TestDnsServer;
let api: TestApi;
let owner: TestUser;
let member: TestUser;

beforeAll(async () => {
  proxy = await startProxiedStore();
  dns = await startDnsServer({}, { zones: ["reset-race.test"] });
  api = await startTestApi({ env: { ...WEBAUTHN_ENV, DNS_SERVERS: dns.address, AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint } });
  owner = await signUpWithTotp(api, "owner@reset-race.test");
  member = await signUpWithTotp(api, "member@reset-race.test");
  await proveDomain(api, dns, owner, "reset-race.test", {});
});
afterAll(async () => {
  await api?.close();
  await dns?.close();
  await proxy?.close();
});

test("a sign-in whose second factor was checked before a reset, but whose session is written after it, is revoked", async () => {
  const ownerToken = await signInAal2(api, owner);
  api.clock.advance(30);
  const challengeId = await startSignIn(api, member.email);
  api.clock.advance(1);

  // The phone's code passes; hold the session write until the owner's reset has landed. (Here
  // the session's own timestamp would also fall before the reset; the passkey case below is the
  // one where only the time the sign-in was judged tells them apart.)
  const sessionWrite = proxy.holdNext(sessionWriteOf(challengeId));
  const signingIn = api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(member.totpSecret!, api.clock.now()) } });
  await sessionWrite.reached;
  const reset = await api.gql(RESET, { input: { email: member.email, reason: "phone stolen" } }, { token: ownerToken });
  expect(reset.data.resetUserTwoFactor.__typename).toBe("TwoFactorReset");
  sessionWrite.release();

  const signedIn = (await signingIn).data.completeSignIn;
  expect(signedIn.__typename).toBe("SignedIn");
  // Written after the reset, but judged on the factors the reset removed: it must not work.
  const me = await api.gql(ME, {}, { token: signedIn.session.token });
  expect(me.data.me).toBeNull();
});

test("a passkey sign-in whose key was checked before a reset, but whose session is written after it, is revoked", async () => {
  const ownerToken = await signInAal2(api, owner);
  const holder = await signUp(api, "passkey-holder@reset-race.test");
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID, attachment: "platform", backupEligible: true });
  await enableWebAuthnTwoFactor(api, holder, key);
  const response = key.authenticate(await startPasskey(api, "198.51.100.77"));
  api.clock.advance(1);

  // The key's assertion passes; the domain's policy is read next, before the session is written:
  // hold that read until the owner's reset (which removes the key) has landed.
  const policyRead = proxy.holdNext((operation, body) => operation === "GetItem" && body.includes("DOMAIN#reset-race.test"));
  const signingIn = completePasskey(api, response);
  await policyRead.reached;
  api.clock.advance(1);
  const reset = await api.gql(RESET, { input: { email: holder.email, reason: "laptop stolen" } }, { token: ownerToken });
  expect(reset.data.resetUserTwoFactor.__typename).toBe("TwoFactorReset");
  api.clock.advance(1);
  policyRead.release();

  const signedIn = await signingIn;
  expect(signedIn.__typename).toBe("SignedIn");
  const me = await api.gql(ME, {}, { token: signedIn.session.token });
  expect(me.data.me).toBeNull();
});
