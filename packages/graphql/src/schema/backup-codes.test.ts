// Backup codes as the user meets them: shown once, 10 of them, readable, each good once, and
// forgiving of how a person types them.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { COMPLETE_SIGN_IN, GENERATE_BACKUP_CODES } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { keys } from "@access-identity/core/db/keys";
import { readItem } from "@access-identity/testing/store";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const remaining = async (token: string) =>
  (await api.gql(`{ me { twoFactor { backupCodesRemaining } } }`, {}, { token })).data.me.twoFactor.backupCodesRemaining;

test("10 distinct codes in xxxxx-xxxxx form, without look-alike letters, stored only as hashes", async () => {
  const user = await signUpUser(api);
  const res = await api.gql(GENERATE_BACKUP_CODES, {}, { token: user.token });
  const codes: string[] = res.data.generateBackupCodes.codes;
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);
  for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
  expect(await remaining(user.token)).toBe(10);
  const item = (await readItem(api.deps, keys.account(user.email)))!;
  const stored = JSON.stringify([...item.backupCodes]);
  for (const code of codes) {
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(code.replace("-", ""));
  }
});

test("each code signs in once; entry tolerates case, spaces, a missing dash and look-alikes", async () => {
  const user = await signUpUser(api);
  const { backupCodes } = await enableTotpTwoFactor(api, user);
  const [a, b, c] = backupCodes as [string, string, string];
  const variants = [` ${a.toUpperCase()} `, b.replace("-", ""), c.replace("-", " ").replace(/0/g, "O").replace(/1/g, "l")];
  for (const backupCode of variants) {
    const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, user.email), backupCode } });
    expect(res.data.completeSignIn.__typename).toBe("SignedIn");
    expect(res.data.completeSignIn.session.aal).toBe("AAL2");
  }
  const again = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, user.email), backupCode: a } });
  expect(again.data.completeSignIn.__typename).toBe("InvalidCodeError");
  expect(await remaining(user.token)).toBe(7);
});

test("a new set replaces the old one: old codes stop working", async () => {
  const user = await signUpUser(api);
  const first = (await api.gql(GENERATE_BACKUP_CODES, {}, { token: user.token })).data.generateBackupCodes.codes;
  const second = (await api.gql(GENERATE_BACKUP_CODES, {}, { token: user.token })).data.generateBackupCodes.codes;
  expect(second).not.toEqual(first);
  const { backupCodes } = await enableTotpTwoFactor(api, user); // generates a third set
  const old = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, user.email), backupCode: second[0] } });
  expect(old.data.completeSignIn.__typename).toBe("InvalidCodeError");
  const current = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, user.email), backupCode: backupCodes[0] } });
  expect(current.data.completeSignIn.__typename).toBe("SignedIn");
});
