// Threat: an assertion made for another challenge — relayed from another sign-in (the victim's
// own, or an attacker's), signed over a challenge the server never issued, or made by another
// user's key — is used to complete a sign-in.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { completeWithKey, startKeySignIn, startSignIn, userWithKey as userWithKeyFor, WEBAUTHN_ENV } from "@access-identity/testing/flows";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: WEBAUTHN_ENV });
});
afterAll(() => api.close());

const userWithKey = () => userWithKeyFor(api);

test("an assertion for one sign-in's challenge does not complete another sign-in", async () => {
  const { user, key } = await userWithKey();
  const first = await startSignIn(api, user.email);
  const second = await startSignIn(api, user.email);
  const firstOptions = await startKeySignIn(api, first);
  await startKeySignIn(api, second);
  const relayed = await completeWithKey(api, second, key.authenticate(firstOptions));
  expect(relayed.__typename).toBe("InvalidCodeError");
  // Nor does it complete a sign-in that never asked for a key.
  const third = await startSignIn(api, user.email);
  expect((await completeWithKey(api, third, key.authenticate(firstOptions))).__typename).toBe("InvalidCodeError");
});

test("an assertion over a challenge the server never issued is refused", async () => {
  const { user, key } = await userWithKey();
  const challengeId = await startSignIn(api, user.email);
  const options = await startKeySignIn(api, challengeId);
  const forged = key.authenticate(options, { challenge: Buffer.from("chosen by the attacker, 32 bytes").toString("base64url") });
  expect((await completeWithKey(api, challengeId, forged)).__typename).toBe("InvalidCodeError");
});

test("another user's key, answering my challenge, does not complete my sign-in", async () => {
  const me = await userWithKey();
  const other = await userWithKey();
  const challengeId = await startSignIn(api, me.user.email);
  const options = await startKeySignIn(api, challengeId);
  // The attacker's authenticator signs my challenge with their own registered credential.
  const theirs = other.key.authenticate({ ...options, allowCredentials: [] });
  expect((await completeWithKey(api, challengeId, theirs)).__typename).toBe("InvalidCodeError");
});

test("a tampered assertion (signature not over this data) is refused", async () => {
  const { user, key } = await userWithKey();
  const challengeId = await startSignIn(api, user.email);
  const options = await startKeySignIn(api, challengeId);
  const good = key.authenticate(options);
  const other = key.authenticate(options);
  const spliced = { ...good, response: { ...good.response, signature: other.response.signature } };
  expect((await completeWithKey(api, challengeId, spliced)).__typename).toBe("InvalidCodeError");
  const garbage = await completeWithKey(api, challengeId, { id: "x", nonsense: true });
  expect(garbage.__typename).toBe("InvalidCodeError");
});
