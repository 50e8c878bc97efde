// Threat: guessing or replaying SMS codes. Six digits are a million guesses: only 5 wrong tries
// per code, a 5-minute life, and a single use (even for requests racing with the right code).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startSmsTestApi, type TestApi } from "@access-identity/testing/api";
import { COMPLETE_SIGN_IN, CONFIRM_SMS } from "@access-identity/testing/operations";
import { e164, enableSmsTwoFactor, passwordStep, sendSignInSms, signUpFrom, type SmsUser, startSmsEnrolment, uniqueMobile } from "@access-identity/testing/flows";
import { type SnsEndpoint } from "@access-identity/testing/sns";

let api: TestApi;
let sns: SnsEndpoint;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ api, sns, close } = await startSmsTestApi());
});
afterAll(() => close());

/** A six-digit code that is certainly not `code`. */
function wrong(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

async function startEnrolment(user: SmsUser) {
  const phone = uniqueMobile();
  const res = await startSmsEnrolment(api, user, phone);
  return { factorId: res.data.startSmsEnrolment.factorId as string, code: sns.lastCodeFor(e164(phone)) };
}

function confirm(user: SmsUser, factorId: string, code: string) {
  return api.gql(CONFIRM_SMS, { input: { factorId, code } }, { token: user.token, ip: user.ip });
}

async function signInWithSmsSent() {
  const user = await signUpFrom(api);
  const phone = uniqueMobile();
  await enableSmsTwoFactor(api, sns, user, phone);
  const { id } = await passwordStep(api, user);
  await sendSignInSms(api, id, { ip: user.ip });
  return { user, challengeId: id, code: sns.lastCodeFor(e164(phone)) };
}

describe("enrolment codes", () => {
  test("wrong codes count down attemptsRemaining; the sixth try is refused even with the right code", async () => {
    const user = await signUpFrom(api);
    const { factorId, code } = await startEnrolment(user);
    for (const remaining of [4, 3, 2, 1, 0]) {
      const res = await confirm(user, factorId, wrong(code));
      expect(res.data.confirmSmsEnrolment).toMatchObject({ __typename: "InvalidCodeError", attemptsRemaining: remaining });
    }
    expect((await confirm(user, factorId, code)).data.confirmSmsEnrolment.__typename).toBe("ExpiredError");
  });

  test("a code older than 5 minutes is refused", async () => {
    const user = await signUpFrom(api);
    const { factorId, code } = await startEnrolment(user);
    api.clock.advance(5 * 60);
    expect((await confirm(user, factorId, code)).data.confirmSmsEnrolment.__typename).toBe("ExpiredError");
  });

  test("a code confirms once, even for parallel requests", async () => {
    const user = await signUpFrom(api);
    const { factorId, code } = await startEnrolment(user);
    const results = await Promise.all(Array.from({ length: 6 }, () => confirm(user, factorId, code)));
    expect(results.filter((r) => r.data.confirmSmsEnrolment.__typename === "FactorConfirmed")).toHaveLength(1);
    expect((await confirm(user, factorId, code)).data.confirmSmsEnrolment.__typename).toBe("ExpiredError");
    const me = await api.gql(`{ me { twoFactor { factors { id } } } }`, {}, { token: user.token });
    expect(me.data.me.twoFactor.factors).toEqual([{ id: factorId }]);
  });

  test("another account cannot confirm someone's enrolment with its code", async () => {
    const [owner, other] = [await signUpFrom(api), await signUpFrom(api)];
    const { factorId, code } = await startEnrolment(owner);
    expect((await confirm(other, factorId, code)).data.confirmSmsEnrolment.__typename).toBe("ExpiredError");
    expect((await confirm(owner, factorId, code)).data.confirmSmsEnrolment.__typename).toBe("FactorConfirmed");
  });
});

describe("sign-in codes", () => {
  test("wrong codes count down attemptsRemaining; the sixth try is refused even with the right code", async () => {
    const { challengeId, code } = await signInWithSmsSent();
    for (const remaining of [4, 3, 2, 1, 0]) {
      const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, smsCode: wrong(code) } });
      expect(res.data.completeSignIn).toMatchObject({ __typename: "InvalidCodeError", attemptsRemaining: remaining });
    }
    const sixth = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, smsCode: code } });
    expect(sixth.data.completeSignIn.__typename).toBe("ExpiredError");
  });

  test("a code older than 5 minutes is refused", async () => {
    const { challengeId, code } = await signInWithSmsSent();
    api.clock.advance(5 * 60);
    const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, smsCode: code } });
    expect(res.data.completeSignIn.__typename).toBe("ExpiredError");
  });

  test("a code signs in exactly once, even for parallel requests", async () => {
    // More copies than the challenge allows wrong codes: the losers had the right code, so they
    // must not use up the challenge under the request that won.
    const { challengeId, code } = await signInWithSmsSent();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => api.gql(COMPLETE_SIGN_IN, { input: { challengeId, smsCode: code } })),
    );
    const outcomes = results.map((r) => r.data.completeSignIn);
    expect(outcomes.filter((o) => o.__typename === "SignedIn")).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => o.__typename !== "SignedIn")) {
      if (outcome.__typename === "InvalidCodeError") expect(outcome.message).toBe("That code was already used. Ask for a new one.");
      else expect(outcome.__typename).toBe("ExpiredError");
    }
    const replay = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, smsCode: code } });
    expect(replay.data.completeSignIn.__typename).toBe("ExpiredError");
  });

  test("an smsCode before any code was sent is just a wrong code", async () => {
    const user = await signUpFrom(api);
    await enableSmsTwoFactor(api, sns, user, uniqueMobile());
    const { id } = await passwordStep(api, user);
    const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: id, smsCode: "123456" } });
    expect(res.data.completeSignIn).toMatchObject({ __typename: "InvalidCodeError", attemptsRemaining: 4 });
  });
});
