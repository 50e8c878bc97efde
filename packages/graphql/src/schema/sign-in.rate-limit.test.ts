// Threat: password guessing — against one account from many addresses, and against many accounts from one address.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { SIGN_IN } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, PASSWORD, signUpUser, uniqueEmail } from "@access-identity/testing/flows";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    env: { RATE_LIMIT_SIGN_IN_ATTEMPTS_PER_ACCOUNT: "5/900", RATE_LIMIT_SIGN_IN_FAILURES_PER_IP: "8/600" },
  });
});
afterAll(() => api.close());

const attempt = (email: string, password: string, ip?: string) => api.gql(SIGN_IN, { input: { email, password } }, { ip });

test("successful sign-ins do not use up the failure budget", async () => {
  const { email } = await signUpUser(api);
  for (let i = 0; i < 8; i++) expect((await attempt(email, PASSWORD)).data.signIn.__typename).toBe("SignedIn");
  for (let i = 0; i < 4; i++) await attempt(email, "wrong password");
  expect((await attempt(email, PASSWORD)).data.signIn.__typename).toBe("SignedIn");
});

test("an account is locked after 5 failures from any addresses, even for the right password, until the window ends", async () => {
  const { email } = await signUpUser(api);
  for (let i = 0; i < 5; i++) expect((await attempt(email, `wrong-${i}-password`)).data.signIn.__typename).toBe("InvalidCredentialsError");
  const locked = await attempt(email, PASSWORD);
  expect(locked.data.signIn.__typename).toBe("RateLimitedError");
  expect(locked.data.signIn.retryAfterSeconds).toBeGreaterThan(0);
  expect(locked.data.signIn.retryAfterSeconds).toBeLessThanOrEqual(900);
  api.clock.advance(locked.data.signIn.retryAfterSeconds);
  expect((await attempt(email, PASSWORD)).data.signIn.__typename).toBe("SignedIn");
});

test("an unknown email locks exactly like a real one, so lockouts reveal nothing", async () => {
  const email = uniqueEmail();
  for (let i = 0; i < 5; i++) await attempt(email, "wrong password");
  expect((await attempt(email, "wrong password")).data.signIn.__typename).toBe("RateLimitedError");
});

test("one address spraying many accounts is stopped at its limit; other addresses are not", async () => {
  const ip = "192.0.2.44";
  for (let i = 0; i < 8; i++) expect((await attempt(uniqueEmail(), "wrong password", ip)).data.signIn.__typename).toBe("InvalidCredentialsError");
  const { email } = await signUpUser(api);
  expect((await attempt(email, PASSWORD, ip)).data.signIn.__typename).toBe("RateLimitedError");
  expect((await attempt(email, PASSWORD, "192.0.2.45")).data.signIn.__typename).toBe("SignedIn");
});

test("a parallel spray from one address cannot overshoot the address's limit", async () => {
  const ip = "192.0.2.99";
  const results = await Promise.all(Array.from({ length: 30 }, () => attempt(uniqueEmail(), "wrong password", ip)));
  const kinds = results.map((r) => r.data.signIn.__typename);
  expect(kinds.filter((k) => k === "InvalidCredentialsError")).toHaveLength(8);
  expect(kinds.filter((k) => k === "RateLimitedError")).toHaveLength(22);
});

test("parallel guesses cannot overshoot the account limit", async () => {
  const { email } = await signUpUser(api);
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(email, `parallel-wrong-${i}`)));
  const kinds = results.map((r) => r.data.signIn.__typename);
  // Exactly the budget of guesses was tried; every other one was refused before the password check.
  expect(kinds.filter((k) => k === "InvalidCredentialsError")).toHaveLength(5);
  expect(kinds.filter((k) => k === "RateLimitedError")).toHaveLength(25);
  expect((await attempt(email, PASSWORD)).data.signIn.__typename).toBe("RateLimitedError");
});

test("with 2FA on, each challenge spends a unit: parallel sign-ins by someone who knows the password open at most the budget", async () => {
  // Each challenge allows 5 second-factor guesses, so this caps guesses at 5 x budget per window.
  const user = await signUpUser(api);
  await enableTotpTwoFactor(api, user);
  const results = await Promise.all(Array.from({ length: 12 }, () => attempt(user.email, PASSWORD)));
  const kinds = results.map((r) => r.data.signIn.__typename);
  expect(kinds.filter((k) => k === "SecondFactorRequired")).toHaveLength(5);
  expect(kinds.filter((k) => k === "RateLimitedError")).toHaveLength(7);
});

test("an address already refused never touches the account it aims at", async () => {
  const { email } = await signUpUser(api);
  const ip = "192.0.2.150";
  for (let i = 0; i < 8; i++) await attempt(uniqueEmail(), "wrong password", ip);
  const refused = await Promise.all(Array.from({ length: 20 }, () => attempt(email, "wrong password", ip)));
  expect(refused.every((r) => r.data.signIn.__typename === "RateLimitedError")).toBe(true);
  // The account's own budget (5 here) is intact: four wrong guesses elsewhere, then the owner gets in.
  for (let i = 0; i < 4; i++) expect((await attempt(email, "wrong password")).data.signIn.__typename).toBe("InvalidCredentialsError");
  expect((await attempt(email, PASSWORD)).data.signIn.__typename).toBe("SignedIn");
});
