// The account-security operations (sessions, step-up, password change and reset, email
// verification) through the client against the real server over real HTTP (server.url): emails
// through the real SES client to the loopback endpoint, TOTP codes from oathtool.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AccessIdentityRequestError, AccessIdentityResultError, createAccessIdentityClient, isFailure, matchOn, unwrap, type AccessIdentityClient } from "../index.js";
import { oathtool, passwordResetToken, PASSWORD, startTestApi, uniqueEmail, verificationToken, type TestApi } from "./server.js";

const NEW_PASSWORD = "a quite different passphrase 42";
let api: TestApi;
beforeAll(async () => void (api = await startTestApi()));
afterAll(async () => await api?.close());

/** A client holding its own session token, as an app (or another device) would. */
function device(token?: string): { client: AccessIdentityClient; setToken(token: string | undefined): void } {
  const client = createAccessIdentityClient({ url: `${api.server.url}/graphql`, getToken: () => token });
  return { client, setToken: (t) => (token = t) };
}

async function signUp(email = uniqueEmail()) {
  const signedUp = unwrap(await device().client.signUp({ input: { email, password: PASSWORD } }));
  return { ...device(signedUp.session.token), email, token: signedUp.session.token };
}

/** Another device signing in with the password alone (2FA off); a second apart, so "newest first" is unambiguous. */
async function signIn(email: string) {
  api.clock.advance(1);
  const signedIn = unwrap(await device().client.signIn({ input: { email, password: PASSWORD } }));
  if (signedIn.__typename !== "SignedIn") throw new Error(signedIn.__typename);
  return device(signedIn.session.token).client;
}

/** Sign up, verify the address, enrol TOTP, backup codes, enable: the sign-up session stays AAL1. */
async function userWithTotp() {
  const user = await signUp();
  unwrap(await user.client.verifyEmail({ input: { token: await verificationToken(api, user.email) } }));
  const enrolment = unwrap(await user.client.startTotpEnrolment({ input: { label: "Phone" } }));
  unwrap(await user.client.confirmTotpEnrolment({ input: { factorId: enrolment.factorId, code: oathtool(enrolment.secret, api.clock.now()) } }));
  unwrap(await user.client.generateBackupCodes());
  unwrap(await user.client.enableTwoFactor({ input: { backupCodesAcknowledged: true } }));
  api.clock.advance(30); // the confirming code's time step is spent
  return { ...user, totp: () => oathtool(enrolment.secret, api.clock.now()) };
}

/** What a failed call threw, to assert on (an unwrap's typed error or a refused request). */
const thrown = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

describe("sessions", () => {
  test("session, sessions newest first with cursors, revokeSession, signOutEverywhere", async () => {
    const first = await signUp();
    const second = await signIn(first.email);
    const third = await signIn(first.email);
    const [a, b, c] = await Promise.all([first.client.session(), second.session(), third.session()]);
    expect(a).toMatchObject({ current: true, aal: "AAL1", aal2Until: null });
    expect(Date.parse(a!.expiresAt)).toBeGreaterThan(Date.parse(a!.createdAt));

    const all = await third.sessions({ first: 100 });
    expect(all.edges.map((e) => e.node.id)).toEqual([c!.id, b!.id, a!.id]);
    expect(all.edges.map((e) => e.node.current)).toEqual([true, false, false]);
    expect(all.pageInfo.hasNextPage).toBe(false);
    const page1 = await third.sessions({ first: 2 });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await third.sessions({ first: 2, after: page1.pageInfo.endCursor });
    expect([...page1.edges, ...page2.edges].map((e) => e.node.id)).toEqual([c!.id, b!.id, a!.id]);

    // Revoke the second device: its token is signed out from its next request.
    expect(unwrap(await third.revokeSession({ input: { sessionId: b!.id } }))).toEqual({ __typename: "SessionRevoked", sessionId: b!.id });
    expect(await second.me()).toBeNull();
    expect(await second.session()).toBeNull();
    const refused = await thrown(second.sessions());
    expect(refused).toBeInstanceOf(AccessIdentityRequestError);
    expect((refused as AccessIdentityRequestError).code).toBe("UNAUTHENTICATED");
    expect((await third.sessions()).edges.map((e) => e.node.id)).toEqual([c!.id, a!.id]);
    // Signing out is idempotent for the caller's own session; an unknown id, or anyone else's, is the same NotAllowedError.
    expect(await third.revokeSession({ input: { sessionId: b!.id } })).toEqual({ __typename: "SessionRevoked", sessionId: b!.id });
    const unknown = await third.revokeSession({ input: { sessionId: `ses_${"0".repeat(26)}` } });
    expect(isFailure(unknown) && unknown.code).toBe("NOT_ALLOWED");
    const stranger = await (await signUp()).client.session();
    const notMine = await third.revokeSession({ input: { sessionId: stranger!.id } });
    expect(matchOn(notMine, "__typename", { SessionRevoked: () => "revoked", NotAllowedError: (e) => e.code, RateLimitedError: () => "wait", ServiceUnavailableError: () => "retry" })).toBe("NOT_ALLOWED");

    // Everywhere but here: the first device goes, this one stays.
    expect(unwrap(await third.signOutEverywhere({ input: { keepCurrent: true } })).revokedCount).toBe(1);
    expect(await first.client.me()).toBeNull();
    expect((await third.sessions()).edges.map((e) => ({ id: e.node.id, current: e.node.current }))).toEqual([{ id: c!.id, current: true }]);
    // Everywhere, this one included.
    expect(unwrap(await third.signOutEverywhere({ input: {} })).revokedCount).toBe(1);
    expect(await third.me()).toBeNull();
  });
});

