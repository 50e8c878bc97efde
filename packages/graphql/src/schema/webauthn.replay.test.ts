// Threat: replay — a captured WebAuthn assertion or registration is sent again, or one WebAuthn
// challenge is answered twice (sequentially or by racing requests), to mint extra sessions or factors.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { completePasskey, completeWithKey, confirmEnrolment, ORIGIN, RP_ID, signUpUser, startEnrolment, startKeySignIn, startPasskey, startSignIn, userWithKey as userWithKeyFor, WEBAUTHN_ENV } from "@access-identity/testing/flows";
import { SoftAuthenticator } from "@access-identity/testing/authenticator";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: WEBAUTHN_ENV });
});
afterAll(() => api.close());

const userWithKey = () => userWithKeyFor(api);

test("a replayed assertion is refused: on its own challenge once completed, and on a new sign-in", async () => {
  const { user, key } = await userWithKey();
  const challengeId = await startSignIn(api, user.email);
  const assertion = key.authenticate(await startKeySignIn(api, challengeId));
  expect((await completeWithKey(api, challengeId, assertion)).__typename).toBe("SignedIn");
  expect((await completeWithKey(api, challengeId, assertion)).__typename).toBe("ExpiredError");

  const next = await startSignIn(api, user.email);
  await startKeySignIn(api, next);
  const replayed = await completeWithKey(api, next, assertion);
  expect(replayed).toMatchObject({ __typename: "InvalidCodeError", attemptsRemaining: 4 });
});

test("a WebAuthn challenge answers once: after a wrong answer, a good answer to the same options is refused", async () => {
  const { user, key } = await userWithKey();
  const challengeId = await startSignIn(api, user.email);
  const options = await startKeySignIn(api, challengeId);
  const wrong = await completeWithKey(api, challengeId, key.authenticate(options, { origin: "https://evil.example" }));
  expect(wrong.__typename).toBe("InvalidCodeError");
  const sameChallenge = await completeWithKey(api, challengeId, key.authenticate(options));
  expect(sameChallenge.__typename).toBe("InvalidCodeError");
  // A new start gives a new challenge; the sign-in can still finish within its attempt budget.
  const fresh = await completeWithKey(api, challengeId, key.authenticate(await startKeySignIn(api, challengeId)));
  expect(fresh.__typename).toBe("SignedIn");
});

test("two good assertions for one challenge, raced, make one session", async () => {
  const { user, key } = await userWithKey();
  const challengeId = await startSignIn(api, user.email);
  const options = await startKeySignIn(api, challengeId);
  const answers = [key.authenticate(options), key.authenticate(options), key.authenticate(options)];
  const results = await Promise.all(answers.map((a) => completeWithKey(api, challengeId, a)));
  expect(results.filter((r) => r.__typename === "SignedIn")).toHaveLength(1);
});

test("a registration response confirms once", async () => {
  const user = await signUpUser(api);
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  const { factorId, options } = await startEnrolment(api, user.token);
  const { response } = key.register(options as never);
  expect((await confirmEnrolment(api, user.token, factorId, response)).__typename).toBe("FactorConfirmed");
  expect((await confirmEnrolment(api, user.token, factorId, response)).__typename).toBe("ExpiredError");
  // Nor can it confirm another pending enrolment (its challenge is not that one's).
  const other = await startEnrolment(api, user.token);
  expect((await confirmEnrolment(api, user.token, other.factorId, response)).__typename).toBe("InvalidCodeError");
});

test("a passkey ceremony answers once, even raced", async () => {
  const { key } = await userWithKey();
  const options = await startPasskey(api);
  const first = key.authenticate(options);
  expect((await completePasskey(api, first)).__typename).toBe("SignedIn");
  expect((await completePasskey(api, first)).__typename).toBe("ExpiredError");
  expect((await completePasskey(api, key.authenticate(options))).__typename).toBe("ExpiredError");

  const raced = await startPasskey(api);
  const results = await Promise.all([key.authenticate(raced), key.authenticate(raced)].map((a) => completePasskey(api, a)));
  expect(results.map((r) => r.__typename).sort()).toEqual(["ExpiredError", "SignedIn"]);
});

test("a ceremony that timed out is refused", async () => {
  const { user, key } = await userWithKey();
  const options = await startPasskey(api);
  api.clock.advance(5 * 60 + 1);
  expect((await completePasskey(api, key.authenticate(options))).__typename).toBe("ExpiredError");
  const challengeId = await startSignIn(api, user.email);
  const keyOptions = await startKeySignIn(api, challengeId);
  api.clock.advance(5 * 60 + 1);
  expect((await completeWithKey(api, challengeId, key.authenticate(keyOptions))).__typename).toBe("ExpiredError");
});
