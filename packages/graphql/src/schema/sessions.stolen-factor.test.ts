// Threat: an attacker who signed in with the password and a stolen factor (a phone, an
// authenticator seed) keeps their session after the victim takes the factor back. Every credential
// event (removing a factor, enabling or disabling 2FA, changing the password) must end every OTHER
// session of the user, including one still being written when the event lands, and keep exactly
// the session that made the change.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { enableTotpTwoFactor, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { PASSWORD } from "@access-identity/testing/identities";
import { ENABLE_2FA, GENERATE_BACKUP_CODES } from "@access-identity/testing/operations";
import { oathtool } from "@access-identity/testing/totp";
import {
  addTotp,
  CHANGE_PASSWORD,
  COMPLETE_SIGN_IN_WITH_DEVICE,
  DISABLE_2FA,
  isSignedIn,
  REMOVE_FACTOR,
  signInWithTotp,
} from "./sessions.fixtures.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** A victim with two authenticators: "Stolen" (its seed is the attacker's too) and "Own". */
async function victimWithStolenFactor() {
  const user = await signUpUser(api);
  const stolen = await enableTotpTwoFactor(api, user);
  const victim = await signInWithTotp(api, user.email, stolen.secret);
  const own = await addTotp(api, victim.token, "Own");
  return { user, stolen, own, victim };
}

test("the attacker keeps no session after the victim removes the stolen factor; the victim's session stays", async () => {
  const { user, stolen, own, victim } = await victimWithStolenFactor();
  const attacker = await signInWithTotp(api, user.email, stolen.secret);
  expect(await isSignedIn(api, attacker.token)).toBe(true);

  const fresh = await signInWithTotp(api, user.email, own.secret);
  const removed = await api.gql(REMOVE_FACTOR, { input: { factorId: stolen.factorId } }, { token: fresh.token });
  expect(removed.data.removeFactor.__typename).toBe("FactorRemoved");

  expect(await isSignedIn(api, attacker.token)).toBe(false);
  expect((await api.gql(`{ me { id } }`, {}, { token: attacker.token })).data.me).toBeNull();
  // Every other session ends, the victim's earlier one too; the one that made the change stays.
  expect(await isSignedIn(api, victim.token)).toBe(false);
  expect(await isSignedIn(api, fresh.token)).toBe(true);
});

test("a session still being written when the factor is removed is revoked too (its sign-in was judged before)", async () => {
  const { user, stolen, own } = await victimWithStolenFactor();
  // The attacker's password step is judged now; their second step lands after the removal below.
  api.clock.advance(30);
  const challengeId = await startSignIn(api, user.email);
  const fresh = await signInWithTotp(api, user.email, own.secret);
  await api.gql(REMOVE_FACTOR, { input: { factorId: stolen.factorId } }, { token: fresh.token });
  api.clock.advance(30);
  const late = await api.gql(COMPLETE_SIGN_IN_WITH_DEVICE, { input: { challengeId, totpCode: oathtool(own.secret, api.clock.now()) } });
  // Refused outright, or a session born revoked: either way the attacker holds nothing usable.
  if (late.data.completeSignIn.__typename === "SignedIn") {
    expect(await isSignedIn(api, late.data.completeSignIn.session.token)).toBe(false);
  } else {
    expect(late.data.completeSignIn.__typename).toBe("ExpiredError");
  }
  expect(await isSignedIn(api, fresh.token)).toBe(true);
});

test("disabling 2FA and changing the password end every other session", async () => {
  const { user, stolen, victim } = await victimWithStolenFactor();
  const attacker = await signInWithTotp(api, user.email, stolen.secret);
  const fresh = await signInWithTotp(api, user.email, stolen.secret);
  expect((await api.gql(DISABLE_2FA, {}, { token: fresh.token })).data.disableTwoFactor.__typename).toBe("TwoFactorDisabled");
  expect(await isSignedIn(api, attacker.token)).toBe(false);
  expect(await isSignedIn(api, victim.token)).toBe(false);
  expect(await isSignedIn(api, fresh.token)).toBe(true);

  // With 2FA off, the password alone signs in: an attacker who has it is ended by a password change.
  const attacker2 = (await api.gql(`mutation($input: SignInInput!) { signIn(input: $input) { ... on SignedIn { session { token } } } }`, {
    input: { email: user.email, password: PASSWORD },
  })).data.signIn.session.token as string;
  const changed = await api.gql(CHANGE_PASSWORD, { input: { currentPassword: PASSWORD, newPassword: "a brand new passphrase 42" } }, { token: fresh.token });
  expect(changed.data.changePassword.__typename).toBe("PasswordChanged");
  expect(await isSignedIn(api, attacker2)).toBe(false);
  expect(await isSignedIn(api, fresh.token)).toBe(true);
});

test("enabling 2FA ends the sessions opened with the password alone, but not the one enabling it", async () => {
  const user = await signUpUser(api);
  const attacker = (await api.gql(`mutation($input: SignInInput!) { signIn(input: $input) { ... on SignedIn { session { token } } } }`, {
    input: { email: user.email, password: PASSWORD },
  })).data.signIn.session.token as string;
  await addTotp(api, user.token, "Phone");
  await api.gql(GENERATE_BACKUP_CODES, {}, { token: user.token });
  const enabled = await api.gql(ENABLE_2FA, { input: { backupCodesAcknowledged: true } }, { token: user.token });
  expect(enabled.data.enableTwoFactor.__typename).toBe("TwoFactorEnabled");
  expect(await isSignedIn(api, attacker)).toBe(false);
  expect(await isSignedIn(api, user.token)).toBe(true);
});

test("a new set of backup codes ends every other session: whoever read the old codes keeps nothing", async () => {
  const { user, own, victim } = await victimWithStolenFactor();
  const attacker = await signInWithTotp(api, user.email, own.secret);
  const fresh = await signInWithTotp(api, user.email, own.secret);
  const generated = await api.gql(GENERATE_BACKUP_CODES, {}, { token: fresh.token });
  expect(generated.data.generateBackupCodes.__typename).toBe("BackupCodes");
  expect(await isSignedIn(api, attacker.token)).toBe(false);
  expect(await isSignedIn(api, victim.token)).toBe(false);
  expect(await isSignedIn(api, fresh.token)).toBe(true);
});