describe("step-up and password change", () => {
  test("with 2FA on, changePassword needs a step-up; then the old password no longer signs in", async () => {
    const user = await userWithTotp();
    // Another device, signed in with password and TOTP: changing the password signs it out.
    const challenge0 = await device().client.signIn({ input: { email: user.email, password: PASSWORD } });
    if (challenge0.__typename !== "SecondFactorRequired") throw new Error(challenge0.__typename);
    const other = device(unwrap(await device().client.completeSignIn({ input: { challengeId: challenge0.challenge.id, totpCode: user.totp() } })).session.token);
    api.clock.advance(30);

    const input = { currentPassword: PASSWORD, newPassword: NEW_PASSWORD };
    const needsStepUp = await thrown(user.client.changePassword({ input }).then(unwrap));
    expect(needsStepUp).toBeInstanceOf(AccessIdentityResultError);
    expect((needsStepUp as AccessIdentityResultError).error).toMatchObject({ __typename: "StepUpRequiredError", code: "STEP_UP_REQUIRED" });

    const { challenge } = unwrap(await user.client.startStepUp());
    expect(challenge.methods).toContain("TOTP");
    const wrong = await user.client.completeStepUp({ input: { challengeId: challenge.id, totpCode: "000000" } });
    expect(isFailure(wrong) && wrong.__typename === "InvalidCodeError" && [wrong.code, wrong.attemptsRemaining]).toEqual(["INVALID_CODE", 4]);
    const stepped = unwrap(await user.client.completeStepUp({ input: { challengeId: challenge.id, totpCode: user.totp() } }));
    expect(stepped.session).toMatchObject({ token: user.token, aal: "AAL2" }); // the same session, raised in place
    expect(Date.parse(stepped.session.aal2Until!)).toBeGreaterThan(api.clock.now().getTime());
    expect(await user.client.session()).toMatchObject({ current: true, aal: "AAL2" });

    const wrongCurrent = await user.client.changePassword({ input: { ...input, currentPassword: "not the password at all" } });
    expect(isFailure(wrongCurrent) && wrongCurrent.code).toBe("INVALID_CREDENTIALS");
    const tooShort = await user.client.changePassword({ input: { ...input, newPassword: "short" } });
    expect(isFailure(tooShort) && tooShort.__typename === "ValidationError" && tooShort.field).toBe("newPassword");
    expect(unwrap(await user.client.changePassword({ input })).user.email).toBe(user.email);

    const old = await device().client.signIn({ input: { email: user.email, password: PASSWORD } });
    expect(isFailure(old) && old.code).toBe("INVALID_CREDENTIALS");
    expect((await device().client.signIn({ input: { email: user.email, password: NEW_PASSWORD } })).__typename).toBe("SecondFactorRequired");
    expect((await user.client.me())?.email).toBe(user.email); // the session that changed it stays
    expect(await other.client.me()).toBeNull();
  });

  test("startStepUp with 2FA off is NotAllowedError", async () => {
    const { client } = await signUp();
    const refused = await client.startStepUp();
    expect(isFailure(refused) && refused.code).toBe("NOT_ALLOWED");
  });
});

