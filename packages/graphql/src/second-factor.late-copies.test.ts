// Threat to the user, not by an attacker: a client that sends the second step twice (a
// double-click, a retry after a timeout, React's doubled effect). A copy that arrives after the
// right proof was used must be told so, must not count as a wrong guess, and must never cost the
// request that won its sign-in. The faulty proxy holds the winner's session write so the copies
// land in exactly that window.
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { startSmsTestApi, type TestApi } from "@access-identity/testing/api";
import { type FaultyProxy, sessionWriteOf, startProxiedStore } from "@access-identity/testing/store";
import { COMPLETE_SIGN_IN } from "@access-identity/testing/operations";
import { e164, enableSmsTwoFactor, passwordStep, sendSignInSms, signUpFrom, startKeySignIn, startSignIn, uniqueMobile, userWithKey, WEBAUTHN_ENV } from "@access-identity/testing/flows";
import { type SnsEndpoint } from "@access-identity/testing/sns";

let proxy: FaultyProxy;
let sns: SnsEndpoint;
let closeApi: () => Promise<void>;
let api: TestApi;
beforeAll(async () => {
  proxy = await startProxiedStore();
  ({ api, sns, close: closeApi } = await startSmsTestApi({ env: { ...WEBAUTHN_ENV, AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint } }));
});
beforeEach(() => {
  proxy.decide = () => undefined;
});
afterAll(async () => {
  await closeApi();
  await proxy.close();
});

/**
 * What six late copies are told they have left: none is counted against the challenge (5 left),
 * but each keeps its unit of the account's budget of 10 (the first request gave its own back as
 * it signed in), so the sixth has only 4 left in the budget.
 */
const LATE_COPIES_REMAINING = [5, 5, 5, 5, 5, 4];

/**
 * Sends `input` once and holds its session write; once that write reaches the store, sends
 * `copies` more of the same (one after another), then lets the first one finish.
 */
async function withLateCopies(input: Record<string, unknown>, copies: number) {
  const sessionWrite = proxy.holdNext(sessionWriteOf(input.challengeId as string));
  const first = api.gql(COMPLETE_SIGN_IN, { input });
  await sessionWrite.reached;
  const late = [];
  for (let i = 0; i < copies; i++) late.push((await api.gql(COMPLETE_SIGN_IN, { input })).data.completeSignIn);
  sessionWrite.release();
  return { first: (await first).data.completeSignIn, late };
}

test("SMS: copies of the right code sent while the first is signing in are told it was used, and the first signs in", async () => {
  const user = await signUpFrom(api);
  const phone = uniqueMobile();
  await enableSmsTwoFactor(api, sns, user, phone);
  const { id: challengeId } = await passwordStep(api, user);
  await sendSignInSms(api, challengeId, { ip: user.ip });
  const smsCode = sns.lastCodeFor(e164(phone));

  const { first, late } = await withLateCopies({ challengeId, smsCode }, 6);
  expect(late).toEqual(
    LATE_COPIES_REMAINING.map((attemptsRemaining) => ({ __typename: "InvalidCodeError", message: "That code was already used. Ask for a new one.", attemptsRemaining })),
  );
  expect(first.__typename).toBe("SignedIn");
});

test("WebAuthn: copies of the same assertion sent while the first is signing in are told it was used, and the first signs in", async () => {
  const { user, key } = await userWithKey(api);
  const challengeId = await startSignIn(api, user.email);
  const webAuthnResponse = key.authenticate((await startKeySignIn(api, challengeId)) as never);

  const { first, late } = await withLateCopies({ challengeId, webAuthnResponse }, 6);
  expect(late).toEqual(
    LATE_COPIES_REMAINING.map((attemptsRemaining) => ({
      __typename: "InvalidCodeError",
      message: "That security key prompt was already answered. Try again.",
      attemptsRemaining,
    })),
  );
  expect(first.__typename).toBe("SignedIn");
});

test("WebAuthn: a start sent twice (a double-click) gives one challenge, so the key answers the one the server holds", async () => {
  const { user, key } = await userWithKey(api);
  const challengeId = await startSignIn(api, user.email);
  const [one, two] = await Promise.all([startKeySignIn(api, challengeId), startKeySignIn(api, challengeId)]);
  expect(two.challenge).toBe(one.challenge);
  // Later starts while it is unanswered, one after another, get it too.
  expect((await startKeySignIn(api, challengeId)).challenge).toBe(one.challenge);
  const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, webAuthnResponse: key.authenticate(one as never) } });
  expect(res.data.completeSignIn.__typename).toBe("SignedIn");
});

