// Threat: step-up that mints sessions. A signed-in user proves a second factor again on the
// session they hold (same token, now AAL2): a step-up challenge must never become a new session
// through completeSignIn, a sign-in challenge must never raise a session, and one session's
// step-up challenge must not raise another's.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { enableTotpTwoFactor, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";
import { addTotp, COMPLETE_SIGN_IN_WITH_DEVICE, COMPLETE_STEP_UP, isSignedIn, REMOVE_FACTOR, signInWithTotp, START_STEP_UP } from "./sessions.fixtures.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function startStepUp(token: string): Promise<string> {
  const res = await api.gql(START_STEP_UP, {}, { token });
  expect(res.data.startStepUp.__typename).toBe("StepUpChallenge");
  return res.data.startStepUp.challenge.id;
}

test("an AAL1 session steps up in place: the same token becomes AAL2 and may then change factors", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const session = await signInWithTotp(api, user.email, secret);
  const spare = await addTotp(api, session.token, "Spare");
  api.clock.advance(11 * 60);
  expect((await api.gql(REMOVE_FACTOR, { input: { factorId: spare.factorId } }, { token: session.token })).data.removeFactor.__typename).toBe(
    "StepUpRequiredError",
  );

  const challengeId = await startStepUp(session.token);
  api.clock.advance(30);
  const res = await api.gql(COMPLETE_STEP_UP, { input: { challengeId, totpCode: oathtool(secret, api.clock.now()) } }, { token: session.token });
  expect(res.data.completeStepUp).toMatchObject({ __typename: "SteppedUp", session: { id: session.id, token: session.token, aal: "AAL2" } });
  expect(new Date(res.data.completeStepUp.session.aal2Until).getTime()).toBeGreaterThan(api.clock.now().getTime());
  expect((await api.gql(REMOVE_FACTOR, { input: { factorId: spare.factorId } }, { token: session.token })).data.removeFactor.__typename).toBe(
    "FactorRemoved",
  );
});

test("a step-up challenge cannot mint a session through completeSignIn, and stays usable for its step-up", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const challengeId = await startStepUp(user.token);
  api.clock.advance(30);
  const code = oathtool(secret, api.clock.now());
  const minted = await api.gql(COMPLETE_SIGN_IN_WITH_DEVICE, { input: { challengeId, totpCode: code } });
  expect(minted.data.completeSignIn.__typename).toBe("ExpiredError");
  // The refusal spent nothing: the same code still steps the session up.
  const res = await api.gql(COMPLETE_STEP_UP, { input: { challengeId, totpCode: code } }, { token: user.token });
  expect(res.data.completeStepUp).toMatchObject({ __typename: "SteppedUp", session: { token: user.token, aal: "AAL2" } });
});

test("a sign-in challenge cannot raise a session, and another session's step-up challenge cannot either", async () => {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  const other = await signInWithTotp(api, user.email, secret);
  api.clock.advance(30);
  const signInChallenge = await startSignIn(api, user.email);
  const code = oathtool(secret, api.clock.now());
  const viaSignIn = await api.gql(COMPLETE_STEP_UP, { input: { challengeId: signInChallenge, totpCode: code } }, { token: user.token });
  expect(viaSignIn.data.completeStepUp.__typename).toBe("ExpiredError");

  const othersChallenge = await startStepUp(other.token);
  const viaOther = await api.gql(COMPLETE_STEP_UP, { input: { challengeId: othersChallenge, totpCode: code } }, { token: user.token });
  expect(viaOther.data.completeStepUp.__typename).toBe("ExpiredError");
  expect((await api.gql(`{ session { aal } }`, {}, { token: user.token })).data.session.aal).toBe("AAL1");
});

test("a step-up challenge is used once; wrong codes count like at sign-in", async () => {
  const user = await signUpUser(api);
  const { secret, backupCodes } = await enableTotpTwoFactor(api, user);
  const challengeId = await startStepUp(user.token);
  const wrong = await api.gql(COMPLETE_STEP_UP, { input: { challengeId, totpCode: "000000" } }, { token: user.token });
  expect(wrong.data.completeStepUp).toMatchObject({ __typename: "InvalidCodeError", attemptsRemaining: 4 });
  const ok = await api.gql(COMPLETE_STEP_UP, { input: { challengeId, backupCode: backupCodes[0] } }, { token: user.token });
  expect(ok.data.completeStepUp.__typename).toBe("SteppedUp");
  api.clock.advance(30);
  const again = await api.gql(COMPLETE_STEP_UP, { input: { challengeId, totpCode: oathtool(secret, api.clock.now()) } }, { token: user.token });
  expect(again.data.completeStepUp.__typename).toBe("ExpiredError");
});

test("without 2FA there is nothing to step up with: NotAllowedError; signed out: UNAUTHENTICATED", async () => {
  const user = await signUpUser(api);
  expect((await api.gql(START_STEP_UP, {}, { token: user.token })).data.startStepUp.__typename).toBe("NotAllowedError");
  const anonymous = await api.gql(START_STEP_UP, {});
  expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  expect(await isSignedIn(api, user.token)).toBe(true);
});
