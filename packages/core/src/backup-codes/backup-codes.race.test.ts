// Threat: a stolen backup code raced by many parallel requests (or the owner and an attacker at
// once) must sign in exactly once. Called on core: single-use consumption is core's invariant.
import { afterAll, beforeAll, expect, test } from "vitest";
import { completeSignIn, ExpiredError, InvalidCodeError, RateLimitedError } from "@access-identity/core";
import { accountWithTwoFactor, backupCodesRemaining, passwordStep, startTestCore, type TestCore } from "@access-identity/testing/core";
import { testRequest } from "@access-identity/testing/identities";

let core: TestCore;
beforeAll(async () => {
  core = await startTestCore();
});
afterAll(() => core.close());

/** The second step with a backup code, from a client of its own, as a request would call it. */
const withBackupCode = (challengeId: string, backupCode: string | undefined) =>
  completeSignIn(core.deps, { challengeId, backupCode }, testRequest());

function outcomes(results: PromiseSettledResult<unknown>[]) {
  return {
    signedIn: results.filter((r) => r.status === "fulfilled"),
    refusals: results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : [])),
  };
}

test("one backup code raced by 10 concurrent requests on 10 challenges signs in exactly once", async () => {
  const { email, backupCodes } = await accountWithTwoFactor(core);
  const challenges = await Promise.all(Array.from({ length: 10 }, () => passwordStep(core, email)));
  const { signedIn, refusals } = outcomes(await Promise.allSettled(challenges.map((challengeId) => withBackupCode(challengeId, backupCodes[0]))));
  expect(signedIn).toHaveLength(1);
  expect(refusals.filter((e) => e instanceof InvalidCodeError)).toHaveLength(9);
  expect(await backupCodesRemaining(core, email)).toBe(9);
});

test("however many race one challenge, exactly one session comes out and the code is spent once", async () => {
  // The losers are not wrong guesses (the code was right, just spent), so they cannot use up the
  // challenge's five-proof budget under the request that won.
  const { email, backupCodes } = await accountWithTwoFactor(core);
  const challengeId = await passwordStep(core, email);
  const { signedIn, refusals } = outcomes(await Promise.allSettled(Array.from({ length: 20 }, () => withBackupCode(challengeId, backupCodes[2]))));
  expect(signedIn).toHaveLength(1);
  // The others: told the code was used, found the challenge already completed, or were over the
  // account's budget of 10 second factors in flight.
  for (const error of refusals) {
    if (error instanceof InvalidCodeError) expect(error.message).toBe("That backup code was already used. Each code works once: use another.");
    else expect(error instanceof ExpiredError || error instanceof RateLimitedError, String(error)).toBe(true);
  }
  expect(await backupCodesRemaining(core, email)).toBe(9);
});

test("a used backup code is refused as used on a later sign-in, without counting as a guess", async () => {
  const { email, backupCodes } = await accountWithTwoFactor(core);
  await expect(withBackupCode(await passwordStep(core, email), backupCodes[3])).resolves.toHaveProperty("session");
  const again = withBackupCode(await passwordStep(core, email), backupCodes[3]);
  await expect(again).rejects.toBeInstanceOf(InvalidCodeError);
  await expect(again).rejects.toMatchObject({
    message: "That backup code was already used. Each code works once: use another.",
    attemptsRemaining: 5,
  });
  // A code never issued is a wrong guess.
  const wrong = withBackupCode(await passwordStep(core, email), "abcde-fghij");
  await expect(wrong).rejects.toBeInstanceOf(InvalidCodeError);
  await expect(wrong).rejects.toMatchObject({ message: "That code is not valid.", attemptsRemaining: 4 });
});