test("WebAuthn: once a challenge was answered wrongly, a new start gives a new challenge", async () => {
  const { user, key } = await userWithKey(api);
  const challengeId = await startSignIn(api, user.email);
  const options = await startKeySignIn(api, challengeId);
  const forged = key.authenticate(options as never, { origin: "https://evil.example" });
  const wrong = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, webAuthnResponse: forged } });
  expect(wrong.data.completeSignIn).toMatchObject({ __typename: "InvalidCodeError", attemptsRemaining: 4 });
  const again = await startKeySignIn(api, challengeId);
  expect(again.challenge).not.toBe(options.challenge);
  const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, webAuthnResponse: key.authenticate(again as never) } });
  expect(res.data.completeSignIn.__typename).toBe("SignedIn");
});

test("SMS: if the session write fails after the code was used, a new code can be sent at once", async () => {
  const user = await signUpFrom(api);
  const phone = uniqueMobile();
  await enableSmsTwoFactor(api, sns, user, phone);
  const { id: challengeId } = await passwordStep(api, user);
  await sendSignInSms(api, challengeId, { ip: user.ip });
  const sessionWrite = sessionWriteOf(challengeId);
  proxy.decide = (operation, body) => (sessionWrite(operation, body) ? "unavailable" : undefined);
  const failed = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, smsCode: sns.lastCodeFor(e164(phone)) } });
  expect(failed.data.completeSignIn.__typename).toBe("ServiceUnavailableError");
  proxy.decide = () => undefined;

  // No 30-second wait: the code it would hold back for was already used.
  expect((await sendSignInSms(api, challengeId, { ip: user.ip })).data.sendSignInSmsCode.__typename).toBe("SmsCodeSent");
  const res = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, smsCode: sns.lastCodeFor(e164(phone)) } });
  expect(res.data.completeSignIn.__typename).toBe("SignedIn");
});

test("WebAuthn: forgeries naming a challenge already answered are wrong guesses, counted and audited, not 'already used'", async () => {
  // Someone with the password starts the key step and sends made-up assertions that name its
  // challenge: only a genuine copy of a real answer may be refused as spent.
  const { user, key } = await userWithKey(api);
  const challengeId = await startSignIn(api, user.email);
  const options = await startKeySignIn(api, challengeId);
  const forged = () => {
    const response = key.authenticate(options as never) as { response: { signature: string } };
    response.response.signature = Buffer.from("not a signature").toString("base64url");
    return response;
  };
  const outcomes = [];
  for (let i = 0; i < 3; i++) outcomes.push((await api.gql(COMPLETE_SIGN_IN, { input: { challengeId, webAuthnResponse: forged() } })).data.completeSignIn);
  // Refused as wrong (not spent), in words for a key rather than a code.
  const message = "That security key's answer was not accepted. Try again with a key registered on this account.";
  expect(outcomes).toEqual([4, 3, 2].map((attemptsRemaining) => ({ __typename: "InvalidCodeError", message, attemptsRemaining })));
  const log = await api.gql(`{ auditLog(first: 10) { edges { node { action } } } }`, {}, { token: user.token });
  expect(log.data.auditLog.edges.filter((e: { node: { action: string } }) => e.node.action === "SECOND_FACTOR_FAILED")).toHaveLength(3);
});

test("SMS: of two copies that both read the unused code, the one that loses the write to spend it is told it was used", async () => {
  const user = await signUpFrom(api);
  const phone = uniqueMobile();
  await enableSmsTwoFactor(api, sns, user, phone);
  const { id: challengeId } = await passwordStep(api, user);
  await sendSignInSms(api, challengeId, { ip: user.ip });
  const input = { challengeId, smsCode: sns.lastCodeFor(e164(phone)) };

  // The first copy has read the code and is about to spend it; the second overtakes it.
  const firstSpend = proxy.holdNext((operation, body) => operation === "UpdateItem" && body.includes(`SESSION#${challengeId}`) && body.includes("usedAtMs"));
  const first = api.gql(COMPLETE_SIGN_IN, { input });
  await firstSpend.reached;
  const second = (await api.gql(COMPLETE_SIGN_IN, { input })).data.completeSignIn;
  firstSpend.release();
  expect(second.__typename).toBe("SignedIn");
  expect((await first).data.completeSignIn).toEqual({
    __typename: "InvalidCodeError",
    message: "That code was already used. Ask for a new one.",
    attemptsRemaining: 5,
  });
});
