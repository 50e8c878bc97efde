// Threat: someone guessing TOTP codes locks the owner out of their own account. The lock on
// consecutive failures (NIST SP 800-63B 5.2.2) spares security keys: one still signs in, and its
// success clears the lock, so the authenticator app works again; so does a passkey sign-in.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { SoftAuthenticator } from "@access-identity/testing/authenticator";
import { auditActions, completePasskey, enableTotpTwoFactor, enrolKey, ORIGIN, RP_ID, signInWithKey, signUpUser, startPasskey, startSignIn, WEBAUTHN_ENV } from "@access-identity/testing/flows";
import { COMPLETE_SIGN_IN } from "@access-identity/testing/operations";
import { oathtool } from "@access-identity/testing/totp";

const LOCK_AFTER = 5;
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { ...WEBAUTHN_ENV, SECOND_FACTOR_LOCK_AFTER: String(LOCK_AFTER) } });
});
afterAll(() => api.close());

const totp = (challengeId: string, totpCode: string) => api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode } });

/** LOCK_AFTER wrong codes in a row: then even the right code is refused. */
async function lockTotp(email: string, secret: string) {
  const challengeId = await startSignIn(api, email);
  const wrong = oathtool(secret, api.clock.now()) === "000000" ? "999999" : "000000";
  for (let i = 0; i < LOCK_AFTER; i++) await totp(challengeId, wrong);
  api.clock.advance(30);
  expect((await totp(await startSignIn(api, email), oathtool(secret, api.clock.now()))).data.completeSignIn.__typename).toBe("FactorLockedError");
}

test("a security key signs in while TOTP is locked, and clears the lock", async () => {
  const user = await signUpUser(api);
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  await enrolKey(api, user.token, key); // before 2FA is on, so no step-up is needed
  const { secret } = await enableTotpTwoFactor(api, user);

  await lockTotp(user.email, secret);

  const withKey = await signInWithKey(api, user.email, key);
  expect(withKey.__typename).toBe("SignedIn");
  api.clock.advance(30);
  expect((await totp(await startSignIn(api, user.email), oathtool(secret, api.clock.now()))).data.completeSignIn.__typename).toBe("SignedIn");
  expect(await auditActions(api, withKey.session.token)).toEqual(expect.arrayContaining(["SECOND_FACTOR_LOCKED", "SECOND_FACTOR_UNLOCKED"]));
});

test("a passkey sign-in works while TOTP is locked, and clears the lock", async () => {
  const user = await signUpUser(api);
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID, attachment: "platform", backupEligible: true });
  await enrolKey(api, user.token, key, { nickname: "Phone" }); // before 2FA is on, so no step-up is needed
  const { secret } = await enableTotpTwoFactor(api, user);

  await lockTotp(user.email, secret);

  const withPasskey = await completePasskey(api, key.authenticate(await startPasskey(api)));
  expect(withPasskey).toMatchObject({ __typename: "SignedIn", session: { aal: "AAL2" } });
  api.clock.advance(30);
  expect((await totp(await startSignIn(api, user.email), oathtool(secret, api.clock.now()))).data.completeSignIn.__typename).toBe("SignedIn");
  expect(await auditActions(api, withPasskey.session.token)).toEqual(expect.arrayContaining(["SECOND_FACTOR_LOCKED", "SECOND_FACTOR_UNLOCKED"]));
});
