// Security keys and device biometrics as a second factor: enrolment, 2FA with a key, sign-in to
// AAL2, several named keys, rename, removal with step-up.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { DISABLE_2FA, MY_FACTORS, REMOVE_FACTOR, RENAME_FACTOR, SIGN_IN } from "@access-identity/testing/operations";
import { completePasskey, confirmEnrolment, enableWebAuthnTwoFactor, enrolKey, ORIGIN, PASSWORD, RP_ID, signInWithKey, signUpUser, startEnrolment, startPasskey, startSignIn, WEBAUTHN_ENV } from "@access-identity/testing/flows";
import { SoftAuthenticator } from "@access-identity/testing/authenticator";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: WEBAUTHN_ENV });
});
afterAll(() => api.close());

const newKey = (attachment?: "platform" | "cross-platform") => new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID, attachment });


test("registration options: our RP, an opaque user handle (not the email), no attestation, resident key and UV preferred", async () => {
  const user = await signUpUser(api);
  const { options, expiresAt } = await startEnrolment(api, user.token, { authenticatorAttachment: "CROSS_PLATFORM" });
  expect(options.rp).toEqual({ id: RP_ID, name: "Access Identity" });
  expect(options.user.name).toBe(user.email);
  expect(options.user.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(Buffer.from(options.user.id, "base64url").toString("utf8")).not.toContain(user.email);
  expect(options.attestation).toBe("none");
  expect(options.authenticatorSelection).toMatchObject({ residentKey: "preferred", userVerification: "preferred", authenticatorAttachment: "cross-platform" });
  expect(options.excludeCredentials).toEqual([]);
  expect(options.pubKeyCredParams.map((p: { alg: number }) => p.alg)).toContain(-7);
  expect(Date.parse(expiresAt) - api.clock.now().getTime()).toBeGreaterThan(4 * 60_000);
  // The same handle every time: a passkey sign-in finds the account by it.
  const again = await startEnrolment(api, user.token);
  expect(again.options.user.id).toBe(options.user.id);
});

test("enrol a key, enable 2FA with it, sign in with password then key: AAL2, and lastUsedAt is kept", async () => {
  const user = await signUpUser(api);
  const key = newKey();
  const { factor } = await enableWebAuthnTwoFactor(api, user, key, "Blue YubiKey");
  expect(factor).toMatchObject({ kind: "WEBAUTHN", label: "Blue YubiKey" });
  const before = (await api.gql(MY_FACTORS, {}, { token: user.token })).data.me.twoFactor;
  expect(before.enabled).toBe(true);
  expect(before.factors[0].lastUsedAt).toBeNull();

  // The password step says a key is what it takes.
  const signIn = await api.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } });
  expect(signIn.data.signIn.challenge.methods).toEqual(["WEBAUTHN"]);

  api.clock.advance(5);
  const done = await signInWithKey(api, user.email, key);
  expect(done.__typename).toBe("SignedIn");
  expect(done.session.aal).toBe("AAL2");
  const after = (await api.gql(MY_FACTORS, {}, { token: done.session.token })).data.me.twoFactor.factors[0];
  expect(Date.parse(after.lastUsedAt)).toBeGreaterThanOrEqual(api.clock.now().getTime() - 2000);
  // The counter moved on: a second sign-in with the same key works too.
  expect((await signInWithKey(api, user.email, key)).session.aal).toBe("AAL2");
});

test("several keys with nicknames and default labels; excludeCredentials lists the keys already there; rename", async () => {
  const user = await signUpUser(api);
  const usb = await enrolKey(api, user.token, newKey("cross-platform"), { nickname: "  Keyring key " });
  const laptop = await enrolKey(api, user.token, newKey("platform"), { authenticatorAttachment: "PLATFORM" });
  const unnamed = await enrolKey(api, user.token, newKey("cross-platform"));
  expect([usb.factor.label, laptop.factor.label, unnamed.factor.label]).toEqual(["Keyring key", "This device", "Security key"]);

  const { options } = await startEnrolment(api, user.token);
  expect(options.excludeCredentials.map((c: { id: string }) => c.id).sort()).toEqual(
    [usb.credential.id, laptop.credential.id, unnamed.credential.id].sort(),
  );

  const renamed = await api.gql(RENAME_FACTOR, { input: { factorId: unnamed.factor.id, label: "Backup key (safe)" } }, { token: user.token });
  expect(renamed.data.renameFactor).toMatchObject({ __typename: "FactorRenamed", factor: { label: "Backup key (safe)" } });
  const labels = (await api.gql(MY_FACTORS, {}, { token: user.token })).data.me.twoFactor.factors.map((f: { label: string }) => f.label);
  expect(labels).toEqual(["Keyring key", "This device", "Backup key (safe)"]);
});

