// Cost: what the second step asks of the store, per path, counted by the SDK middleware core
// installs for `onDbRequest` (as scripts/bench/db-requests.ts counts). The second-factor budget and
// the consecutive-failure lock ride on writes the step already makes: a right TOTP code is checked
// against both, and resets the count, in the very write that spends its time step.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { enableTotpTwoFactor, PASSWORD, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { COMPLETE_SIGN_IN, SIGN_IN } from "@access-identity/testing/operations";
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

  // A right TOTP code: read the challenge, spend the step (a write that also checks the account's
  // second-factor budget and resets the consecutive-failure count), turn the challenge into the session.
  expect(totpRight).toEqual({ total: 3, GetItem: 1, UpdateItem: 2 });
  // A wrong one: read the live account (is the challenge stale?), take a unit of the budget (which also
  // counts the consecutive failure), then count it on the challenge while the failure is audited.
  expect(totpWrong).toEqual({ total: 5, GetItem: 2, UpdateItem: 2, BatchWriteItem: 1 });
  // A backup code: spend it (budget checked in the same write), audit its use, then turn the challenge
  // into the session while the consecutive-failure count is cleared.
  expect(backup).toEqual({ total: 5, GetItem: 1, UpdateItem: 3, BatchWriteItem: 1 });
});

test("store requests of the password step with 2FA on", async () => {
  const user = await signUpUser(api);
  await enableTotpTwoFactor(api, user);
  const passwordStep = await count(() => api.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } }));
  // One BatchGet (the account with its second-factor budget, the address's failure window), the
  // address's and the account's units taken in parallel, then the challenge written while the
  // address's unit is given back: 5 requests in 3 round trips.
  expect(passwordStep).toEqual({ total: 5, BatchGetItem: 1, UpdateItem: 3, PutItem: 1 });
});
