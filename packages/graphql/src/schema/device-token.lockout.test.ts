// Threat: someone without the password locks the owner out by filling the account's sign-in limit
// with wrong guesses. A device that signed in before carries a token (OWASP "device cookies"); once
// the account's limit is full it is judged by its own limit instead. Tokens are bound to their
// account and end with the sessions (sign-out everywhere, password change).
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { signUpUser } from "@access-identity/testing/flows";
import { PASSWORD } from "@access-identity/testing/identities";
import { CHANGE_PASSWORD, SIGN_IN_WITH_DEVICE, SIGN_OUT_EVERYWHERE } from "./sessions.fixtures.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { RATE_LIMIT_SIGN_IN_ATTEMPTS_PER_ACCOUNT: "5/900" } });
});
afterAll(() => api.close());

const signIn = (email: string, password: string, deviceToken?: string) => api.gql(SIGN_IN_WITH_DEVICE, { input: { email, password, deviceToken } });

async function knownDevice() {
  const user = await signUpUser(api);
  const first = await signIn(user.email, PASSWORD);
  expect(first.data.signIn.__typename).toBe("SignedIn");
  const deviceToken = first.data.signIn.deviceToken as string;
  expect(deviceToken).toMatch(/^dev_/);
  return { ...user, deviceToken, token: first.data.signIn.session.token as string };
}

async function flood(email: string) {
  for (let i = 0; i < 5; i++) await signIn(email, "wrong guess from elsewhere");
  expect((await signIn(email, PASSWORD)).data.signIn.__typename).toBe("RateLimitedError");
}

test("with the account's limit full, the owner's known device still signs in; a stranger's request does not", async () => {
  const owner = await knownDevice();
  await flood(owner.email);
  expect((await signIn(owner.email, PASSWORD, owner.deviceToken)).data.signIn.__typename).toBe("SignedIn");
  expect((await signIn(owner.email, PASSWORD)).data.signIn.__typename).toBe("RateLimitedError");
});

test("a device token is judged by its own limit: guessing with it stops at that limit", async () => {
  const owner = await knownDevice();
  await flood(owner.email);
  for (let i = 0; i < 5; i++) {
    expect((await signIn(owner.email, "still guessing", owner.deviceToken)).data.signIn.__typename).toBe("InvalidCredentialsError");
  }
  expect((await signIn(owner.email, PASSWORD, owner.deviceToken)).data.signIn.__typename).toBe("RateLimitedError");
});

test("a device token is bound to its account, and a forged one counts for nothing", async () => {
  const owner = await knownDevice();
  const other = await knownDevice();
  await flood(owner.email);
  expect((await signIn(owner.email, PASSWORD, other.deviceToken)).data.signIn.__typename).toBe("RateLimitedError");
  const forged = `${owner.deviceToken.split(".")[0]}.${"A".repeat(43)}`;
  expect((await signIn(owner.email, PASSWORD, forged)).data.signIn.__typename).toBe("RateLimitedError");
});

test("signing out everywhere and changing the password revoke the device tokens", async () => {
  const owner = await knownDevice();
  const out = await api.gql(SIGN_OUT_EVERYWHERE, { input: { keepCurrent: true } }, { token: owner.token });
  expect(out.data.signOutEverywhere.__typename).toBe("SignedOutEverywhere");
  await flood(owner.email);
  expect((await signIn(owner.email, PASSWORD, owner.deviceToken)).data.signIn.__typename).toBe("RateLimitedError");

  const second = await knownDevice();
  const changed = await api.gql(CHANGE_PASSWORD, { input: { currentPassword: PASSWORD, newPassword: "another good passphrase" } }, { token: second.token });
  expect(changed.data.changePassword.__typename).toBe("PasswordChanged");
  for (let i = 0; i < 5; i++) await signIn(second.email, "wrong guess from elsewhere");
  expect((await signIn(second.email, "another good passphrase", second.deviceToken)).data.signIn.__typename).toBe("RateLimitedError");
});
