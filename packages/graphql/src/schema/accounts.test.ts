// Accounts and sessions as a frontend uses them: sign-up, sign-in, me, sign-out.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { ME, SIGN_IN, SIGN_OUT, SIGN_UP } from "@access-identity/testing/operations";
import { PASSWORD, signUpUser, uniqueEmail } from "@access-identity/testing/flows";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe("signUp", () => {
  test("normalises the email, signs the user in at AAL1 and returns a user", async () => {
    const local = uniqueEmail("Example.COM").split("@")[0]!;
    const res = await api.gql(SIGN_UP, { input: { email: `  ${local.toUpperCase()}@Example.COM `, password: PASSWORD } });
    const result = res.data.signUp;
    expect(result.__typename).toBe("SignedIn");
    expect(result.user.email).toBe(`${local}@example.com`);
    expect(result.user.domain).toBe("example.com");
    expect(result.user.id).toMatch(/^usr_[0-9a-z]{26}$/);
    expect(result.session.aal).toBe("AAL1");
    expect(result.session.token).toMatch(/^ses_[0-9a-z]{26}\.[A-Za-z0-9_-]{43}$/);
    expect(new Date(result.session.expiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  test.each([
    ["not-an-email", PASSWORD, "email"],
    ["a@", PASSWORD, "email"],
    [uniqueEmail(), "short", "password"],
    [uniqueEmail(), "x".repeat(257), "password"],
  ])("refuses %s with a ValidationError on the right field", async (email, password, field) => {
    const res = await api.gql(SIGN_UP, { input: { email, password } });
    expect(res.data.signUp).toMatchObject({ __typename: "ValidationError", field });
  });

  test("accepts 8 and 256 characters, counted in code points", async () => {
    for (const password of ["k7#Vq2!m", "é".repeat(256), "🔑".repeat(8)]) {
      const res = await api.gql(SIGN_UP, { input: { email: uniqueEmail(), password } });
      expect(res.data.signUp.__typename).toBe("SignedIn");
    }
  });

  test("refuses the passwords attackers try first: common ones in any case, and the account's own email", async () => {
    const email = uniqueEmail();
    for (const password of ["password", "Password1", "QWERTYUIOP", "iloveyou"]) {
      const res = await api.gql(SIGN_UP, { input: { email, password } });
      expect(res.data.signUp).toEqual({
        __typename: "ValidationError",
        message: "This password is one of the most common ones, tried first by attackers. Choose another.",
        field: "password",
      });
    }
    for (const password of [email, email.split("@")[0]!.toUpperCase()]) {
      const res = await api.gql(SIGN_UP, { input: { email, password } });
      expect(res.data.signUp).toMatchObject({ __typename: "ValidationError", field: "password" });
    }
    // Nothing was created: the same email signs up with a good password.
    expect((await api.gql(SIGN_UP, { input: { email, password: PASSWORD } })).data.signUp.__typename).toBe("SignedIn");
  });

  test("the same email twice (in any case) is a ConflictError", async () => {
    const email = uniqueEmail();
    await signUpUser(api, email);
    const res = await api.gql(SIGN_UP, { input: { email: email.toUpperCase(), password: PASSWORD } });
    expect(res.data.signUp.__typename).toBe("ConflictError");
  });

  test("20 concurrent sign-ups of one email: exactly one succeeds, the rest get ConflictError", async () => {
    const email = uniqueEmail();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api.gql(SIGN_UP, { input: { email, password: PASSWORD } })),
    );
    const kinds = results.map((r) => r.data.signUp.__typename);
    expect(kinds.filter((k) => k === "SignedIn")).toHaveLength(1);
    expect(kinds.filter((k) => k === "ConflictError")).toHaveLength(19);
  });
});

describe("signIn", () => {
  test("right password: a session; wrong password and unknown email: the same InvalidCredentialsError", async () => {
    const { email } = await signUpUser(api);
    const ok = await api.gql(SIGN_IN, { input: { email: email.toUpperCase(), password: PASSWORD } });
    expect(ok.data.signIn.__typename).toBe("SignedIn");
    expect(ok.data.signIn.session.aal).toBe("AAL1");

    const wrong = await api.gql(SIGN_IN, { input: { email, password: "wrong password" } });
    const unknown = await api.gql(SIGN_IN, { input: { email: uniqueEmail(), password: "wrong password" } });
    const malformed = await api.gql(SIGN_IN, { input: { email: "nope", password: "wrong password" } });
    expect(wrong.data.signIn).toEqual({ __typename: "InvalidCredentialsError", message: "The email or password is incorrect." });
    expect(unknown.data.signIn).toEqual(wrong.data.signIn);
    expect(malformed.data.signIn).toEqual(wrong.data.signIn);
  });
});

describe("sessions", () => {
  test("me answers for a bearer token, null without one or with a forged one", async () => {
    const user = await signUpUser(api);
    const me = await api.gql(ME, {}, { token: user.token });
    expect(me.data.me).toMatchObject({ email: user.email, twoFactor: { enabled: false, factors: [], backupCodesRemaining: 0 } });
    expect((await api.gql(ME)).data.me).toBeNull();
    const forged = `${user.token.split(".")[0]}.${"A".repeat(43)}`;
    expect((await api.gql(ME, {}, { token: forged })).data.me).toBeNull();
    expect((await api.gql(ME, {}, { token: "garbage" })).data.me).toBeNull();
  });

  test("signOut revokes the session it is called with, and only that one", async () => {
    const user = await signUpUser(api);
    const other = (await api.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } })).data.signIn.session.token;
    const out = await api.gql(SIGN_OUT, {}, { token: user.token });
    expect(out.data.signOut).toEqual({ __typename: "SignedOut", success: true });
    expect((await api.gql(ME, {}, { token: user.token })).data.me).toBeNull();
    expect((await api.gql(ME, {}, { token: other })).data.me.email).toBe(user.email);
  });

  test("signOut without a session is UNAUTHENTICATED", async () => {
    const res = await api.gql(SIGN_OUT);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  test("a session dies after its idle timeout, and after its absolute lifetime however active", async () => {
    const { idleSeconds, absoluteSeconds } = api.deps.config.session;
    const user = await signUpUser(api);
    api.clock.advance(idleSeconds + 1);
    expect((await api.gql(ME, {}, { token: user.token })).data.me).toBeNull();

    const active = await signUpUser(api);
    // Keep it active, well within the idle timeout each time, past the absolute lifetime.
    const step = Math.floor(idleSeconds / 2);
    let alive = true;
    for (let elapsed = 0; elapsed < absoluteSeconds; elapsed += step) {
      api.clock.advance(step);
      alive = (await api.gql(ME, {}, { token: active.token })).data.me !== null;
      if (!alive) break;
    }
    expect(alive).toBe(false);
  });
});
