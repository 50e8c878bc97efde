// Threat: step-up that only works with an authenticator app leaves SMS users signing in again
// (a new session) to do anything sensitive. A step-up challenge is a sign-in challenge: the texted
// code (sendSignInSmsCode on it) raises the same session, through the real SNS client.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startSmsTestApi, type TestApi } from "@access-identity/testing/api";
import { enableSmsTwoFactor, sendSignInSms, signUpFrom, startOfFreshDay, uniqueMobile } from "@access-identity/testing/flows";
import { type SnsEndpoint } from "@access-identity/testing/sns";
import { COMPLETE_STEP_UP, START_STEP_UP } from "./sessions.fixtures.js";

let api: TestApi;
let sns: SnsEndpoint;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ api, sns, close } = await startSmsTestApi());
  startOfFreshDay(api);
});
afterAll(() => close());

test("a texted code steps the current session up in place", async () => {
  const user = await signUpFrom(api);
  await enableSmsTwoFactor(api, sns, user, uniqueMobile());
  const start = await api.gql(START_STEP_UP, {}, { token: user.token, ip: user.ip });
  expect(start.data.startStepUp.challenge.methods).toEqual(["SMS"]);
  const challengeId = start.data.startStepUp.challenge.id;
  const sent = await sendSignInSms(api, challengeId, { ip: user.ip });
  expect(sent.data.sendSignInSmsCode.__typename).toBe("SmsCodeSent");
  const code = sns.messages.at(-1)!.message.match(/code is (\d{6})/)![1];
  const res = await api.gql(COMPLETE_STEP_UP, { input: { challengeId, smsCode: code } }, { token: user.token, ip: user.ip });
  expect(res.data.completeStepUp).toMatchObject({ __typename: "SteppedUp", session: { token: user.token, aal: "AAL2" } });
});
