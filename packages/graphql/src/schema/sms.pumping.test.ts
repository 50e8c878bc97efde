// Threat: SMS pumping (toll fraud). An attacker makes us text numbers they profit from, or simply
// burns our budget: junk, premium-rate and blocked numbers must never reach SNS, and parallel
// requests from one number, one user or one IP (and everyone together) never exceed the caps.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type GqlResult, type SmsTestApi, startSmsTestApi, type TestApi } from "@access-identity/testing/api";
import { COMPLETE_SIGN_IN } from "@access-identity/testing/operations";
import { e164, enableSmsTwoFactor, passwordStep, sendSignInSms, signUpFrom, startOfFreshDay, startSmsEnrolment, uniqueIp, uniqueMobile } from "@access-identity/testing/flows";
import { type SnsEndpoint } from "@access-identity/testing/sns";

let api: TestApi;
let sns: SnsEndpoint;
let startAnother: SmsTestApi["startAnother"];
let close: () => Promise<void>;

beforeAll(async () => {
  ({ api, sns, startAnother, close } = await startSmsTestApi({ env: { SMS_ALLOWED_COUNTRIES: "GB,US,FR" } }));
  startOfFreshDay(api);
});
afterAll(() => close());

function typenames(results: GqlResult[], field: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const name = r.data?.[field]?.__typename ?? "GraphQLError";
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

describe("numbers that must never reach SNS", () => {
  test.each([
    ["12", "not international"],
    ["+999 1234", "no such country code"],
    ["+44 20 7946 0958", "fixed line only"],
    ["+44 9090 123456", "premium rate"],
    ["+44 800 123 4567", "toll free"],
    ["+61 412 345 678", "a mobile in a country not in SMS_ALLOWED_COUNTRIES"],
  ])("%s (%s) is a ValidationError on phoneNumber and no Publish", async (phoneNumber) => {
    const user = await signUpFrom(api);
    const before = sns.requests;
    const res = await startSmsEnrolment(api, user, phoneNumber);
    expect(res.data.startSmsEnrolment).toMatchObject({ __typename: "ValidationError", field: "phoneNumber" });
    expect(sns.requests).toBe(before);
    // A refused number costs nothing: a real one can be sent at once (no resend wait).
    const ok = await startSmsEnrolment(api, user, uniqueMobile());
    expect(ok.data.startSmsEnrolment.__typename).toBe("SmsEnrolment");
  });
});

describe("caps under parallel requests", () => {
  test("12 enrolments of one number from 12 accounts: exactly the per-number cap (5/hour) are texted", async () => {
    const victim = uniqueMobile();
    const users = await Promise.all(Array.from({ length: 12 }, () => signUpFrom(api)));
    const results = await Promise.all(users.map((u) => startSmsEnrolment(api, u, victim)));
    expect(typenames(results, "startSmsEnrolment")).toEqual({ SmsEnrolment: 5, RateLimitedError: 7 });
    expect(sns.messages.filter((m) => m.phoneNumber === e164(victim))).toHaveLength(5);
    for (const r of results.filter((r) => r.data.startSmsEnrolment.__typename === "RateLimitedError")) {
      expect(r.data.startSmsEnrolment.retryAfterSeconds).toBeGreaterThan(30);
    }
  });

  test("15 enrolments from one IP to 15 numbers: exactly the per-IP cap (10/hour) are texted", async () => {
    const ip = uniqueIp();
    const users = await Promise.all(Array.from({ length: 15 }, () => signUpFrom(api)));
    const before = sns.messages.length;
    const results = await Promise.all(users.map((u) => startSmsEnrolment(api, { ...u, ip }, uniqueMobile())));
    expect(typenames(results, "startSmsEnrolment")).toEqual({ SmsEnrolment: 10, RateLimitedError: 5 });
    expect(sns.messages.length - before).toBe(10);
  });

  test("15 parallel sign-in sends for one user (15 challenges, 15 IPs): exactly the per-user cap (5/hour) are texted", async () => {
    const user = await signUpFrom(api);
    const phone = uniqueMobile();
    await enableSmsTwoFactor(api, sns, user, phone);
    api.clock.advance(3600); // the enrolment text used one unit of this hour; start a fresh one
    // Password steps one at a time: in parallel they would trip the sign-in limits, not ours.
    const challenges = [];
    for (let i = 0; i < 15; i++) challenges.push(await passwordStep(api, { ...user, ip: uniqueIp() }));
    const before = sns.messages.length;
    const results = await Promise.all(challenges.map((c) => sendSignInSms(api, c.id, { ip: uniqueIp() })));
    expect(typenames(results, "sendSignInSmsCode")).toEqual({ SmsCodeSent: 5, RateLimitedError: 10 });
    expect(sns.messages.length - before).toBe(5);
    expect(sns.messages.slice(before).every((m) => m.phoneNumber === e164(phone))).toBe(true);
  });

  test("the daily caps hold once the hourly ones reset", async () => {
    const user = await signUpFrom(api);
    await enableSmsTwoFactor(api, sns, user, uniqueMobile()); // 1 of the user's 10 a day
    const sendOnNewChallenge = async () => sendSignInSms(api, (await passwordStep(api, user)).id, { ip: uniqueIp() });
    for (const hour of [1, 2]) {
      api.clock.advance(3600);
      const allowed = hour === 1 ? 5 : 4;
      for (let i = 0; i < allowed; i++) expect((await sendOnNewChallenge()).data.sendSignInSmsCode.__typename).toBe("SmsCodeSent");
      const refused = (await sendOnNewChallenge()).data.sendSignInSmsCode;
      expect(refused.__typename).toBe("RateLimitedError");
      if (hour === 2) expect(refused.retryAfterSeconds).toBeGreaterThan(3600); // the day's cap, not the hour's
    }
  });

  test("the global daily budget (SMS_DAILY_LIMIT) holds across users, numbers and IPs", async () => {
    const budgeted = await startAnother({ env: { SMS_DAILY_LIMIT: "3" } });
    try {
      startOfFreshDay(budgeted);
      const users = await Promise.all(Array.from({ length: 10 }, () => signUpFrom(budgeted)));
      const before = sns.messages.length;
      const results = await Promise.all(users.map((u) => startSmsEnrolment(budgeted, u, uniqueMobile())));
      expect(typenames(results, "startSmsEnrolment")).toEqual({ SmsEnrolment: 3, RateLimitedError: 7 });
      expect(sns.messages.length - before).toBe(3);
    } finally {
      await budgeted.close();
    }
  });
});

describe("no resend within 30 seconds", () => {
  test("parallel sends for one sign-in text once; the rest are told exactly how long to wait", async () => {
    const user = await signUpFrom(api);
    const phone = uniqueMobile();
    await enableSmsTwoFactor(api, sns, user, phone);
    const { id } = await passwordStep(api, user);
    const before = sns.messages.length;
    const results = await Promise.all(Array.from({ length: 8 }, () => sendSignInSms(api, id, { ip: user.ip })));
    expect(typenames(results, "sendSignInSmsCode")).toEqual({ SmsCodeSent: 1, RateLimitedError: 7 });
    expect(sns.messages.length - before).toBe(1);
    for (const r of results.filter((r) => r.data.sendSignInSmsCode.__typename === "RateLimitedError")) {
      expect(r.data.sendSignInSmsCode.retryAfterSeconds).toBeGreaterThanOrEqual(29);
      expect(r.data.sendSignInSmsCode.retryAfterSeconds).toBeLessThanOrEqual(30);
    }
    const firstCode = sns.lastCodeFor(e164(phone));

    api.clock.advance(29);
    const early = await sendSignInSms(api, id, { ip: user.ip });
    expect(early.data.sendSignInSmsCode).toMatchObject({ __typename: "RateLimitedError", retryAfterSeconds: 1 });
    api.clock.advance(1);
    const resend = await sendSignInSms(api, id, { ip: user.ip });
    expect(resend.data.sendSignInSmsCode.__typename).toBe("SmsCodeSent");

    // A resend replaces the earlier code.
    const secondCode = sns.lastCodeFor(e164(phone));
    if (secondCode !== firstCode) {
      const old = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: id, smsCode: firstCode } });
      expect(old.data.completeSignIn.__typename).toBe("InvalidCodeError");
    }
    const done = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: id, smsCode: secondCode } });
    expect(done.data.completeSignIn.__typename).toBe("SignedIn");
  });

  test("parallel enrolment starts by one user text once", async () => {
    const user = await signUpFrom(api);
    const before = sns.messages.length;
    const results = await Promise.all(Array.from({ length: 6 }, () => startSmsEnrolment(api, user, uniqueMobile())));
    expect(typenames(results, "startSmsEnrolment")).toEqual({ SmsEnrolment: 1, RateLimitedError: 5 });
    expect(sns.messages.length - before).toBe(1);
    for (const r of results.filter((r) => r.data.startSmsEnrolment.__typename === "RateLimitedError")) {
      expect(r.data.startSmsEnrolment.retryAfterSeconds).toBeGreaterThanOrEqual(29);
      expect(r.data.startSmsEnrolment.retryAfterSeconds).toBeLessThanOrEqual(30);
    }
    api.clock.advance(30);
    expect((await startSmsEnrolment(api, user, uniqueMobile())).data.startSmsEnrolment.__typename).toBe("SmsEnrolment");
  });
});
