// Threat: with the password known, guessing the 6-digit TOTP or SMS code slowly, within every
// window's budget, for months (NIST SP 800-63B 5.2.2: ~65 % in a year with windowed limits alone).
// After SECOND_FACTOR_LOCK_AFTER consecutive failed proofs on an account, counted across every window
// and reset by any success, its TOTP and SMS are refused with FactorLockedError (right code or wrong:
// no oracle) until a backup code or a security key signs in, or a domain owner resets it. Exact under
// parallel guesses; the lock and its clearing are audited.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startSmsTestApi, type TestApi } from "@access-identity/testing/api";
import { e164, enableSmsTwoFactor, enableTotpTwoFactor, passwordStep, sendSignInSms, signUpFrom, signUpUser, startOfFreshDay, startSignIn, uniqueMobile } from "@access-identity/testing/flows";
import { COMPLETE_SIGN_IN } from "@access-identity/testing/operations";
import { type SnsEndpoint } from "@access-identity/testing/sns";
import { oathtool } from "@access-identity/testing/totp";

const LOCK_AFTER = 12;
let api: TestApi;
let sns: SnsEndpoint;
let close: () => Promise<void>;

beforeAll(async () => {
  // Windowed budgets wide open, so only the consecutive-failure lock is under test.
  ({ api, sns, close } = await startSmsTestApi({
    env: {
      SECOND_FACTOR_LOCK_AFTER: String(LOCK_AFTER),
      RATE_LIMIT_SECOND_FACTOR_ATTEMPTS_PER_ACCOUNT: "1000/900",
      RATE_LIMIT_SIGN_IN_ATTEMPTS_PER_ACCOUNT: "1000/900",
    },
  }));
  startOfFreshDay(api);
});
afterAll(() => close());

const complete = (challengeId: string, proof: Record<string, string>) => api.gql(COMPLETE_SIGN_IN, { input: { challengeId, ...proof } });
const kind = (res: { data?: { completeSignIn: { __typename: string } } }) => res.data?.completeSignIn.__typename;
const wrongTotp = (secret: string) => (oathtool(secret, api.clock.now()) === "000000" ? "999999" : "000000");

/** `n` wrong TOTP codes, one at a time, each challenge in a 16-minute window of its own. */
async function guessAcrossWindows(email: string, secret: string, n: number): Promise<(string | undefined)[]> {
  const answers: (string | undefined)[] = [];
  while (answers.length < n) {
    api.clock.advance(16 * 60);
    const challengeId = await startSignIn(api, email);
    for (let i = 0; i < 5 && answers.length < n; i++) answers.push(kind(await complete(challengeId, { totpCode: wrongTotp(secret) })));
  }
  return answers;
}

async function actions(token: string): Promise<{ action: string; detail: string }[]> {
  const res = await api.gql(`{ auditLog(first: 100) { edges { node { action detail } } } }`, {}, { token });
  return res.data.auditLog.edges.map((e: { node: { action: string; detail: string } }) => e.node);
}

