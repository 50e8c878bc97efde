// Threat: a cloned authenticator — a copy of the key's private key signs with its own signature
// counter, which falls behind the original's. A counter that does not grow is refused and audited.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { auditActions, completeWithKey, ORIGIN, RP_ID, signInWithKey, startKeySignIn, startSignIn, userWithKey as userWithKeyFor, WEBAUTHN_ENV } from "@access-identity/testing/flows";
import { SoftAuthenticator } from "@access-identity/testing/authenticator";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: WEBAUTHN_ENV });
});
afterAll(() => api.close());

const userWithKey = () => userWithKeyFor(api);

test("a counter going backwards, or standing still, is refused and audited", async () => {
  const { user, key } = await userWithKey();
  const good = await signInWithKey(api, user.email, key, { counter: 10 });
  expect(good.__typename).toBe("SignedIn");

  expect((await signInWithKey(api, user.email, key, { counter: 7 })).__typename).toBe("InvalidCodeError");
  expect((await signInWithKey(api, user.email, key, { counter: 10 })).__typename).toBe("InvalidCodeError");
  expect((await signInWithKey(api, user.email, key, { counter: 0 })).__typename).toBe("InvalidCodeError");

  const actions = await auditActions(api, good.session.token);
  expect(actions.filter((a) => a === "WEBAUTHN_COUNTER_REGRESSION")).toHaveLength(3);
  const detail = (await api.gql(`query { auditLog(first: 1) { edges { node { action detail } } } }`, {}, { token: good.session.token })).data;
  expect(JSON.stringify(detail)).not.toMatch(/signature|publicKey/i);

  // The genuine key, further along, still works.
  expect((await signInWithKey(api, user.email, key, { counter: 11 })).__typename).toBe("SignedIn");
});

test("a forged assertion with a low counter is refused but not audited as a clone", async () => {
  const { user, key } = await userWithKey();
  const good = await signInWithKey(api, user.email, key, { counter: 5 });
  const challengeId = await startSignIn(api, user.email);
  const options = await startKeySignIn(api, challengeId);
  const real = key.authenticate(options, { counter: 2 });
  const otherKey = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  otherKey.register({ challenge: "x", rp: { id: RP_ID }, user: { id: "AAAA" } });
  const forgedSignature = otherKey.authenticate({ ...options, allowCredentials: [] }, { counter: 2 }).response.signature;
  const forged = { ...real, response: { ...real.response, signature: forgedSignature } };
  expect((await completeWithKey(api, challengeId, forged)).__typename).toBe("InvalidCodeError");
  expect(await auditActions(api, good.session.token)).not.toContain("WEBAUTHN_COUNTER_REGRESSION");
});

test("an authenticator without a counter (always 0) keeps working", async () => {
  const { user, key } = await userWithKey();
  for (let i = 0; i < 3; i++) expect((await signInWithKey(api, user.email, key, { counter: 0 })).__typename).toBe("SignedIn");
});