test("the same key cannot be added twice to one account", async () => {
  const user = await signUpUser(api);
  const key = newKey();
  const { credential } = await enrolKey(api, user.token, key);
  const { factorId, options } = await startEnrolment(api, user.token);
  const again = await confirmEnrolment(api, user.token, factorId, key.register(options as never, { reuse: credential }).response);
  expect(again).toMatchObject({ __typename: "ValidationError", field: "response" });
});

test("removing a key needs step-up; a removed key no longer signs in and can be registered again", async () => {
  const user = await signUpUser(api);
  const kept = newKey();
  const removed = newKey();
  await enableWebAuthnTwoFactor(api, user, kept, "Kept");
  // The AAL1 session that enabled 2FA may not add a factor now, nor remove one.
  const start = await api.gql(`mutation { startWebAuthnEnrolment(input: {}) { __typename } }`, {}, { token: user.token });
  expect(start.data.startWebAuthnEnrolment.__typename).toBe("StepUpRequiredError");

  const stepUp = await signInWithKey(api, user.email, kept);
  expect(stepUp.session.aal).toBe("AAL2");
  const { factor, credential } = await enrolKey(api, stepUp.session.token, removed, { nickname: "Lost" });
  const refused = await api.gql(REMOVE_FACTOR, { input: { factorId: factor.id } }, { token: user.token });
  expect(refused.data.removeFactor.__typename).toBe("StepUpRequiredError");

  const ok = await api.gql(REMOVE_FACTOR, { input: { factorId: factor.id } }, { token: stepUp.session.token });
  expect(ok.data.removeFactor.__typename).toBe("FactorRemoved");
  expect(ok.data.removeFactor.status.factors.map((f: { label: string }) => f.label)).toEqual(["Kept"]);

  // A browser would no longer offer it; a scripted client answering with it anyway is refused.
  const withRemoved = await signInWithKey(api, user.email, removed, { credentialId: credential.id });
  expect(withRemoved.__typename).toBe("InvalidCodeError");

  // Its credential id was released: another account may now register that key.
  const other = await signUpUser(api);
  const { factorId, options } = await startEnrolment(api, other.token);
  const moved = await confirmEnrolment(api, other.token, factorId, removed.register(options as never, { reuse: credential }).response);
  expect(moved.__typename).toBe("FactorConfirmed");
});

test("startSignInWebAuthn lists only the user's own keys, and refuses an unknown challenge", async () => {
  const user = await signUpUser(api);
  const key = newKey();
  const { credential } = await enableWebAuthnTwoFactor(api, user, key);
  const challengeId = await startSignIn(api, user.email);
  const res = await api.gql(`mutation($input: StartSignInWebAuthnInput!) { startSignInWebAuthn(input: $input) { __typename ... on WebAuthnOptions { options } } }`, {
    input: { challengeId },
  });
  const options = res.data.startSignInWebAuthn.options;
  expect(options.rpId).toBe(RP_ID);
  expect(options.allowCredentials.map((c: { id: string }) => c.id)).toEqual([credential.id]);
  const unknown = await api.gql(`mutation($input: StartSignInWebAuthnInput!) { startSignInWebAuthn(input: $input) { __typename } }`, {
    input: { challengeId: "chl_00000000000000000000000000" },
  });
  expect(unknown.data.startSignInWebAuthn.__typename).toBe("ExpiredError");
});

test("an enrolment not confirmed within the ceremony timeout expires", async () => {
  const user = await signUpUser(api);
  const key = newKey();
  const { factorId, options } = await startEnrolment(api, user.token);
  api.clock.advance(5 * 60 + 1);
  expect((await confirmEnrolment(api, user.token, factorId, key.register(options as never).response)).__typename).toBe("ExpiredError");
});

test("turning 2FA off releases the keys: they no longer sign in, and may be registered again", async () => {
  const user = await signUpUser(api);
  const key = newKey("platform");
  const { credential } = await enableWebAuthnTwoFactor(api, user, key);
  const stepUp = await signInWithKey(api, user.email, key);
  const off = await api.gql(DISABLE_2FA, {}, { token: stepUp.session.token });
  expect(off.data.disableTwoFactor.__typename).toBe("TwoFactorDisabled");

  const passkey = await completePasskey(api, key.authenticate(await startPasskey(api)));
  expect(passkey.__typename).toBe("InvalidCodeError");
  const other = await signUpUser(api);
  const { factorId, options } = await startEnrolment(api, other.token);
  const moved = await confirmEnrolment(api, other.token, factorId, key.register(options as never, { reuse: credential }).response);
  expect(moved.__typename).toBe("FactorConfirmed");
});
