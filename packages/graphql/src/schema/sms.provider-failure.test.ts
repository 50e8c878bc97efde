// Threat: a provider failure that leaves a code valid nobody received (a code that might yet
// arrive late, or be read off a log), or that locks a user out by eating their SMS allowance.
// SNS refusing (400) or failing (5xx, after the SDK's retries) gives SmsDeliveryFailedError,
// voids the code, costs no allowance, and a retry works at once.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { startSmsTestApi, type TestApi } from "@access-identity/testing/api";
import { keys } from "@access-identity/core/db/keys";
import { queryItems } from "@access-identity/testing/store";
import { COMPLETE_SIGN_IN, CONFIRM_SMS } from "@access-identity/testing/operations";
import { e164, enableSmsTwoFactor, passwordStep, sendSignInSms, signUpFrom, type SmsUser, startOfFreshDay, startSmsEnrolment, uniqueMobile } from "@access-identity/testing/flows";
import { codeIn, type SnsEndpoint } from "@access-identity/testing/sns";

let api: TestApi;
let sns: SnsEndpoint;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ api, sns, close } = await startSmsTestApi());
  startOfFreshDay(api);
});
afterEach(() => {
  sns.behaviour = "ok";
});
afterAll(() => close());

/** The user's pending enrolments, read from the table: none may hold a code nobody received. */
async function pendingEnrolments(user: SmsUser): Promise<number> {
  const me = await api.gql(`{ me { id } }`, {}, { token: user.token });
  return (await queryItems(api.deps, keys.pendingFactor(me.data.me.id, ""))).length;
}

describe("enrolment", () => {
  test("SNS refuses (400 InvalidParameter): a typed error at once, no pending code, and a retry works", async () => {
    const user = await signUpFrom(api);
    const phone = uniqueMobile();
    sns.behaviour = "invalidParameter";
    const before = sns.requests;
    const failed = await startSmsEnrolment(api, user, phone);
    expect(failed.data.startSmsEnrolment).toMatchObject({ __typename: "SmsDeliveryFailedError" });
    expect(sns.requests - before).toBe(1); // a refusal is not retried
    expect(await pendingEnrolments(user)).toBe(0);

    sns.behaviour = "ok";
    const retry = await startSmsEnrolment(api, user, phone); // no 30-second wait after a failure
    expect(retry.data.startSmsEnrolment.__typename).toBe("SmsEnrolment");
    const refusedCode = codeIn(sns.received.filter((m) => !m.accepted).at(-1)!);
    const code = sns.lastCodeFor(e164(phone));
    const factorId = retry.data.startSmsEnrolment.factorId;
    if (refusedCode !== code) {
      const stale = await api.gql(CONFIRM_SMS, { input: { factorId, code: refusedCode } }, { token: user.token });
      expect(stale.data.confirmSmsEnrolment.__typename).toBe("InvalidCodeError");
    }
    const ok = await api.gql(CONFIRM_SMS, { input: { factorId, code } }, { token: user.token });
    expect(ok.data.confirmSmsEnrolment.__typename).toBe("FactorConfirmed");
  });

  test("SNS fails (500): the SDK retries, then a typed error; failures never use up the allowance", async () => {
    const user = await signUpFrom(api);
    const phone = uniqueMobile();
    sns.behaviour = "serverError";
    const before = sns.requests;
    const failed = await startSmsEnrolment(api, user, phone);
    expect(failed.data.startSmsEnrolment.__typename).toBe("SmsDeliveryFailedError");
    expect(sns.requests - before).toBe(3);
    expect(await pendingEnrolments(user)).toBe(0);

    // More failures than the hourly cap (5) allows sends...
    sns.behaviour = "invalidParameter";
    for (let i = 0; i < 6; i++) {
      expect((await startSmsEnrolment(api, user, phone)).data.startSmsEnrolment.__typename).toBe("SmsDeliveryFailedError");
    }
    // ...and the whole allowance is still there.
    sns.behaviour = "ok";
    for (let i = 0; i < 5; i++) {
      expect((await startSmsEnrolment(api, user, phone)).data.startSmsEnrolment.__typename).toBe("SmsEnrolment");
      api.clock.advance(30);
    }
    expect((await startSmsEnrolment(api, user, phone)).data.startSmsEnrolment.__typename).toBe("RateLimitedError");
  });
});

describe("sign-in", () => {
  test("SNS refuses: a typed error, the refused code does not sign in, and a retry works at once", async () => {
    const user = await signUpFrom(api);
    const phone = uniqueMobile();
    await enableSmsTwoFactor(api, sns, user, phone);
    const { id } = await passwordStep(api, user);

    sns.behaviour = "invalidParameter";
    const failed = await sendSignInSms(api, id, { ip: user.ip });
    expect(failed.data.sendSignInSmsCode.__typename).toBe("SmsDeliveryFailedError");
    const refusedCode = codeIn(sns.received.at(-1)!);
    const stale = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: id, smsCode: refusedCode } });
    expect(stale.data.completeSignIn).toMatchObject({ __typename: "InvalidCodeError", attemptsRemaining: 4 });

    sns.behaviour = "ok";
    const retry = await sendSignInSms(api, id, { ip: user.ip });
    expect(retry.data.sendSignInSmsCode.__typename).toBe("SmsCodeSent");
    const done = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: id, smsCode: sns.lastCodeFor(e164(phone)) } });
    expect(done.data.completeSignIn.__typename).toBe("SignedIn");
  });

  test("a failed resend voids the code sent before it: no code is left that the user was not just told about", async () => {
    const user = await signUpFrom(api);
    const phone = uniqueMobile();
    await enableSmsTwoFactor(api, sns, user, phone);
    const { id } = await passwordStep(api, user);
    await sendSignInSms(api, id, { ip: user.ip });
    const first = sns.lastCodeFor(e164(phone));
    api.clock.advance(30);
    sns.behaviour = "serverError";
    expect((await sendSignInSms(api, id, { ip: user.ip })).data.sendSignInSmsCode.__typename).toBe("SmsDeliveryFailedError");
    const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: id, smsCode: first } });
    expect(res.data.completeSignIn.__typename).toBe("InvalidCodeError");
  });
});
