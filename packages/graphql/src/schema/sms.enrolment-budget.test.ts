// Threat: strangers type your phone number into their own SMS enrolment until the number's daily
// budget is spent, and your SMS sign-in is blocked for the day. Texts sent to a number while
// enrolling it never use the budget of sign-in texts to numbers that are confirmed factors.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startSmsTestApi, type TestApi } from "@access-identity/testing/api";
import { e164, enableSmsTwoFactor, passwordStep, sendSignInSms, signUpFrom, startOfFreshDay, startSmsEnrolment, uniqueMobile } from "@access-identity/testing/flows";
import { COMPLETE_SIGN_IN } from "@access-identity/testing/operations";
import { type SnsEndpoint } from "@access-identity/testing/sns";

let api: TestApi;
let sns: SnsEndpoint;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ api, sns, close } = await startSmsTestApi());
  startOfFreshDay(api);
});
afterAll(() => close());

test("a stranger exhausting enrolment texts to your number leaves your SMS sign-in working", async () => {
  const victim = await signUpFrom(api);
  const phone = uniqueMobile();
  await enableSmsTwoFactor(api, sns, victim, phone); // 1 enrolment text to the number

  // Strangers (each their own account and address) start enrolments of the victim's number until
  // its enrolment budget (5 an hour, 10 a day) refuses them, hour after hour.
  let refused = 0;
  for (let hour = 0; hour < 3; hour++) {
    for (let i = 0; i < 6; i++) {
      const stranger = await signUpFrom(api);
      const res = await startSmsEnrolment(api, stranger, phone);
      if (res.data.startSmsEnrolment.__typename === "RateLimitedError") refused++;
    }
    api.clock.advance(3600);
  }
  expect(refused).toBeGreaterThan(0); // the number's enrolment budget is spent for the day

  // The victim still gets sign-in codes to that number, and signs in with one.
  const challenge = await passwordStep(api, victim);
  const sent = await sendSignInSms(api, challenge.id, { ip: victim.ip });
  expect(sent.data.sendSignInSmsCode.__typename).toBe("SmsCodeSent");
  const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: challenge.id, smsCode: sns.lastCodeFor(e164(phone)) } });
  expect(res.data.completeSignIn.__typename).toBe("SignedIn");
});
