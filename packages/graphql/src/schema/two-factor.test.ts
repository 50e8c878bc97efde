// The "Get started with two-factor authentication" flow and the management around it:
// enabling needs every step done; sensitive changes need a fresh second factor (step-up).
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { COMPLETE_SIGN_IN, CONFIRM_TOTP, DISABLE_2FA, ENABLE_2FA, ENROL_TOTP, GENERATE_BACKUP_CODES, REMOVE_FACTOR, RENAME_FACTOR, SIGN_IN, TWO_FACTOR_STATUS } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, PASSWORD, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function addTotp(token: string, label?: string) {
  const { factorId, secret } = (await api.gql(ENROL_TOTP, { input: { label } }, { token })).data.startTotpEnrolment;
  await api.gql(CONFIRM_TOTP, { input: { factorId, code: oathtool(secret, api.clock.now()) } }, { token });
  return { factorId, secret };
}

/** Signs in with password + TOTP: a fresh AAL2 session. */
async function aal2(email: string, secret: string): Promise<string> {
  api.clock.advance(30);
  const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, email), totpCode: oathtool(secret, api.clock.now()) } });
  return res.data.completeSignIn.session.token;
}

test("enabling says which step is missing: a factor, backup codes, the acknowledgement", async () => {
  const user = await signUpUser(api);
  const enable = (ack: boolean) => api.gql(ENABLE_2FA, { input: { backupCodesAcknowledged: ack } }, { token: user.token });
  // ValidationError.field names an input field of the mutation (its only one); the message says which step is missing.
  expect((await enable(true)).data.enableTwoFactor).toMatchObject({
    __typename: "ValidationError",
    field: "backupCodesAcknowledged",
    message: "Add an authenticator app, phone or security key first.",
  });
  await addTotp(user.token);
  expect((await enable(true)).data.enableTwoFactor).toMatchObject({
    __typename: "ValidationError",
    field: "backupCodesAcknowledged",
    message: "Generate your backup codes and store them first.",
  });
  await api.gql(GENERATE_BACKUP_CODES, {}, { token: user.token });
  expect((await enable(false)).data.enableTwoFactor).toMatchObject({ __typename: "ValidationError", field: "backupCodesAcknowledged" });
  const ok = await enable(true);
  expect(ok.data.enableTwoFactor).toMatchObject({ __typename: "TwoFactorEnabled", status: { enabled: true, backupCodesRemaining: 10 } });
});

test("once enabled, sign-in asks for the second factor and says what is usable; no session yet", async () => {
  const user = await signUpUser(api);
  await enableTotpTwoFactor(api, user);
  const res = await api.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } });
  expect(res.data.signIn.__typename).toBe("SecondFactorRequired");
  expect(res.data.signIn.challenge).toMatchObject({ methods: ["TOTP"], backupCodesAvailable: true, smsFactors: [] });
  expect(res.data.signIn.challenge.id).toMatch(/^chl_/);
  const expiresIn = new Date(res.data.signIn.challenge.expiresAt).getTime() - api.clock.now().getTime();
  expect(expiresIn).toBeGreaterThan(4 * 60_000);
  expect(expiresIn).toBeLessThanOrEqual(5 * 60_000);
  expect(res.data.signIn.session).toBeUndefined();
});

test("enabling does not raise the session that did it: it stays AAL1 and needs step-up", async () => {
  const user = await signUpUser(api);
  const { factorId } = await enableTotpTwoFactor(api, user);
  for (const [query, variables, field] of [
    // Adding a factor too: else a password-only session could enrol its own and step up with it.
    [ENROL_TOTP, {}, "startTotpEnrolment"],
    [REMOVE_FACTOR, { input: { factorId } }, "removeFactor"],
    [DISABLE_2FA, {}, "disableTwoFactor"],
    [GENERATE_BACKUP_CODES, {}, "generateBackupCodes"],
  ] as const) {
    const res = await api.gql(query, variables, { token: user.token });
    expect(res.data[field].__typename).toBe("StepUpRequiredError");
  }
});

test("an enrolment started before 2FA was turned on cannot be confirmed afterwards without step-up", async () => {
  const user = await signUpUser(api);
  const late = (await api.gql(ENROL_TOTP, { input: { label: "Started early" } }, { token: user.token })).data.startTotpEnrolment;
  const { secret } = await enableTotpTwoFactor(api, user);
  const refused = await api.gql(CONFIRM_TOTP, { input: { factorId: late.factorId, code: oathtool(late.secret, api.clock.now()) } }, { token: user.token });
  expect(refused.data.confirmTotpEnrolment.__typename).toBe("StepUpRequiredError");
  const token = await aal2(user.email, secret);
  const ok = await api.gql(CONFIRM_TOTP, { input: { factorId: late.factorId, code: oathtool(late.secret, api.clock.now()) } }, { token });
  expect(ok.data.confirmTotpEnrolment.__typename).toBe("FactorConfirmed");
});

