// Threat: a stolen backup code raced by many parallel requests (or the owner and an attacker at
// once) must sign in exactly once.
import { afterAll, beforeAll, expect, test } from "vitest";
import { COMPLETE_SIGN_IN, enableTotpTwoFactor, signUpUser, startSignIn, startTestApi, type TestApi } from "@access-identity/functions/testing/harness";

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

test("the same code raced on one challenge yields exactly one session", async () => {
  // Five requests: the losers count as wrong proofs, and a challenge's five-proof budget is exact,
  // so beyond five even the winner could find the challenge spent (it then fails closed).
  const user = await signUpUser(api);
  const { backupCodes } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  const results = await Promise.all(
    Array.from({ length: 5 }, () => api.gql(COMPLETE_SIGN_IN, { input: { challengeId, backupCode: backupCodes[1] } })),
  );
  const kinds = results.map((r) => r.data.completeSignIn.__typename);
  expect(kinds.filter((k) => k === "SignedIn")).toHaveLength(1);
  // The others lost the code (InvalidCodeError) or found the challenge already completed (ExpiredError).
  expect(kinds.filter((k) => k === "InvalidCodeError" || k === "ExpiredError")).toHaveLength(4);
});

test("however many race one challenge, at most one session comes out and the code is spent once", async () => {
  const user = await signUpUser(api);
  const { backupCodes } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  const results = await Promise.all(
    Array.from({ length: 20 }, () => api.gql(COMPLETE_SIGN_IN, { input: { challengeId, backupCode: backupCodes[2] } })),
  );
  expect(results.filter((r) => r.data.completeSignIn.__typename === "SignedIn").length).toBeLessThanOrEqual(1);
  const me = await api.gql(`{ me { twoFactor { backupCodesRemaining } } }`, {}, { token: user.token });
  expect(me.data.me.twoFactor.backupCodesRemaining).toBe(9);
});
