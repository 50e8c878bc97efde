import { afterAll, beforeAll, expect, test } from "vitest";
import { COMPLETE_SIGN_IN, enableTotpTwoFactor, oathtool, signUpUser, startSignIn, startTestApi, type TestApi } from "./testing/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

test("sign up, enable TOTP, sign in with oathtool's code", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(secret, api.clock.now()) } });
  expect(res.data.completeSignIn.__typename).toBe("SignedIn");
  expect(res.data.completeSignIn.session.aal).toBe("AAL2");
});
