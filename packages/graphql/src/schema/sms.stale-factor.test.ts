// Threat: a code texted for a sign-in outlives the factor it was sent for. Someone who knows the
// password has a code sent to the old number (a recycled or ported SIM); the owner removes that
// number, or a domain owner resets the account; the code must then sign nobody in.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startSmsTestApi, type TestApi } from "@access-identity/testing/api";
import { COMPLETE_SIGN_IN, CONFIRM_TOTP, ENROL_TOTP, REMOVE_FACTOR, RENAME_FACTOR } from "@access-identity/testing/operations";
import { e164, enrolSms, finishEnabling, passwordStep, sendSignInSms, signUpFrom, uniqueMobile } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";
import { type SnsEndpoint } from "@access-identity/testing/sns";


let api: TestApi;
let sns: SnsEndpoint;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ api, sns, close } = await startSmsTestApi());
});
afterAll(() => close());

test("a code sent before its SMS factor was removed no longer signs in", async () => {
  const user = await signUpFrom(api);
  const phone = uniqueMobile();
  const sms = await enrolSms(api, sns, user, phone);
  const { factorId: totpId, secret } = (await api.gql(ENROL_TOTP, {}, { token: user.token })).data.startTotpEnrolment;
  await api.gql(CONFIRM_TOTP, { input: { factorId: totpId, code: oathtool(secret, api.clock.now()) } }, { token: user.token });
  await finishEnabling(api, user);

  // The code goes out to the old number...
  const attacker = await passwordStep(api, user);
  await sendSignInSms(api, attacker.id, { ip: user.ip });
  const code = sns.lastCodeFor(e164(phone));

  // ...the owner signs in with the authenticator app and removes that number...
  api.clock.advance(30);
  const own = await passwordStep(api, user);
  const aal2 = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: own.id, totpCode: oathtool(secret, api.clock.now()) } });
  const token = aal2.data.completeSignIn.session.token;
  expect((await api.gql(REMOVE_FACTOR, { input: { factorId: sms.id } }, { token })).data.removeFactor.__typename).toBe("FactorRemoved");

  // ...and the code that was sent is worthless.
  const late = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: attacker.id, smsCode: code } });
  expect(late.data.completeSignIn.__typename).not.toBe("SignedIn");
});

test("an SMS factor is named by its masked number: renaming it is refused", async () => {
  const user = await signUpFrom(api);
  const sms = await enrolSms(api, sns, user, uniqueMobile());
  const res = await api.gql(RENAME_FACTOR, { input: { factorId: sms.id, label: "My phone" } }, { token: user.token });
  expect(res.data.renameFactor).toEqual({ __typename: "ValidationError", field: "label" });
});