test("a fresh AAL2 session may remove a factor, regenerate codes and disable; after 10 minutes it must step up again", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  let token = await aal2(user.email, secret);
  const second = await addTotp(token, "Spare");

  const removed = await api.gql(REMOVE_FACTOR, { input: { factorId: second.factorId } }, { token });
  expect(removed.data.removeFactor.__typename).toBe("FactorRemoved");
  expect((await api.gql(GENERATE_BACKUP_CODES, {}, { token })).data.generateBackupCodes.__typename).toBe("BackupCodes");

  api.clock.advance(10 * 60 + 1);
  expect((await api.gql(DISABLE_2FA, {}, { token })).data.disableTwoFactor.__typename).toBe("StepUpRequiredError");

  token = await aal2(user.email, secret);
  const disabled = await api.gql(DISABLE_2FA, {}, { token });
  expect(disabled.data.disableTwoFactor).toEqual({
    __typename: "TwoFactorDisabled",
    status: { enabled: false, factors: [], backupCodesRemaining: 0 },
  });
  // With 2FA off, the password alone signs in again.
  expect((await api.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } })).data.signIn.__typename).toBe("SignedIn");
  // Disabling again answers the same and records nothing new.
  expect((await api.gql(DISABLE_2FA, {}, { token })).data.disableTwoFactor).toEqual(disabled.data.disableTwoFactor);
  // Read with the session that disabled: disabling 2FA signed every other session out (API.md).
  const log = await api.gql(`{ auditLog(first: 50) { edges { node { action } } } }`, {}, { token });
  expect(log.data.auditLog.edges.filter((e: { node: { action: string } }) => e.node.action === "TWO_FACTOR_DISABLED")).toHaveLength(1);
});

test("the last factor of an account with 2FA on cannot be removed: disable instead", async () => {
  const user = await signUpUser(api);
  const { factorId, secret } = await enableTotpTwoFactor(api, user);
  const token = await aal2(user.email, secret);
  const res = await api.gql(REMOVE_FACTOR, { input: { factorId } }, { token });
  expect(res.data.removeFactor.__typename).toBe("NotAllowedError");
  expect((await api.gql(TWO_FACTOR_STATUS, {}, { token })).data.me.twoFactor.factors).toHaveLength(1);
});

test("before 2FA is on, factors can be removed without step-up; unknown factor ids are a ValidationError", async () => {
  const user = await signUpUser(api);
  const { factorId } = await addTotp(user.token);
  expect((await api.gql(REMOVE_FACTOR, { input: { factorId } }, { token: user.token })).data.removeFactor.__typename).toBe("FactorRemoved");
  expect((await api.gql(REMOVE_FACTOR, { input: { factorId } }, { token: user.token })).data.removeFactor.__typename).toBe("ValidationError");
});

test("rename a factor; empty or control-character names are refused", async () => {
  const user = await signUpUser(api);
  const { factorId } = await addTotp(user.token);
  const ok = await api.gql(RENAME_FACTOR, { input: { factorId, label: "  Old phone  " } }, { token: user.token });
  expect(ok.data.renameFactor).toEqual({ __typename: "FactorRenamed", factor: { id: factorId, label: "Old phone" } });
  for (const factorId of ["constructor", "__proto__", "toString", "fac_00000000000000000000000000"]) {
    const res = await api.gql(RENAME_FACTOR, { input: { factorId, label: "x" } }, { token: user.token });
    expect(res.data.renameFactor).toMatchObject({ __typename: "ValidationError", field: "factorId" });
    const removed = await api.gql(REMOVE_FACTOR, { input: { factorId } }, { token: user.token });
    expect(removed.data.removeFactor.__typename).toBe("ValidationError");
  }
  for (const label of ["   ", "bad\u0000name", "x".repeat(65)]) {
    expect((await api.gql(RENAME_FACTOR, { input: { factorId, label } }, { token: user.token })).data.renameFactor).toMatchObject({ __typename: "ValidationError", field: "label" });
  }
});

test("status reports lastUsedAt once a factor signs in", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  expect((await api.gql(TWO_FACTOR_STATUS, {}, { token: user.token })).data.me.twoFactor.factors[0].lastUsedAt).toBeNull();
  const token = await aal2(user.email, secret);
  const status = (await api.gql(TWO_FACTOR_STATUS, {}, { token })).data.me.twoFactor;
  expect(status).toMatchObject({ enabled: true, enforcedByDomain: false, enrolmentRequired: false, enrolmentDeadline: null, backupCodesRemaining: 10 });
  expect(Date.parse(status.factors[0].lastUsedAt)).toBeGreaterThan(0);
});
