// SMS as a second factor, end to end: the real SNS client publishes to a loopback endpoint that
// speaks SNS's query protocol; the tests read the code from the captured message, as a user
// would read it on their phone, and enrol and sign in with it.
import { Writable } from "node:stream";
import { createLogger } from "@access-identity/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startSmsTestApi, startTestApi, type TestApi } from "@access-identity/testing/api";
import { COMPLETE_SIGN_IN, CONFIRM_SMS } from "@access-identity/testing/operations";
import { e164, enableSmsTwoFactor, enrolSms, finishEnabling, passwordStep, sendSignInSms, signUpFrom, startSmsEnrolment, uniqueMobile } from "@access-identity/testing/flows";
import { type SnsEndpoint } from "@access-identity/testing/sns";

let api: TestApi;
let sns: SnsEndpoint;
let close: () => Promise<void>;
let startAnother: Awaited<ReturnType<typeof startSmsTestApi>>["startAnother"];

beforeAll(async () => {
  ({ api, sns, close, startAnother } = await startSmsTestApi());
});
afterAll(() => close());

const MESSAGE = /^Your Access Identity code is (\d{6})\. It expires in 5 minutes\.\n@localhost #(\d{6})$/;

describe("SMS through SNS", () => {
  test("enrol a phone, enable 2FA, sign in with the texted code", async () => {
    const user = await signUpFrom(api);
    const phone = "+44 7400 123456";

    const start = await startSmsEnrolment(api, user, phone);
    expect(start.data.startSmsEnrolment).toMatchObject({ __typename: "SmsEnrolment", maskedPhoneNumber: "+44 ••• ••• 3456" });
    const expiresIn = Date.parse(start.data.startSmsEnrolment.expiresAt) - api.clock.now().getTime();
    expect(expiresIn).toBeGreaterThan(290_000);
    expect(expiresIn).toBeLessThanOrEqual(300_000);

    const sent = sns.messages.at(-1)!;
    expect(sent.phoneNumber).toBe("+447400123456");
    expect(sent.attributes["AWS.SNS.SMS.SMSType"]).toBe("Transactional");
    const [, code, autofill] = sent.message.match(MESSAGE)!;
    expect(autofill).toBe(code);

    const confirm = await api.gql(
      CONFIRM_SMS,
      { input: { factorId: start.data.startSmsEnrolment.factorId, code: ` ${code!.slice(0, 3)} ${code!.slice(3)} ` } },
      { token: user.token, ip: user.ip },
    );
    expect(confirm.data.confirmSmsEnrolment).toMatchObject({
      __typename: "FactorConfirmed",
      factor: { kind: "SMS", label: "+44 ••• ••• 3456", lastUsedAt: null },
    });
    const factorId = confirm.data.confirmSmsEnrolment.factor.id;

    // Enabling needs backup codes too; the helper does the rest of "Get started".
    const me = await api.gql(`{ me { twoFactor { factors { id kind label } } } }`, {}, { token: user.token });
    expect(me.data.me.twoFactor.factors).toEqual([{ id: factorId, kind: "SMS", label: "+44 ••• ••• 3456" }]);
    const backup = await api.gql(`mutation { generateBackupCodes { __typename } }`, {}, { token: user.token });
    expect(backup.data.generateBackupCodes.__typename).toBe("BackupCodes");
    const enable = await api.gql(
      `mutation { enableTwoFactor(input: { backupCodesAcknowledged: true }) { __typename } }`,
      {},
      { token: user.token },
    );
    expect(enable.data.enableTwoFactor.__typename).toBe("TwoFactorEnabled");

    const challenge = await passwordStep(api, user);
    expect(challenge.methods).toEqual(["SMS"]);
    expect(challenge.smsFactors).toEqual([{ factorId, maskedPhoneNumber: "+44 ••• ••• 3456" }]);

    const send = await sendSignInSms(api, challenge.id, { ip: user.ip });
    expect(send.data.sendSignInSmsCode.__typename).toBe("SmsCodeSent");
    const { expiresAt, resendAfter } = send.data.sendSignInSmsCode;
    expect(Date.parse(resendAfter) - api.clock.now().getTime()).toBeGreaterThan(29_000);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.parse(resendAfter));
    const signInMessage = sns.messages.at(-1)!;
    expect(signInMessage.phoneNumber).toBe("+447400123456");
    expect(signInMessage.message).toMatch(MESSAGE);

    const done = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: challenge.id, smsCode: sns.lastCodeFor("+447400123456") } });
    expect(done.data.completeSignIn).toMatchObject({ __typename: "SignedIn", session: { aal: "AAL2" } });

    const after = await api.gql(`{ me { twoFactor { factors { lastUsedAt } } } }`, {}, { token: done.data.completeSignIn.session.token });
    expect(after.data.me.twoFactor.factors[0].lastUsedAt).not.toBeNull();
    // The number is never shown back whole.
    expect(JSON.stringify([start, confirm, me, challenge, send, done, after])).not.toContain("7400123456");
  });

  test("sendSignInSmsCode picks the factor asked for, else the first SMS factor", async () => {
    const user = await signUpFrom(api);
    const [first, second] = [uniqueMobile(), uniqueMobile()];
    // Both phones are enrolled before 2FA is on (adding one afterwards needs step-up).
    await enrolSms(api, sns, user, first);
    api.clock.advance(30); // enrolment texts are 30 s apart per user
    const secondFactor = await enrolSms(api, sns, user, second);
    await finishEnabling(api, user);

    const challenge = await passwordStep(api, user);
    expect(challenge.smsFactors).toHaveLength(2);
    await sendSignInSms(api, challenge.id, { ip: user.ip });
    expect(sns.messages.at(-1)!.phoneNumber).toBe(e164(first));

    const other = await passwordStep(api, user);
    await sendSignInSms(api, other.id, { factorId: secondFactor.id, ip: user.ip });
    expect(sns.messages.at(-1)!.phoneNumber).toBe(e164(second));
    const done = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: other.id, smsCode: sns.lastCodeFor(e164(second)) } });
    expect(done.data.completeSignIn.__typename).toBe("SignedIn");

    const unknown = await sendSignInSms(api, (await passwordStep(api, user)).id, { factorId: "fac_00000000000000000000000000" });
    expect(unknown.data.sendSignInSmsCode).toMatchObject({ __typename: "ValidationError", field: "factorId" });
  });

  test("an SMS code answers only the challenge it was sent for", async () => {
    const user = await signUpFrom(api);
    const phone = uniqueMobile();
    await enableSmsTwoFactor(api, sns, user, phone);
    const [a, b] = [await passwordStep(api, user), await passwordStep(api, user)];
    await sendSignInSms(api, a.id, { ip: user.ip });
    const codeForA = sns.lastCodeFor(e164(phone));
    const wrong = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: b.id, smsCode: codeForA } });
    expect(wrong.data.completeSignIn.__typename).toBe("InvalidCodeError");
    const right = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: a.id, smsCode: codeForA } });
    expect(right.data.completeSignIn.__typename).toBe("SignedIn");
  });

  test("sendSignInSmsCode needs a live challenge, not a session", async () => {
    const res = await sendSignInSms(api, "chl_00000000000000000000000000");
    expect(res.data.sendSignInSmsCode.__typename).toBe("ExpiredError");
    const unauthenticated = await api.gql(`mutation { startSmsEnrolment(input: { phoneNumber: "+44 7400 123456" }) { __typename } }`);
    expect(unauthenticated.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("SMS_PROVIDER=console (local development)", () => {
  test("the message is printed to the server log, and its code works", async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const local = await startTestApi({ env: { SMS_PROVIDER: "console" }, core: { log: createLogger({ level: "info", destination }) } });
    try {
      const published = sns.requests;
      const user = await signUpFrom(local);
      const start = await startSmsEnrolment(local, user, "+1 201 555 0123");
      expect(start.data.startSmsEnrolment.maskedPhoneNumber).toBe("+1 ••• ••• 0123");
      const logged = lines.map((l) => JSON.parse(l) as { event?: string; msg: string }).find((l) => l.event === "sms.console");
      expect(logged?.msg).toMatch(/^SMS to \+12015550123: Your Access Identity code is \d{6}\. It expires in 5 minutes\.\n@localhost #\d{6}$/);
      const code = logged!.msg.match(/code is (\d{6})/)![1];
      const confirm = await local.gql(
        CONFIRM_SMS,
        { input: { factorId: start.data.startSmsEnrolment.factorId, code } },
        { token: user.token, ip: user.ip },
      );
      expect(confirm.data.confirmSmsEnrolment.__typename).toBe("FactorConfirmed");
      expect(sns.requests).toBe(published);
    } finally {
      await local.close();
    }
  });
});

// Threat: SMS pumping through premium routes. With SMS_MAX_PRICE_USD set, every text asks SNS to
// refuse a route dearer than that (the stack sets it in AWS).
test("each text carries the configured price cap to SNS", async () => {
  const capped = await startAnother({ env: { SMS_MAX_PRICE_USD: "0.50" } });
  try {
    const user = await signUpFrom(capped);
    await startSmsEnrolment(capped, user, uniqueMobile());
    expect(sns.messages.at(-1)!.attributes["AWS.SNS.SMS.MaxPrice"]).toBe("0.50");
  } finally {
    await capped.close();
  }
  // Unset, no cap is sent (SNS's account-level spend limit still applies).
  const user = await signUpFrom(api);
  await startSmsEnrolment(api, user, uniqueMobile());
  expect(sns.messages.at(-1)!.attributes).not.toHaveProperty(["AWS.SNS.SMS.MaxPrice"]);
});
