// Threat: a TOTP code seen by an attacker (shoulder-surfing, phishing proxy, logs) is replayed,
// alone or racing the real user's request: a time step must be accepted at most once per factor.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { COMPLETE_SIGN_IN } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const complete = (challengeId: string, totpCode: string) => api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode } });

test("a code that signed in once does not sign in again, even on a fresh challenge", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const code = oathtool(secret, api.clock.now());
  expect((await complete(await startSignIn(api, user.email), code)).data.completeSignIn.__typename).toBe("SignedIn");
  const replay = await complete(await startSignIn(api, user.email), code);
  // Refused, and told why; a replay is not a guess, so it does not use up the new challenge.
  expect(replay.data.completeSignIn).toMatchObject({
    __typename: "InvalidCodeError",
    message: "That code was already used. Wait for the next one in your authenticator app.",
    attemptsRemaining: 5,
  });
  // Not counted against the challenge, but on the record like any refused second factor.
  const log = await api.gql(`{ auditLog(first: 5) { edges { node { action detail } } } }`, {}, { token: user.token });
  expect(log.data.auditLog.edges[0].node).toMatchObject({ action: "SECOND_FACTOR_FAILED", detail: expect.stringMatching(/^TOTP already used from /) });
});

test("an older step cannot be used after a newer one (no going back within the drift window)", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const now = api.clock.now();
  const previous = oathtool(secret, new Date(now.getTime() - 30_000));
  expect((await complete(await startSignIn(api, user.email), oathtool(secret, now))).data.completeSignIn.__typename).toBe("SignedIn");
  expect((await complete(await startSignIn(api, user.email), previous)).data.completeSignIn.__typename).toBe("InvalidCodeError");
});

test("the code that confirmed enrolment cannot sign in", async () => {
  const user = await signUpUser(api);
  const { confirmingCode } = await enableTotpTwoFactor(api, user);
  api.clock.advance(-30); // back to the enrolment's step, where that code is still within the drift window
  // The very code that confirmed enrolment (recomputing it from the clock here could land in the
  // next time step when the enrolment straddled a step boundary, and that would be a fresh code).
  const res = await complete(await startSignIn(api, user.email), confirmingCode);
  expect(res.data.completeSignIn.__typename).toBe("InvalidCodeError");
  api.clock.advance(30);
});

test("the same code on 10 challenges at once signs in exactly once", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const challenges = await Promise.all(Array.from({ length: 10 }, () => startSignIn(api, user.email)));
  const code = oathtool(secret, api.clock.now());
  const results = await Promise.all(challenges.map((id) => complete(id, code)));
  const kinds = results.map((r) => r.data.completeSignIn.__typename);
  expect(kinds.filter((k) => k === "SignedIn")).toHaveLength(1);
  expect(kinds.filter((k) => k === "InvalidCodeError")).toHaveLength(9);
});

test("a code double-submitted many times to one challenge signs in exactly once", async () => {
  // Eight copies of the right code at once (a retrying client, an impatient user): the seven that
  // lose the race are not wrong guesses, so they cannot use up the challenge under the winner.
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  const code = oathtool(secret, api.clock.now());
  const results = await Promise.all(Array.from({ length: 8 }, () => complete(challengeId, code)));
  const kinds = results.map((r) => r.data.completeSignIn.__typename);
  expect(kinds.filter((k) => k === "SignedIn")).toHaveLength(1);
  // The losers found the code spent, or the challenge already turned into the winner's session.
  expect(kinds.filter((k) => k === "InvalidCodeError" || k === "ExpiredError")).toHaveLength(7);
});
