// Threat: a dependency failing — DynamoDB throttling or an outage. The SDK retries where it
// should, the user gets a clean retryable error, and no half-written state is left behind (no
// session without its challenge consumed, no account half-made).
import { domainStream, readAudit, userStream } from "@access-identity/core";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { type FaultyProxy, sessionWriteOf, startProxiedStore } from "@access-identity/testing/store";
import { COMPLETE_SIGN_IN, SIGN_IN, SIGN_UP } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, PASSWORD, signUpUser, startSignIn, uniqueEmail } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";

let proxy: FaultyProxy;
let api: TestApi;
beforeAll(async () => {
  proxy = await startProxiedStore();
  api = await startTestApi({ env: { AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint } });
});
beforeEach(() => {
  proxy.decide = () => undefined;
  proxy.faultsServed = 0;
});
afterAll(async () => {
  await api.close();
  await proxy.close();
});

test("throttling is retried by the SDK: the user never sees it", async () => {
  let throttles = 2;
  proxy.decide = (operation) => (operation === "PutItem" && throttles-- > 0 ? "throttle" : undefined);
  const res = await api.gql(SIGN_UP, { input: { email: uniqueEmail(), password: PASSWORD } });
  expect(res.data.signUp.__typename).toBe("SignedIn");
  expect(proxy.faultsServed).toBe(2);
});

test("an outage gives a clean retryable error, nothing half-made, and a retry works once it is over", async () => {
  const email = uniqueEmail();
  proxy.decide = (operation) => (operation === "PutItem" ? "unavailable" : undefined);
  const down = await api.gql(SIGN_UP, { input: { email, password: PASSWORD } });
  expect(down.data.signUp).toEqual({ __typename: "ServiceUnavailableError", message: expect.stringMatching(/try again/i) });
  expect(proxy.faultsServed).toBeGreaterThan(1); // retried before giving up
  expect(JSON.stringify(down)).not.toMatch(/InternalServerError|stack|\.ts:/);

  proxy.decide = () => undefined;
  expect((await api.gql(SIGN_UP, { input: { email, password: PASSWORD } })).data.signUp.__typename).toBe("SignedIn");
});

test("a query during an outage is a SERVICE_UNAVAILABLE error without internals", async () => {
  const user = await signUpUser(api);
  proxy.decide = () => "unavailable";
  const res = await api.gql(`{ me { email } }`, {}, { token: user.token });
  expect(res.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
  expect(res.errors?.[0]?.message).toMatch(/try again/i);
  expect(JSON.stringify(res.errors)).not.toMatch(/InternalServerError|stack|\.ts:/);
});

test("if the session cannot be written, the challenge is not consumed and yields exactly one session later", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  // Fail only the write that turns the challenge into a session.
  const sessionWrite = sessionWriteOf(challengeId);
  proxy.decide = (operation, body) => (sessionWrite(operation, body) ? "unavailable" : undefined);
  const failed = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(secret, api.clock.now()) } });
  expect(failed.data.completeSignIn.__typename).toBe("ServiceUnavailableError");

  proxy.decide = () => undefined;
  api.clock.advance(30); // that code's step was spent; the app shows the next one
  const retried = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(secret, api.clock.now()) } });
  expect(retried.data.completeSignIn.__typename).toBe("SignedIn");
  const again = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(secret, api.clock.now()) } });
  expect(again.data.completeSignIn.__typename).toBe("ExpiredError");
  expect((await api.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } })).data.signIn.__typename).toBe("SecondFactorRequired");
});

test("right codes racing a slow session write are not guesses: they cannot use up the challenge under the winner", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const challengeId = await startSignIn(api, user.email);
  const code = oathtool(secret, api.clock.now());
  // Hold the winner's session write until the seven copies that lost the code have all answered.
  const sessionWrite = proxy.holdNext(sessionWriteOf(challengeId));
  const requests = Array.from({ length: 8 }, () => api.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: code } }));
  let answered = 0;
  for (const request of requests) void request.then(() => ++answered === 7 && sessionWrite.release());
  const outcomes = (await Promise.all(requests)).map((r) => r.data.completeSignIn);
  expect(outcomes.filter((o) => o.__typename === "SignedIn")).toHaveLength(1);
  const losers = outcomes.filter((o) => o.__typename === "InvalidCodeError");
  expect(losers).toEqual(Array.from({ length: 7 }, () => ({ __typename: "InvalidCodeError", message: expect.stringMatching(/already used/), attemptsRemaining: expect.any(Number) })));
  // Each is told min(5 left on the challenge, what the account's budget of 10 has left), and the
  // budget's share depends on when the winner gave its unit back: at least 2, never more than 5.
  for (const loser of losers) expect(loser.attemptsRemaining).toBeGreaterThanOrEqual(2);
  for (const loser of losers) expect(loser.attemptsRemaining).toBeLessThanOrEqual(5);
});

test("an audit event AWS only partly takes under throttling is resent until it is in every stream it belongs to", async () => {
  const user = await signUpUser(api, uniqueEmail("audit-throttle.test"));
  // A claim's event goes to the user's log and the domain's: the batch writes one and hands the other back.
  let unprocessed = 1;
  proxy.decide = (operation) => (operation === "BatchWriteItem" && unprocessed-- > 0 ? "unprocessed" : undefined);
  const claim = await api.gql(`mutation($input: ClaimDomainInput!) { claimDomain(input: $input) { __typename } }`, { input: { name: "audit-throttle.test" } }, { token: user.token });
  expect(claim.data.claimDomain.__typename).toBe("DomainClaim");
  expect(proxy.faultsServed).toBe(1);

  const deps = api.deps;
  const inUserLog = (await readAudit(deps, userStream(user.userId), {})).items.map((i) => i.node);
  const inDomainLog = (await readAudit(deps, domainStream("audit-throttle.test"), {})).items.map((i) => i.node);
  // (The user's log begins with their address's verification at sign-up.)
  expect(inUserLog.map((e) => e.action)).toEqual(["DOMAIN_CLAIMED", "EMAIL_VERIFIED"]);
  expect(inDomainLog).toEqual(inUserLog.slice(0, 1));
});
