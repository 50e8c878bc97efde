// Threat: a session revoked by the victim's credential change keeps itself alive with a change of
// its own that was already under way (its request was authenticated just before the revocation
// landed): "keep the current session" must not resurrect a session the account already revoked.
// The caller is resolved first, the victim's change lands, then the attacker's change runs: exactly
// the interleaving a race produces, made deterministic.
import { afterAll, beforeAll, expect, test } from "vitest";
import { changePassword, NotSignedInError, resolveSession, signOutEverywhere } from "@access-identity/core";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { enableTotpTwoFactor, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { PASSWORD } from "@access-identity/testing/identities";
import { oathtool } from "@access-identity/testing/totp";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const COMPLETE = `mutation($input: CompleteSignInInput!) { completeSignIn(input: $input) { ... on SignedIn { session { token } } } }`;
const REMOVE = `mutation($input: RemoveFactorInput!) { removeFactor(input: $input) { __typename } }`;
const ENROL = `mutation($input: StartTotpEnrolmentInput) { startTotpEnrolment(input: $input) { ... on TotpEnrolment { factorId secret } } }`;
const CONFIRM = `mutation($input: ConfirmTotpEnrolmentInput!) { confirmTotpEnrolment(input: $input) { __typename } }`;

async function signInWithTotp(email: string, secret: string): Promise<string> {
  api.clock.advance(30);
  const res = await api.gql(COMPLETE, { input: { challengeId: await startSignIn(api, email), totpCode: oathtool(secret, api.clock.now()) } });
  return res.data.completeSignIn.session.token;
}

test("an attacker's change authenticated before the victim's revocation cannot keep the attacker's session", async () => {
  const user = await signUpUser(api);
  const stolen = await enableTotpTwoFactor(api, user);
  const attacker = await signInWithTotp(user.email, stolen.secret);
  const victim = await signInWithTotp(user.email, stolen.secret);
  const { factorId, secret } = (await api.gql(ENROL, { input: { label: "Own" } }, { token: victim })).data.startTotpEnrolment;
  await api.gql(CONFIRM, { input: { factorId, code: oathtool(secret, api.clock.now()) } }, { token: victim });
  const deps = api.deps;

  // The attacker's request is authenticated...
  const attackerCaller = await resolveSession(deps, attacker);
  expect(attackerCaller).toBeDefined();
  // ...then the victim takes the stolen factor back, which revokes every other session...
  expect((await api.gql(REMOVE, { input: { factorId: stolen.factorId } }, { token: victim })).data.removeFactor.__typename).toBe("FactorRemoved");
  // ...then the attacker's changes land: each is refused, and nothing the victim holds is lost.
  await expect(changePassword(deps, attackerCaller!, { currentPassword: PASSWORD, newPassword: "the attacker's passphrase" }, { ip: "198.51.100.9", ipKey: "198.51.100.9", requestId: "r" })).rejects.toThrow(NotSignedInError);
  await expect(signOutEverywhere(deps, attackerCaller!, { keepCurrent: true })).rejects.toThrow(NotSignedInError);
  expect(await resolveSession(deps, attacker)).toBeUndefined();
  expect(await resolveSession(deps, victim)).toBeDefined();
});
