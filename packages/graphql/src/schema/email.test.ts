// Verified addresses and password reset, as a user lives them: the link arrives by email (the real
// SES v2 client against the loopback endpoint), opening it is the verifyEmail/resetPassword
// mutation with the link's token, and TOTP codes come from oathtool.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { linkIn } from "@access-identity/testing/ses";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { enableTotpTwoFactor, signUpUser, tokenFromInbox } from "@access-identity/testing/flows";
import { PASSWORD, uniqueEmail } from "@access-identity/testing/identities";
import { COMPLETE_SIGN_IN, SIGN_IN, VERIFY_EMAIL } from "@access-identity/testing/operations";
import { oathtool } from "@access-identity/testing/totp";
import { CLAIM } from "@access-identity/testing/operations";

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename
  ... on SignedIn { session { token } user { id emailVerified } } ... on Error { message } } }`;
const ME = `{ me { email emailVerified } }`;
const RESEND = `mutation { sendEmailVerification { __typename ... on EmailVerificationSent { expiresAt resendAfter }
  ... on RateLimitedError { retryAfterSeconds } ... on Error { message } } }`;
const REQUEST_RESET = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { __typename
  ... on PasswordResetRequested { success } ... on RateLimitedError { retryAfterSeconds } ... on Error { message } } }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename
  ... on PasswordReset { success } ... on SecondFactorRequired { challenge { id methods } }
  ... on ValidationError { field message } ... on Error { message } } }`;
const NEW_PASSWORD = "a brand new passphrase 42";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { APP_URL: "https://app.example.test" } });
});
afterAll(() => api.close());

async function signUpUnverified(email = uniqueEmail()) {
  const res = await api.gql(SIGN_UP, { input: { email, password: PASSWORD } });
  expect(res.data.signUp).toMatchObject({ __typename: "SignedIn", user: { emailVerified: false } });
  return { email, token: res.data.signUp.session.token as string };
}

const me = async (token: string) => (await api.gql(ME, {}, { token })).data.me;
const verify = (token: string) => api.gql(VERIFY_EMAIL, { input: { token } });
const signIn = (email: string, password: string) => api.gql(SIGN_IN, { input: { email, password } });

