// Threat: a completed challenge is replayed to mint a second session, or completed with proofs
// that belong to another account.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { COMPLETE_SIGN_IN } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

test("a challenge completes once; the same challenge with a fresh valid code is refused", async () => {
  const user = await signUpUser(api);
  const { secret, backupCodes } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  const first = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(secret, api.clock.now()) } });
  expect(first.data.completeSignIn.__typename).toBe("SignedIn");
  api.clock.advance(30);
  const again = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(secret, api.clock.now()) } });
  expect(again.data.completeSignIn.__typename).toBe("ExpiredError");
  const withBackup = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, backupCode: backupCodes[0] } });
  expect(withBackup.data.completeSignIn.__typename).toBe("ExpiredError");
});

test("another user's TOTP code and backup code do not complete my challenge", async () => {
  const me = await signUpUser(api);
  const other = await signUpUser(api);
  await enableTotpTwoFactor(api, me);
  const theirs = await enableTotpTwoFactor(api, other);
  const challengeId = await startSignIn(api, me.email);
  const totp = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(theirs.secret, api.clock.now()) } });
  expect(totp.data.completeSignIn.__typename).toBe("InvalidCodeError");
  const backup = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, backupCode: theirs.backupCodes[0] } });
  expect(backup.data.completeSignIn.__typename).toBe("InvalidCodeError");
});

test("a challenge is not a session: its id cannot be used as a bearer token", async () => {
  const user = await signUpUser(api);
  await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  const me = await api.gql(`{ me { email } }`, {}, { token: `${challengeId}.${"A".repeat(43)}` });
  expect(me.data.me).toBeNull();
});

test("exactly one proof: none or two is a ValidationError, and costs no attempt", async () => {
  const user = await signUpUser(api);
  const { secret, backupCodes } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  const none = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId } });
  expect(none.data.completeSignIn.__typename).toBe("ValidationError");
  const two = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: "123456", backupCode: backupCodes[0] } });
  expect(two.data.completeSignIn.__typename).toBe("ValidationError");
  const ok = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(secret, api.clock.now()) } });
  expect(ok.data.completeSignIn.__typename).toBe("SignedIn");
});

test("an unknown or malformed challenge id is ExpiredError", async () => {
  for (const challengeId of ["chl_00000000000000000000000000", "nonsense", ""]) {
    const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: "123456" } });
    expect(res.data.completeSignIn.__typename).toBe("ExpiredError");
  }
});
