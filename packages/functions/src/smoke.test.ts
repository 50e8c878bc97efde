import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer, type TestServer } from "@access-identity/testing/server";
import { COMPLETE_SIGN_IN } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
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
