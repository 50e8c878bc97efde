// Threat: a stolen backup code raced by many parallel requests (or the owner and an attacker at
// once) must sign in exactly once.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { COMPLETE_SIGN_IN } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, signUpUser, startSignIn } from "@access-identity/testing/flows";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

test("one backup code raced by 10 concurrent requests on 10 challenges signs in exactly once", async () => {
  const user = await signUpUser(api);
  const { backupCodes } = await enableTotpTwoFactor(api, user);
  const challenges = await Promise.all(Array.from({ length: 10 }, () => startSignIn(api, user.email)));
  const results = await Promise.all(
    challenges.map((challengeId) => api.gql(COMPLETE_SIGN_IN, { input: { challengeId, backupCode: backupCodes[0] } })),
  );
  const kinds = results.map((r) => r.data.completeSignIn.__typename);
  expect(kinds.filter((k) => k === "SignedIn")).toHaveLength(1);
  expect(kinds.filter((k) => k === "InvalidCodeError")).toHaveLength(9);
  const me = await api.gql(`{ me { twoFactor { backupCodesRemaining } } }`, {}, { token: user.token });
  expect(me.data.me.twoFactor.backupCodesRemaining).toBe(9);
});

test("however many race one challenge, exactly one session comes out and the code is spent once", async () => {
  // The losers are not wrong guesses (the code was right, just spent), so they cannot use up the
  // challenge's five-proof budget under the request that won.
  const user = await signUpUser(api);
  const { backupCodes } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  const results = await Promise.all(
    Array.from({ length: 20 }, () => api.gql(COMPLETE_SIGN_IN, { input: { challengeId, backupCode: backupCodes[2] } })),
  );
  const outcomes = results.map((r) => r.data.completeSignIn);
  expect(outcomes.filter((o) => o.__typename === "SignedIn")).toHaveLength(1);
  // The others: told the code was used, found the challenge already completed, or were over the
  // account's budget of 10 second factors in flight.
  for (const outcome of outcomes.filter((o) => o.__typename !== "SignedIn")) {
    if (outcome.__typename === "InvalidCodeError") expect(outcome.message).toBe("That backup code was already used. Each code works once: use another.");
    else expect(["ExpiredError", "RateLimitedError"]).toContain(outcome.__typename);
  }
  const me = await api.gql(`{ me { twoFactor { backupCodesRemaining } } }`, {}, { token: user.token });
  expect(me.data.me.twoFactor.backupCodesRemaining).toBe(9);
});

test("a used backup code is refused as used on a later sign-in, without counting as a guess", async () => {
  const user = await signUpUser(api);
  const { backupCodes } = await enableTotpTwoFactor(api, user);
  const first = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, user.email), backupCode: backupCodes[3] } });
  expect(first.data.completeSignIn.__typename).toBe("SignedIn");
  const again = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, user.email), backupCode: backupCodes[3] } });
  expect(again.data.completeSignIn).toMatchObject({
    __typename: "InvalidCodeError",
    message: "That backup code was already used. Each code works once: use another.",
    attemptsRemaining: 5,
  });
  // A code never issued is a wrong guess.
  const wrong = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, user.email), backupCode: "abcde-fghij" } });
  expect(wrong.data.completeSignIn).toMatchObject({ __typename: "InvalidCodeError", message: "That code is not valid.", attemptsRemaining: 4 });
});
