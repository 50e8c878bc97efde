// Threat: a stolen session takes the account over by changing its password, or an attacker
// guesses the current password through changePassword instead of signIn. Changing the password
// needs the current one (limited like sign-in attempts), a step-up when 2FA is on, and passes the
// sign-up rules; it ends every other session.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { enableTotpTwoFactor, signUpUser } from "@access-identity/testing/flows";
import { PASSWORD } from "@access-identity/testing/identities";
import { SIGN_IN } from "@access-identity/testing/operations";
import { CHANGE_PASSWORD, isSignedIn, signInWithTotp } from "./sessions.fixtures.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { RATE_LIMIT_SIGN_IN_ATTEMPTS_PER_ACCOUNT: "5/900" } });
});
afterAll(() => api.close());

const NEW = "a long and new passphrase";
const change = (token: string, currentPassword: string, newPassword = NEW) =>
  api.gql(CHANGE_PASSWORD, { input: { currentPassword, newPassword } }, { token });

test("the new password signs in, the old one no longer does, and the session that changed it stays", async () => {
  const user = await signUpUser(api);
  const res = await change(user.token, PASSWORD);
  expect(res.data.changePassword).toEqual({ __typename: "PasswordChanged", user: { email: user.email } });
  expect(await isSignedIn(api, user.token)).toBe(true);
  expect((await api.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } })).data.signIn.__typename).toBe("InvalidCredentialsError");
  expect((await api.gql(SIGN_IN, { input: { email: user.email, password: NEW } })).data.signIn.__typename).toBe("SignedIn");
});

test("a wrong current password is refused, and guesses are limited like sign-in attempts", async () => {
  const user = await signUpUser(api);
  for (let i = 0; i < 5; i++) expect((await change(user.token, `guess ${i}`)).data.changePassword.__typename).toBe("InvalidCredentialsError");
  const limited = await change(user.token, PASSWORD);
  expect(limited.data.changePassword.__typename).toBe("RateLimitedError");
  expect(limited.data.changePassword.retryAfterSeconds).toBeGreaterThan(0);
});

test("the sign-up rules apply to the new password, on the newPassword field", async () => {
  const user = await signUpUser(api);
  expect((await change(user.token, PASSWORD, "short")).data.changePassword).toMatchObject({ __typename: "ValidationError", field: "newPassword" });
  expect((await change(user.token, PASSWORD, "password1")).data.changePassword).toMatchObject({ __typename: "ValidationError", field: "newPassword" });
});

test("with 2FA on, a password-only or stale session must step up first", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  expect((await change(user.token, PASSWORD)).data.changePassword.__typename).toBe("StepUpRequiredError");
  const fresh = await signInWithTotp(api, user.email, secret);
  api.clock.advance(10 * 60 + 1);
  expect((await change(fresh.token, PASSWORD)).data.changePassword.__typename).toBe("StepUpRequiredError");
  const again = await signInWithTotp(api, user.email, secret);
  expect((await change(again.token, PASSWORD)).data.changePassword.__typename).toBe("PasswordChanged");
  expect(await isSignedIn(api, fresh.token)).toBe(false);
});