describe("TOTP", () => {
  test("guesses spread over many windows lock TOTP at the limit: the right code is refused too, days later", async () => {
    const user = await signUpUser(api);
    const { secret } = await enableTotpTwoFactor(api, user);
    const answers = await guessAcrossWindows(user.email, secret, LOCK_AFTER);
    expect(answers.slice(0, LOCK_AFTER - 1).every((k) => k === "InvalidCodeError")).toBe(true);
    expect(answers[LOCK_AFTER - 1]).toBe("FactorLockedError");
    const locks = (await actions(user.token)).filter((e) => e.action === "SECOND_FACTOR_LOCKED");
    expect(locks).toEqual([{ action: "SECOND_FACTOR_LOCKED", detail: `TOTP and SMS locked after ${LOCK_AFTER} second factors in a row that did not pass` }]);

    api.clock.advance(3 * 86400);
    const right = await complete(await startSignIn(api, user.email), { totpCode: oathtool(secret, api.clock.now()) });
    expect(right.data.completeSignIn).toMatchObject({ __typename: "FactorLockedError", message: expect.stringMatching(/backup code or a security key/) });
    const wrong = await complete(await startSignIn(api, user.email), { totpCode: wrongTotp(secret) });
    expect(kind(wrong)).toBe("FactorLockedError"); // the same answer: the lock tells no right code from a wrong one
  });

  test("any success starts the count again: failures that are not consecutive never lock", async () => {
    const user = await signUpUser(api);
    const { secret } = await enableTotpTwoFactor(api, user);
    for (let round = 0; round < 3; round++) {
      const answers = await guessAcrossWindows(user.email, secret, LOCK_AFTER - 1);
      expect(answers.every((k) => k === "InvalidCodeError")).toBe(true);
      api.clock.advance(30);
      expect(kind(await complete(await startSignIn(api, user.email), { totpCode: oathtool(secret, api.clock.now()) }))).toBe("SignedIn");
    }
  });

  test("a backup code still signs in, and clears the lock (audited): TOTP works again", async () => {
    const user = await signUpUser(api);
    const { secret, backupCodes } = await enableTotpTwoFactor(api, user);
    await guessAcrossWindows(user.email, secret, LOCK_AFTER);
    const backup = await complete(await startSignIn(api, user.email), { backupCode: backupCodes[0]! });
    expect(kind(backup)).toBe("SignedIn");
    api.clock.advance(30);
    expect(kind(await complete(await startSignIn(api, user.email), { totpCode: oathtool(secret, api.clock.now()) }))).toBe("SignedIn");
    expect((await actions(user.token)).map((e) => e.action)).toContain("SECOND_FACTOR_UNLOCKED");
  });

  test("wrong codes fired in parallel around the limit: exactly LOCK_AFTER - 1 are told wrong, the rest locked, one lock event", async () => {
    const user = await signUpUser(api);
    const { secret } = await enableTotpTwoFactor(api, user);
    const challenges = await Promise.all(Array.from({ length: 4 }, () => startSignIn(api, user.email)));
    const results = await Promise.all(challenges.flatMap((id) => Array.from({ length: 5 }, () => complete(id, { totpCode: wrongTotp(secret) }))));
    const kinds = results.map(kind);
    expect(kinds.filter((k) => k === "InvalidCodeError")).toHaveLength(LOCK_AFTER - 1);
    expect(kinds.filter((k) => k === "FactorLockedError")).toHaveLength(20 - (LOCK_AFTER - 1));
    expect((await actions(user.token)).filter((e) => e.action === "SECOND_FACTOR_LOCKED")).toHaveLength(1);
    api.clock.advance(30);
    expect(kind(await complete(await startSignIn(api, user.email), { totpCode: oathtool(secret, api.clock.now()) }))).toBe("FactorLockedError");
  });
});

describe("SMS", () => {
  test("locked SMS sends no more texts, and a code sent before the lock is refused", async () => {
    const user = await signUpFrom(api);
    const phone = uniqueMobile();
    await enableSmsTwoFactor(api, sns, user, phone);
    // A code is texted, then the account is guessed into the lock with wrong SMS codes.
    const pending = await passwordStep(api, user);
    expect((await sendSignInSms(api, pending.id, { ip: user.ip })).data.sendSignInSmsCode.__typename).toBe("SmsCodeSent");
    const code = sns.lastCodeFor(e164(phone));
    let guesses = 0;
    while (guesses < LOCK_AFTER) {
      const { id } = await passwordStep(api, user);
      for (let i = 0; i < 5 && guesses < LOCK_AFTER; i++, guesses++) {
        await complete(id, { smsCode: code === "000000" ? "999999" : "000000" });
      }
    }
    expect(kind(await complete(pending.id, { smsCode: code }))).toBe("FactorLockedError");
    const again = await passwordStep(api, user);
    expect((await sendSignInSms(api, again.id, { ip: user.ip })).data.sendSignInSmsCode.__typename).toBe("FactorLockedError");
  });
});
