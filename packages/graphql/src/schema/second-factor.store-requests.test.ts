// Cost: what the second step asks of the store, per path, counted by the SDK middleware core
// installs for `onDbRequest` (as scripts/bench/db-requests.ts counts). The consecutive-failure lock
// (lockout.ts) rides on writes the step already makes where it can: a right TOTP code resets the
// count in the very write that spends its time step.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { enableTotpTwoFactor, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { COMPLETE_SIGN_IN } from "@access-identity/testing/operations";
import { oathtool } from "@access-identity/testing/totp";

let api: TestApi;
let operations: string[] = [];
beforeAll(async () => {
  api = await startTestApi({ core: { onDbRequest: (operation: string) => operations.push(operation) } });
});
afterAll(() => api.close());

async function count(run: () => Promise<unknown>): Promise<Record<string, number>> {
  operations = [];
  await run();
  const byOperation: Record<string, number> = { total: operations.length };
  for (const op of operations) byOperation[op] = (byOperation[op] ?? 0) + 1;
  return byOperation;
}

const complete = (challengeId: string, proof: Record<string, string>) => api.gql(COMPLETE_SIGN_IN, { input: { challengeId, ...proof } });
const COMPLETE_NO_USER = `mutation($input: CompleteSignInInput!) { completeSignIn(input: $input) { __typename ... on SignedIn { session { token } } ... on Error { message } } }`;

test("store requests of the second step, per path", async () => {
  const user = await signUpUser(api);
  const { secret, backupCodes } = await enableTotpTwoFactor(api, user);

  const right = await startSignIn(api, user.email);
  const totpRight = await count(() => api.gql(COMPLETE_NO_USER, { input: { challengeId: right, totpCode: oathtool(secret, api.clock.now()) } }));
  const wrongAt = await startSignIn(api, user.email);
  const totpWrong = await count(() => complete(wrongAt, { totpCode: oathtool(secret, api.clock.now()) === "000000" ? "999999" : "000000" }));
  const backupAt = await startSignIn(api, user.email);
  const backup = await count(() => api.gql(COMPLETE_NO_USER, { input: { challengeId: backupAt, backupCode: backupCodes[0] } }));

  // Before the lock: 5, 5 and 6 requests. A right TOTP code: read the challenge, reserve the unit, spend the step (which also resets the
  // count), turn the challenge into the session and give the unit back: 5, none added by the lock.
  expect(totpRight).toEqual({ total: 5, GetItem: 1, UpdateItem: 4 });
  // A wrong one: + one UpdateItem (ADD to the count), in parallel with the challenge's attempt count.
  expect(totpWrong).toEqual({ total: 6, GetItem: 2, UpdateItem: 3, BatchWriteItem: 1 });
  // A backup code: + one UpdateItem (clear the count), in parallel with the session write.
  expect(backup).toEqual({ total: 7, GetItem: 1, UpdateItem: 5, BatchWriteItem: 1 });
});