describe("verification", () => {
  test("sign-up emails a link to APP_URL/verify-email; opening it, with no session, verifies the address", async () => {
    const user = await signUpUnverified();
    await api.deliverEmails();
    const email = api.mail.lastTo(user.email);
    expect(email.subject).toBe("Verify your email address");
    const link = linkIn(email, "/verify-email");
    expect(`${link.origin}${link.pathname}`).toBe("https://app.example.test/verify-email");
    expect(email.html).toContain(link.href.replace(/&/g, "&amp;"));

    const opened = await verify(link.searchParams.get("token")!);
    expect(opened.data.verifyEmail).toEqual({ __typename: "EmailVerified", user: { email: user.email, emailVerified: true } });
    expect(await me(user.token)).toEqual({ email: user.email, emailVerified: true });

    // The owner is told, and asking for another link now is a conflict.
    await api.deliverEmails();
    expect(api.mail.lastTo(user.email).subject).toBe("Your email address is verified");
    expect((await api.gql(RESEND, {}, { token: user.token })).data.sendEmailVerification.__typename).toBe("ConflictError");
  });

  test("resending: once a minute, five an hour per address; each new link works", async () => {
    // Limits count in fixed windows: start this one at the beginning of an hour, so it holds the whole test.
    const second = Math.floor(api.clock.now().getTime() / 1000);
    api.clock.advance(3600 - (second % 3600) + 1);
    const user = await signUpUnverified();
    const early = await api.gql(RESEND, {}, { token: user.token });
    expect(early.data.sendEmailVerification.__typename).toBe("RateLimitedError");
    expect(early.data.sendEmailVerification.retryAfterSeconds).toBeGreaterThan(0);
    const sent: string[] = [];
    for (let i = 0; i < 4; i++) {
      api.clock.advance(61);
      const res = await api.gql(RESEND, {}, { token: user.token });
      expect(res.data.sendEmailVerification.__typename).toBe("EmailVerificationSent");
      const { expiresAt, resendAfter } = res.data.sendEmailVerification;
      expect(Date.parse(expiresAt) - api.clock.now().getTime()).toBeGreaterThan(24 * 3600_000 - 5_000);
      expect(Date.parse(resendAfter)).toBeGreaterThan(api.clock.now().getTime());
      sent.push(await tokenFromInbox(api, user.email, "/verify-email"));
    }
    // The sign-up's link and four resends: the hour's five are used up.
    api.clock.advance(61);
    expect((await api.gql(RESEND, {}, { token: user.token })).data.sendEmailVerification.__typename).toBe("RateLimitedError");
    expect(new Set(sent).size).toBe(4);
    expect((await verify(sent[1]!)).data.verifyEmail.__typename).toBe("EmailVerified");
  });

  test("resends are limited per IP too, across addresses", async () => {
    const ip = "203.0.113.77";
    const users = await Promise.all(Array.from({ length: 3 }, () => signUpUnverified()));
    api.clock.advance(61);
    const kinds: string[] = [];
    for (let i = 0; i < 22; i++) {
      const user = users[i % 3]!;
      if (i % 3 === 0) api.clock.advance(61);
      kinds.push((await api.gql(RESEND, {}, { token: user.token, ip })).data.sendEmailVerification.__typename);
    }
    expect(kinds).toContain("RateLimitedError");
  });

  test("bad tokens get their typed error and change nothing", async () => {
    const user = await signUpUnverified();
    const good = await tokenFromInbox(api, user.email, "/verify-email");
    const cases: [string, string][] = [
      ["not a token", "InvalidCodeError"],
      ["x".repeat(60_000), "InvalidCodeError"],
      ["", "InvalidCodeError"],
      [randomBytes(32).toString("base64url"), "InvalidCodeError"],
      [`${good.slice(0, -1)}${good.endsWith("A") ? "B" : "A"}`, "InvalidCodeError"],
    ];
    for (const [token, expected] of cases) {
      expect((await verify(token)).data.verifyEmail.__typename, token.slice(0, 20)).toBe(expected);
      expect((await me(user.token)).emailVerified).toBe(false);
    }
    // Expired: the next day the link no longer works, and the address stays unverified.
    api.clock.advance(24 * 3600 + 1);
    expect((await verify(good)).data.verifyEmail.__typename).toBe("ExpiredError");
    // (The sign-up's session has idled out by now: a new one reads the account.)
    const fresh = (await signIn(user.email, PASSWORD)).data.signIn.session.token;
    expect((await me(fresh)).emailVerified).toBe(false);
  });

  test("a link works once: opened again (or twice at once) it is ExpiredError", async () => {
    const user = await signUpUnverified();
    const token = await tokenFromInbox(api, user.email, "/verify-email");
    const both = await Promise.all([verify(token), verify(token)]);
    expect(both.map((r) => r.data.verifyEmail.__typename).sort()).toEqual(["EmailVerified", "ExpiredError"]);
    expect((await verify(token)).data.verifyEmail.__typename).toBe("ExpiredError");
  });

  test("a verification token is not a reset token, nor the other way round", async () => {
    const user = await signUpUnverified();
    const token = await tokenFromInbox(api, user.email, "/verify-email");
    expect((await api.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } })).data.resetPassword.__typename).toBe("ExpiredError");
    await api.gql(REQUEST_RESET, { input: { email: user.email } });
    const reset = await tokenFromInbox(api, user.email, "/reset-password");
    expect((await verify(reset)).data.verifyEmail.__typename).toBe("InvalidCodeError");
    expect((await verify(token)).data.verifyEmail.__typename).toBe("EmailVerified");
  });

  test("an account never verified is gone after 7 days: its sign-in fails as an unknown one, and the address can sign up again", async () => {
    const squatter = await signUpUnverified();
    const squattersLink = await tokenFromInbox(api, squatter.email, "/verify-email");
    api.clock.advance(7 * 24 * 3600 + 1);
    const unknown = await signIn(uniqueEmail(), PASSWORD);
    const expired = await signIn(squatter.email, PASSWORD);
    expect(expired.data.signIn).toEqual(unknown.data.signIn);
    expect(expired.data.signIn.__typename).toBe("InvalidCredentialsError");

    const owner = await api.gql(SIGN_UP, { input: { email: squatter.email, password: NEW_PASSWORD } });
    expect(owner.data.signUp.__typename).toBe("SignedIn");
    // The squatter's session and link belong to an account that no longer exists.
    expect(await me(squatter.token)).toBeNull();
    expect((await verify(squattersLink)).data.verifyEmail.__typename).toBe("ExpiredError");
    expect((await me(owner.data.signUp.session.token)).emailVerified).toBe(false);
  });

  test("a verified account never expires, and a live unverified one keeps its address", async () => {
    const verified = await signUpUser(api);
    const pending = await signUpUnverified();
    api.clock.advance(6 * 24 * 3600);
    expect((await api.gql(SIGN_UP, { input: { email: pending.email, password: NEW_PASSWORD } })).data.signUp.__typename).toBe("ConflictError");
    api.clock.advance(2 * 24 * 3600);
    expect((await signIn(verified.email, PASSWORD)).data.signIn.__typename).toBe("SignedIn");
    expect((await api.gql(SIGN_UP, { input: { email: verified.email, password: NEW_PASSWORD } })).data.signUp.__typename).toBe("ConflictError");
  });

  test("only a verified address can claim its domain", async () => {
    const user = await signUpUnverified(uniqueEmail("squat.test"));
    const refused = await api.gql(CLAIM, { input: { name: "squat.test" } }, { token: user.token });
    expect(refused.data.claimDomain).toMatchObject({ __typename: "NotAllowedError", message: expect.stringContaining("Verify your email address") });
    expect((await verify(await tokenFromInbox(api, user.email, "/verify-email"))).data.verifyEmail.__typename).toBe("EmailVerified");
    const claimed = await api.gql(CLAIM, { input: { name: "squat.test" } }, { token: user.token });
    expect(claimed.data.claimDomain.__typename).toBe("DomainClaim");
  });
});