describe("password reset by email", () => {
  test("2FA off: the link sets the password and signs every session out", async () => {
    const user = await signUp();
    const { client } = device();
    expect((await client.requestPasswordReset({ input: { email: user.email } })).__typename).toBe("PasswordResetRequested");
    // An address with no account gets the same answer.
    expect((await client.requestPasswordReset({ input: { email: uniqueEmail() } })).__typename).toBe("PasswordResetRequested");
    const token = await passwordResetToken(api, user.email);

    const weak = await client.resetPassword({ input: { token, newPassword: "short" } });
    expect(isFailure(weak) && weak.__typename === "ValidationError" && weak.code).toBe("VALIDATION_FAILED");
    expect((await client.resetPassword({ input: { token, newPassword: NEW_PASSWORD } })).__typename).toBe("PasswordReset");
    expect(await user.client.me()).toBeNull();
    const used = await client.resetPassword({ input: { token, newPassword: NEW_PASSWORD } });
    expect(isFailure(used) && used.code).toBe("EXPIRED");
    expect(unwrap(await client.signIn({ input: { email: user.email, password: NEW_PASSWORD } })).__typename).toBe("SignedIn");
  });

  test("2FA on: the link answers SecondFactorRequired, and completeSignIn sets the password", async () => {
    const user = await userWithTotp();
    const { client } = device();
    unwrap(await client.requestPasswordReset({ input: { email: user.email } }));
    const reset = unwrap(await client.resetPassword({ input: { token: await passwordResetToken(api, user.email), newPassword: NEW_PASSWORD } }));
    if (reset.__typename !== "SecondFactorRequired") throw new Error(reset.__typename);
    expect(reset.challenge.methods).toContain("TOTP");
    // Not set until the second factor is proved.
    const early = await client.signIn({ input: { email: user.email, password: NEW_PASSWORD } });
    expect(isFailure(early) && early.code).toBe("INVALID_CREDENTIALS");

    const done = unwrap(await client.completeSignIn({ input: { challengeId: reset.challenge.id, totpCode: user.totp() } }));
    expect(done.session.aal).toBe("AAL2");
    expect(await device(done.session.token).client.me()).toMatchObject({ email: user.email });
    expect(await user.client.me()).toBeNull(); // every earlier session is signed out
    expect((await client.signIn({ input: { email: user.email, password: NEW_PASSWORD } })).__typename).toBe("SecondFactorRequired");
    const old = await client.signIn({ input: { email: user.email, password: PASSWORD } });
    expect(isFailure(old) && old.code).toBe("INVALID_CREDENTIALS");
  });
});

describe("email verification", () => {
  test("sendEmailVerification: a new link for a fresh account, ConflictError once verified", async () => {
    const user = await signUp();
    // Sign-up emailed the first link a moment ago: a resend waits out its minute.
    const soon = await user.client.sendEmailVerification();
    expect(isFailure(soon) && soon.__typename === "RateLimitedError" && soon.code).toBe("RATE_LIMITED");
    api.clock.advance(61);
    const sent = unwrap(await user.client.sendEmailVerification());
    expect(sent.__typename).toBe("EmailVerificationSent");
    expect(Date.parse(sent.expiresAt)).toBeGreaterThan(api.clock.now().getTime());
    expect(Date.parse(sent.resendAfter)).toBeGreaterThan(api.clock.now().getTime());

    const verified = unwrap(await device().client.verifyEmail({ input: { token: await verificationToken(api, user.email) } }));
    expect(verified.user).toMatchObject({ email: user.email, emailVerified: true });
    const again = await user.client.sendEmailVerification();
    expect(isFailure(again) && again.__typename === "ConflictError" && again.code).toBe("CONFLICT");
    const anonymous = await thrown(device().client.sendEmailVerification());
    expect((anonymous as AccessIdentityRequestError).code).toBe("UNAUTHENTICATED");
  });
});
