// Threat: brute-forcing the 6-digit second factor once the password is known. At most 5 wrong
// codes per challenge, then it is dead; repeated failures across challenges lock second-factor
// attempts for the account (NIST SP 800-63B 5.2.2), and the lock is audited.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { COMPLETE_SIGN_IN, SIGN_IN } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, PASSWORD, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { RATE_LIMIT_SECOND_FACTOR_ATTEMPTS_PER_ACCOUNT: "8/900" } });
});
afterAll(() => api.close());

const complete = (challengeId: string, totpCode: string) => api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode } });
const wrongCode = (secret: string) => (oathtool(secret, api.clock.now()) === "000000" ? "999999" : "000000");

test("5 wrong codes kill the challenge: the right code is then refused too", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  for (let remaining = 4; remaining >= 0; remaining--) {
    expect((await complete(challengeId, wrongCode(secret))).data.completeSignIn).toMatchObject({ __typename: "InvalidCodeError", attemptsRemaining: remaining });
  }
  expect((await complete(challengeId, oathtool(secret, api.clock.now()))).data.completeSignIn).toEqual({
    __typename: "ExpiredError",
    message: "Too many wrong codes for this sign-in. Sign in again with your password.",
  });
});

test("20 wrong codes fired at one challenge at once: exactly 5 are judged, the rest refused", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  const results = await Promise.all(Array.from({ length: 20 }, () => complete(challengeId, wrongCode(secret))));
  const kinds = results.map((r) => r.data.completeSignIn.__typename);
  expect(kinds.filter((k) => k === "InvalidCodeError")).toHaveLength(5);
  // The rest found the challenge spent, or the account's second-factor budget (8 here) used up.
  expect(kinds.filter((k) => k === "ExpiredError" || k === "RateLimitedError")).toHaveLength(15);
});

test("guesses spread over many challenges at once are capped by the account's budget, exactly", async () => {
  // Someone with the password opens many challenges, then fires 5 guesses at each in parallel.
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const challenges = await Promise.all(Array.from({ length: 6 }, () => startSignIn(api, user.email)));
  const results = await Promise.all(challenges.flatMap((id) => Array.from({ length: 5 }, () => complete(id, wrongCode(secret)))));
  const kinds = results.map((r) => r.data.completeSignIn.__typename);
  expect(kinds.filter((k) => k === "InvalidCodeError")).toHaveLength(8);
  expect(kinds.filter((k) => k === "RateLimitedError")).toHaveLength(22);
});

test("failures across challenges lock the account's second step, with retryAfterSeconds, and are audited", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const open = await startSignIn(api, user.email);
  const reported: number[] = [];
  for (let i = 0; i < 2; i++) {
    const challengeId = await startSignIn(api, user.email);
    for (let j = 0; j < 4; j++) reported.push((await complete(challengeId, wrongCode(secret))).data.completeSignIn.attemptsRemaining);
  }
  // attemptsRemaining never promises more than the account's budget of 8 still allows.
  expect(reported).toEqual([4, 3, 2, 1, 3, 2, 1, 0]);
  // 8 failures: a challenge opened before is refused at the second step, even with the right code...
  const late = await complete(open, oathtool(secret, api.clock.now()));
  expect(late.data.completeSignIn.__typename).toBe("RateLimitedError");
  // ...and a new one at the password step.
  const atPassword = await api.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } });
  expect(atPassword.data.signIn.__typename).toBe("RateLimitedError");
  expect(atPassword.data.signIn.retryAfterSeconds).toBeGreaterThan(0);

  const audit = await api.gql(`{ auditLog(first: 50) { edges { node { action detail } } } }`, {}, { token: user.token });
  const actions = audit.data.auditLog.edges.map((e: { node: { action: string } }) => e.node.action);
  expect(actions.filter((a: string) => a === "SECOND_FACTOR_FAILED")).toHaveLength(8);
  expect(actions).toContain("SECOND_FACTOR_LOCKED");

  api.clock.advance(atPassword.data.signIn.retryAfterSeconds);
  const challengeId = await startSignIn(api, user.email);
  expect((await complete(challengeId, oathtool(secret, api.clock.now()))).data.completeSignIn.__typename).toBe("SignedIn");
});

test("a new window starts the budget afresh, and parallel guesses at its start are still capped exactly", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const first = await Promise.all(Array.from({ length: 2 }, () => startSignIn(api, user.email)));
  const used = await Promise.all(first.flatMap((id) => Array.from({ length: 5 }, () => complete(id, wrongCode(secret)))));
  expect(used.filter((r) => r.data.completeSignIn.__typename === "InvalidCodeError")).toHaveLength(8);
  api.clock.advance(900);
  // The account item still holds the old window: every guess below finds it over and races to start the new one.
  const challenges = await Promise.all(Array.from({ length: 3 }, () => startSignIn(api, user.email)));
  const results = await Promise.all(challenges.flatMap((id) => Array.from({ length: 5 }, () => complete(id, wrongCode(secret)))));
  const kinds = results.map((r) => r.data.completeSignIn.__typename);
  expect(kinds.filter((k) => k === "InvalidCodeError")).toHaveLength(8);
  expect(kinds.filter((k) => k === "RateLimitedError")).toHaveLength(7);
});

test("right second factors give their unit back: signing in often never locks the owner out", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  for (let i = 0; i < 12; i++) {
    // More sign-ins than the budget of 8, each with a fresh code.
    api.clock.advance(30);
    const res = await complete(await startSignIn(api, user.email), oathtool(secret, api.clock.now()));
    expect(res.data.completeSignIn.__typename).toBe("SignedIn");
  }
});

test("a challenge expires after 5 minutes", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  api.clock.advance(5 * 60 + 1);
  expect((await complete(challengeId, oathtool(secret, api.clock.now()))).data.completeSignIn.__typename).toBe("ExpiredError");
});
