// The user's own audit trail: every security-relevant change is recorded, newest first, paginated.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { COMPLETE_SIGN_IN } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, signUpUser, startSignIn } from "@access-identity/testing/flows";

const AUDIT = `query($first: Int, $after: String) { auditLog(first: $first, after: $after) {
  edges { cursor node { id at action detail actor { email } subject { email } } } pageInfo { hasNextPage endCursor } } }`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

test("the enrolment flow and a failed code are in the log, newest first, and pages join up", async () => {
  const user = await signUpUser(api);
  await enableTotpTwoFactor(api, user);
  await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, user.email), totpCode: "000000" } });

  const all = await api.gql(AUDIT, { first: 100 }, { token: user.token });
  const actions = all.data.auditLog.edges.map((e: { node: { action: string } }) => e.node.action);
  // (The oldest event: the address verified at sign-up.)
  expect(actions).toEqual(["SECOND_FACTOR_FAILED", "TWO_FACTOR_ENABLED", "BACKUP_CODES_GENERATED", "FACTOR_ADDED", "EMAIL_VERIFIED"]);
  const added = all.data.auditLog.edges[3].node;
  expect(added).toMatchObject({ actor: { email: user.email }, subject: { email: user.email }, detail: "TOTP: Phone" });

  const page1 = await api.gql(AUDIT, { first: 3 }, { token: user.token });
  expect(page1.data.auditLog.pageInfo.hasNextPage).toBe(true);
  const page2 = await api.gql(AUDIT, { first: 3, after: page1.data.auditLog.pageInfo.endCursor }, { token: user.token });
  expect(page2.data.auditLog.pageInfo).toEqual({ hasNextPage: false, endCursor: page2.data.auditLog.edges.at(-1).cursor });
  expect([...page1.data.auditLog.edges, ...page2.data.auditLog.edges].map((e: { node: { id: string } }) => e.node.id)).toEqual(
    all.data.auditLog.edges.map((e: { node: { id: string } }) => e.node.id),
  );
});

test("a user sees only their own events", async () => {
  const a = await signUpUser(api);
  const b = await signUpUser(api);
  await enableTotpTwoFactor(api, a);
  const res = await api.gql(AUDIT, {}, { token: b.token });
  // Only b's own: the verification of b's address at sign-up.
  expect(res.data.auditLog.edges.map((e: { node: unknown }) => e.node)).toEqual([
    expect.objectContaining({ action: "EMAIL_VERIFIED", actor: { email: b.email }, subject: { email: b.email } }),
  ]);
});

test("bad pagination arguments are a client error, not a crash", async () => {
  const user = await signUpUser(api);
  const cursor = (text: string) => Buffer.from(text).toString("base64url");
  for (const variables of [{ first: 0 }, { first: 101 }, { after: "not-a-cursor!" }, { after: cursor("A#b") }, { after: cursor(`EVENT#${"x".repeat(2000)}`) }]) {
    const res = await api.gql(AUDIT, variables, { token: user.token });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  }
});
