// Threat: a user cannot see or end a session someone else opened on their account, or can see and
// end other users' sessions. `sessions` lists the caller's own live sessions (newest first, with
// where they were opened); `revokeSession` ends one of them and answers NotAllowedError, revealing
// nothing, for anyone else's; `signOutEverywhere` ends them all.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer as startTestApi, type TestServer as TestApi } from "@access-identity/testing/server";
import { signUpUser } from "@access-identity/testing/flows";
import { PASSWORD } from "@access-identity/testing/identities";
import { isSignedIn, REVOKE_SESSION, SESSION, SESSIONS, SIGN_IN_WITH_DEVICE, SIGN_OUT_EVERYWHERE } from "./sessions.fixtures.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function signInAgain(email: string, ip?: string): Promise<{ id: string; token: string }> {
  api.clock.advance(1);
  const res = await api.gql(SIGN_IN_WITH_DEVICE, { input: { email, password: PASSWORD } }, { ip });
  return res.data.signIn.session;
}

test("the caller's live sessions, newest first, with where they were opened; the current one is marked", async () => {
  const user = await signUpUser(api);
  const second = await signInAgain(user.email, "203.0.113.7");
  const third = await signInAgain(user.email);
  const res = await api.gql(SESSIONS, {}, { token: second.token });
  const nodes = res.data.sessions.edges.map((e: { node: Record<string, unknown> }) => e.node);
  expect(nodes.map((n: { id: string }) => n.id)).toEqual([third.id, second.id, user.token.split(".")[0]]);
  expect(nodes.map((n: { current: boolean }) => n.current)).toEqual([false, true, false]);
  expect(nodes[1]).toMatchObject({ aal: "AAL1", aal2Until: null, ipAddress: "203.0.113.7" });
  expect((await api.gql(SESSION, {}, { token: second.token })).data.session).toMatchObject({ id: second.id, current: true, ipAddress: "203.0.113.7" });
  expect((await api.gql(SESSION, {})).data.session).toBeNull();

  const page = await api.gql(SESSIONS, { first: 2 }, { token: second.token });
  expect(page.data.sessions.pageInfo.hasNextPage).toBe(true);
  const rest = await api.gql(SESSIONS, { first: 2, after: page.data.sessions.pageInfo.endCursor }, { token: second.token });
  expect(rest.data.sessions.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([user.token.split(".")[0]]);
  expect(rest.data.sessions.pageInfo.hasNextPage).toBe(false);
});

test("the User-Agent of a real HTTP request is recorded with the session", async () => {
  const user = await signUpUser(api);
  const response = await fetch(`${api.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "SecurityPageTest/1.0" },
    body: JSON.stringify({ query: SIGN_IN_WITH_DEVICE, variables: { input: { email: user.email, password: PASSWORD } } }),
  });
  const { token } = ((await response.json()) as { data: { signIn: { session: { token: string } } } }).data.signIn.session;
  expect((await api.gql(SESSION, {}, { token })).data.session.userAgent).toBe("SecurityPageTest/1.0");
});

test("revoking one's own session ends it; someone else's session id is NotAllowedError and stays live", async () => {
  const user = await signUpUser(api);
  const stranger = await signUpUser(api);
  const other = await signInAgain(user.email);
  const refused = await api.gql(REVOKE_SESSION, { input: { sessionId: other.id } }, { token: stranger.token });
  expect(refused.data.revokeSession.__typename).toBe("NotAllowedError");
  const unknown = await api.gql(REVOKE_SESSION, { input: { sessionId: "ses_00000000000000000000000000" } }, { token: stranger.token });
  expect(unknown.data.revokeSession).toEqual(refused.data.revokeSession);
  expect(await isSignedIn(api, other.token)).toBe(true);

  const revoked = await api.gql(REVOKE_SESSION, { input: { sessionId: other.id } }, { token: user.token });
  expect(revoked.data.revokeSession).toEqual({ __typename: "SessionRevoked", sessionId: other.id });
  expect(await isSignedIn(api, other.token)).toBe(false);
  const listed = await api.gql(SESSIONS, {}, { token: user.token });
  expect(listed.data.sessions.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(other.id);
});

test("signing out everywhere ends every session (but the current one when asked) and counts them", async () => {
  const user = await signUpUser(api);
  const a = await signInAgain(user.email);
  const b = await signInAgain(user.email);
  const kept = await api.gql(SIGN_OUT_EVERYWHERE, { input: { keepCurrent: true } }, { token: a.token });
  expect(kept.data.signOutEverywhere).toEqual({ __typename: "SignedOutEverywhere", revokedCount: 2 });
  expect([await isSignedIn(api, user.token), await isSignedIn(api, a.token), await isSignedIn(api, b.token)]).toEqual([false, true, false]);
  const c = await signInAgain(user.email);
  const all = await api.gql(SIGN_OUT_EVERYWHERE, { input: {} }, { token: a.token });
  expect(all.data.signOutEverywhere.revokedCount).toBe(2);
  expect([await isSignedIn(api, a.token), await isSignedIn(api, c.token)]).toEqual([false, false]);
});
