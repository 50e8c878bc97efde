// Passkey sign-in without an email: discoverable credentials, AAL2 when the authenticator verified
// the user, limited starts per IP.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { MY_FACTORS, REMOVE_FACTOR, START_PASSKEY_SIGN_IN } from "@access-identity/testing/operations";
import { completePasskey, enableWebAuthnTwoFactor, enrolKey, ORIGIN, RP_ID, signUpUser, startPasskey, WEBAUTHN_ENV } from "@access-identity/testing/flows";
import { SoftAuthenticator } from "@access-identity/testing/authenticator";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { ...WEBAUTHN_ENV, RATE_LIMIT_PASSKEY_STARTS_PER_IP: "5/60" } });
});
afterAll(() => api.close());

const passkey = () => new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID, attachment: "platform", backupEligible: true });

test("options name no user and no credential: the authenticator offers its passkeys", async () => {
  const options = await startPasskey(api, "198.51.100.1");
  expect(options.rpId).toBe(RP_ID);
  expect(options.allowCredentials ?? []).toEqual([]);
  expect(options.userVerification).toBe("preferred");
  expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
});

test("sign in with a passkey, no email typed: AAL2 with user verification, good for step-up", async () => {
  const user = await signUpUser(api);
  const key = passkey();
  const { factor } = await enableWebAuthnTwoFactor(api, user, key, "Laptop");

  const signedIn = await completePasskey(api, key.authenticate(await startPasskey(api, "198.51.100.2")));
  expect(signedIn).toMatchObject({ __typename: "SignedIn", session: { aal: "AAL2" }, user: { email: user.email } });
  // The AAL2 session is recent enough to add a factor...
  const second = await enrolKey(api, signedIn.session.token, passkey(), { nickname: "Phone" });
  const factors = (await api.gql(MY_FACTORS, {}, { token: signedIn.session.token })).data.me.twoFactor.factors;
  expect(factors.find((f: { id: string }) => f.id === factor.id).lastUsedAt).not.toBeNull();
  // ...and to remove one.
  const removed = await api.gql(REMOVE_FACTOR, { input: { factorId: second.factor.id } }, { token: signedIn.session.token });
  expect(removed.data.removeFactor.__typename).toBe("FactorRemoved");
});

test("without user verification: refused for an account with 2FA, AAL1 for one without", async () => {
  const withTwoFactor = await signUpUser(api);
  const key = passkey();
  await enableWebAuthnTwoFactor(api, withTwoFactor, key);
  const refused = await completePasskey(api, key.authenticate(await startPasskey(api, "198.51.100.3"), { userVerified: false }));
  expect(refused.__typename).toBe("InvalidCodeError");

  const withoutTwoFactor = await signUpUser(api);
  const other = passkey();
  await enrolKey(api, withoutTwoFactor.token, other);
  const presence = await completePasskey(api, other.authenticate(await startPasskey(api, "198.51.100.3"), { userVerified: false }));
  expect(presence).toMatchObject({ __typename: "SignedIn", session: { aal: "AAL1" } });
  const verified = await completePasskey(api, other.authenticate(await startPasskey(api, "198.51.100.3")));
  expect(verified).toMatchObject({ __typename: "SignedIn", session: { aal: "AAL2" } });
});

test("starts are limited per IP", async () => {
  const ip = "198.51.100.9";
  for (let i = 0; i < 5; i++) await startPasskey(api, ip);
  const limited = await api.gql(START_PASSKEY_SIGN_IN, {}, { ip });
  expect(limited.data.startPasskeySignIn).toMatchObject({ __typename: "RateLimitedError" });
  expect(limited.data.startPasskeySignIn.retryAfterSeconds).toBeGreaterThan(0);
  expect((await api.gql(START_PASSKEY_SIGN_IN, {}, { ip: "198.51.100.10" })).data.startPasskeySignIn.__typename).toBe("WebAuthnOptions");
});

test("a response that is not an assertion is a ValidationError", async () => {
  const res = await completePasskey(api, { hello: "world" });
  expect(res).toMatchObject({ __typename: "ValidationError", field: "response" });
});
