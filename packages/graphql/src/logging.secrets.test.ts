// Threat: secrets leaking through logs (shipped to third parties, read by operators): no
// password, session token, TOTP secret, TOTP code or backup code may appear in any log line,
// at any level, nor in an error message a client sees.
import { Writable } from "node:stream";
import { createLogger } from "@access-identity/core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { COMPLETE_SIGN_IN, SIGN_IN } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, PASSWORD, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ core: { log: createLogger({ level: "trace", destination: sink }) } });
});
afterAll(() => api.close());

test("a full journey, mistakes included, logs none of its secrets", async () => {
  const seen: string[] = [PASSWORD];
  const user = await signUpUser(api);
  seen.push(user.token, user.token.split(".")[1]!);
  const { secret, backupCodes } = await enableTotpTwoFactor(api, user);
  seen.push(secret, ...backupCodes);

  // Inline arguments end up in the query text, which yoga would otherwise print with errors.
  await api.gql(`mutation { signIn(input: { email: "${user.email}", password: "${PASSWORD}" }) { nope } }`);
  await api.gql(SIGN_IN, { input: { email: user.email, password: "wrong password 123" } });
  seen.push("wrong password 123");

  const wrong = oathtool(secret, new Date(api.clock.now().getTime() + 600_000));
  const challengeId = await startSignIn(api, user.email);
  const failed = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: wrong } });
  const code = oathtool(secret, api.clock.now());
  const ok = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: code } });
  expect(ok.data.completeSignIn.__typename).toBe("SignedIn");
  const backup = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, user.email), backupCode: backupCodes[0] } });
  seen.push(wrong, code, ok.data.completeSignIn.session.token, backup.data.completeSignIn.session.token);

  const log = lines.join("");
  expect(lines.length).toBeGreaterThan(5);
  for (const secretValue of seen) expect(log).not.toContain(secretValue);
  expect(JSON.stringify(failed)).not.toContain(code);
});