describe("password reset", () => {
  const requestReset = (email: string, ip?: string) => api.gql(REQUEST_RESET, { input: { email } }, { ip });
  const reset = (token: string, newPassword = NEW_PASSWORD) => api.gql(RESET, { input: { token, newPassword } });

  test("without 2FA: the link sets the new password and signs out every session", async () => {
    const user = await signUpUser(api);
    const other = (await signIn(user.email, PASSWORD)).data.signIn.session.token;
    expect((await requestReset(user.email)).data.requestPasswordReset).toEqual({ __typename: "PasswordResetRequested", success: true });
    await api.deliverEmails();
    const email = api.mail.lastTo(user.email);
    expect(email.subject).toBe("Reset your password");
    const link = linkIn(email, "/reset-password");
    expect(`${link.origin}${link.pathname}`).toBe("https://app.example.test/reset-password");

    api.clock.advance(1);
    expect((await reset(link.searchParams.get("token")!)).data.resetPassword).toEqual({ __typename: "PasswordReset", success: true });
    expect(await me(user.token)).toBeNull();
    expect(await me(other)).toBeNull();
    expect((await signIn(user.email, PASSWORD)).data.signIn.__typename).toBe("InvalidCredentialsError");
    expect((await signIn(user.email, NEW_PASSWORD)).data.signIn.__typename).toBe("SignedIn");
    // Used once: the same link again changes nothing.
    expect((await reset(link.searchParams.get("token")!, "yet another passphrase")).data.resetPassword.__typename).toBe("ExpiredError");
    expect((await signIn(user.email, NEW_PASSWORD)).data.signIn.__typename).toBe("SignedIn");
    await api.deliverEmails();
    expect(api.mail.lastTo(user.email).subject).toBe("Your password was reset");
  });

  test("with 2FA: the link asks for a second factor, and completeSignIn sets the password and signs in", async () => {
    const user = await signUpUser(api);
    const { secret } = await enableTotpTwoFactor(api, user);
    await requestReset(user.email);
    const token = await tokenFromInbox(api, user.email, "/reset-password");
    const asked = await reset(token);
    expect(asked.data.resetPassword).toMatchObject({ __typename: "SecondFactorRequired", challenge: { methods: ["TOTP"] } });
    // Until the second factor is given, nothing changed.
    expect((await signIn(user.email, NEW_PASSWORD)).data.signIn.__typename).toBe("InvalidCredentialsError");
    expect(await me(user.token)).not.toBeNull();

    const done = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: asked.data.resetPassword.challenge.id, totpCode: oathtool(secret, api.clock.now()) } });
    expect(done.data.completeSignIn).toMatchObject({ __typename: "SignedIn", session: { aal: "AAL2" }, user: { email: user.email } });
    expect(await me(done.data.completeSignIn.session.token)).toMatchObject({ email: user.email });
    expect(await me(user.token)).toBeNull();
    expect((await signIn(user.email, PASSWORD)).data.signIn.__typename).toBe("InvalidCredentialsError");
    expect((await signIn(user.email, NEW_PASSWORD)).data.signIn.__typename).toBe("SecondFactorRequired");
    expect((await reset(token)).data.resetPassword.__typename).toBe("ExpiredError");
  });

  test("with 2FA: a wrong code sets nothing", async () => {
    const user = await signUpUser(api);
    const { secret } = await enableTotpTwoFactor(api, user);
    await requestReset(user.email);
    const asked = await reset(await tokenFromInbox(api, user.email, "/reset-password"));
    const code = oathtool(secret, api.clock.now());
    const wrong = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: asked.data.resetPassword.challenge.id, totpCode: code === "000000" ? "111111" : "000000" } });
    expect(wrong.data.completeSignIn.__typename).toBe("InvalidCodeError");
    expect((await signIn(user.email, PASSWORD)).data.signIn.__typename).toBe("SecondFactorRequired");
    expect(await me(user.token)).not.toBeNull();
  });

  test("an unknown address gets the same answer and no email", async () => {
    const known = await signUpUser(api);
    await api.deliverEmails();
    const before = api.mail.requests;
    const unknown = uniqueEmail();
    const [a, b] = [await requestReset(unknown), await requestReset(known.email)];
    expect(a.data).toEqual(b.data);
    expect(a.status).toBe(b.status);
    await api.deliverEmails();
    expect(api.mail.received.slice(before).map((m) => m.to)).toEqual([[known.email]]);
    expect(() => api.mail.lastTo(unknown)).toThrow();
    // A malformed address: the same answer too.
    expect((await requestReset("not an address")).data).toEqual(b.data);
  });

  test("reset emails are limited per address and per IP, whether or not the address has an account", async () => {
    for (const email of [(await signUpUser(api)).email, uniqueEmail()]) {
      const kinds = [];
      for (let i = 0; i < 6; i++) kinds.push((await requestReset(email)).data.requestPasswordReset.__typename);
      expect(kinds).toEqual([...Array(5).fill("PasswordResetRequested"), "RateLimitedError"]);
    }
    const ip = "203.0.113.99";
    const kinds = [];
    for (let i = 0; i < 21; i++) kinds.push((await requestReset(uniqueEmail(), ip)).data.requestPasswordReset.__typename);
    expect(kinds.at(-1)).toBe("RateLimitedError");
    expect(kinds.filter((k) => k === "PasswordResetRequested")).toHaveLength(20);
  });

  test("bad tokens and refused passwords get their typed error and change nothing", async () => {
    const user = await signUpUser(api);
    await requestReset(user.email);
    const token = await tokenFromInbox(api, user.email, "/reset-password");
    const cases: [string, string, string][] = [
      ["not a token", NEW_PASSWORD, "ValidationError"],
      ["x".repeat(60_000), NEW_PASSWORD, "ValidationError"],
      [randomBytes(32).toString("base64url"), NEW_PASSWORD, "ExpiredError"],
      [token, "short", "ValidationError"],
      [token, "password1", "ValidationError"],
      [token, user.email.toUpperCase(), "ValidationError"],
      [token, "x".repeat(257), "ValidationError"],
    ];
    for (const [t, password, expected] of cases) {
      expect((await reset(t, password)).data.resetPassword.__typename, `${t.slice(0, 12)} ${password.slice(0, 12)}`).toBe(expected);
      expect((await signIn(user.email, PASSWORD)).data.signIn.__typename).toBe("SignedIn");
      expect(await me(user.token)).not.toBeNull();
    }
    // Refused passwords did not spend the link; an hour later it has expired.
    api.clock.advance(3601);
    expect((await reset(token)).data.resetPassword.__typename).toBe("ExpiredError");
    expect((await signIn(user.email, PASSWORD)).data.signIn.__typename).toBe("SignedIn");
  });
});
