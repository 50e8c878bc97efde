// Threat: phishing — a look-alike site relays the WebAuthn ceremony, so the browser answers with
// the phishing origin or the phishing site's RP id. Registrations and assertions made there are refused.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { completePasskey, completeWithKey, confirmEnrolment, enableWebAuthnTwoFactor, ORIGIN, RP_ID, signUpUser, startEnrolment, startKeySignIn, startPasskey, startSignIn, WEBAUTHN_ENV } from "@access-identity/testing/flows";
import { SoftAuthenticator } from "@access-identity/testing/authenticator";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: WEBAUTHN_ENV });
});
afterAll(() => api.close());

const PHISHING_ORIGIN = "https://app.example-test.com";
const PHISHING_RP_ID = "example-test.com";

test("a registration answered with a wrong origin, or for a wrong RP id, is refused", async () => {
  const user = await signUpUser(api);
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  const { factorId, options } = await startEnrolment(api, user.token);

  const wrongOrigin = await confirmEnrolment(api, user.token, factorId, key.register(options as never, { origin: PHISHING_ORIGIN }).response);
  expect(wrongOrigin).toMatchObject({ __typename: "InvalidCodeError", attemptsRemaining: 4 });
  const wrongRp = await confirmEnrolment(api, user.token, factorId, key.register(options as never, { rpId: PHISHING_RP_ID }).response);
  expect(wrongRp).toMatchObject({ __typename: "InvalidCodeError", attemptsRemaining: 3 });
  const plainHttp = await confirmEnrolment(api, user.token, factorId, key.register(options as never, { origin: "http://app.example.test" }).response);
  expect(plainHttp.__typename).toBe("InvalidCodeError");

  const factors = await api.gql(`query { me { twoFactor { factors { id } } } }`, {}, { token: user.token });
  expect(factors.data.me.twoFactor.factors).toEqual([]);
  // The genuine answer still confirms (the failures were counted, not fatal).
  expect((await confirmEnrolment(api, user.token, factorId, key.register(options as never).response)).__typename).toBe("FactorConfirmed");
});

test("an assertion from a wrong origin or for a wrong RP id does not complete a sign-in", async () => {
  const user = await signUpUser(api);
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  await enableWebAuthnTwoFactor(api, user, key);
  const challengeId = await startSignIn(api, user.email);
  const fromPhish = await completeWithKey(api, challengeId, key.authenticate(await startKeySignIn(api, challengeId), { origin: PHISHING_ORIGIN }));
  expect(fromPhish.__typename).toBe("InvalidCodeError");
  const otherRp = await completeWithKey(api, challengeId, key.authenticate(await startKeySignIn(api, challengeId), { rpId: PHISHING_RP_ID }));
  expect(otherRp.__typename).toBe("InvalidCodeError");
});

test("a passkey assertion from a wrong origin does not sign in", async () => {
  const user = await signUpUser(api);
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  await enableWebAuthnTwoFactor(api, user, key);
  const relayed = await completePasskey(api, key.authenticate(await startPasskey(api), { origin: PHISHING_ORIGIN }));
  expect(relayed.__typename).toBe("InvalidCodeError");
});
