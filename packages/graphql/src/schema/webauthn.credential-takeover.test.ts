// Threat: credential takeover — a credential id already owned by one user is registered to another
// account (a shared or stolen key, or a scripted client replaying someone's credential id), which
// would let one key, or one user handle, reach two accounts.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { completePasskey, confirmEnrolment, enrolKey, ORIGIN, RP_ID, signUpUser, startEnrolment, startPasskey, WEBAUTHN_ENV } from "@access-identity/testing/flows";
import { SoftAuthenticator } from "@access-identity/testing/authenticator";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: WEBAUTHN_ENV });
});
afterAll(() => api.close());

test("a credential id already owned by another user cannot be registered, even by two accounts racing", async () => {
  const owner = await signUpUser(api);
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  const { credential } = await enrolKey(api, owner.token, key);

  const intruder = await signUpUser(api);
  const { factorId, options } = await startEnrolment(api, intruder.token);
  const taken = await confirmEnrolment(api, intruder.token, factorId, key.register(options as never, { reuse: credential }).response);
  expect(taken).toMatchObject({ __typename: "ValidationError", field: "response" });
  const factors = await api.gql(`query { me { twoFactor { factors { id } } } }`, {}, { token: intruder.token });
  expect(factors.data.me.twoFactor.factors).toEqual([]);

  // A fresh key registered by two accounts at the same moment ends up on one of them only.
  const shared = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  const [a, b] = [await signUpUser(api), await signUpUser(api)];
  const [startA, startB] = [await startEnrolment(api, a.token), await startEnrolment(api, b.token)];
  const first = shared.register(startA.options as never);
  const second = shared.register(startB.options as never, { reuse: first.credential });
  const results = await Promise.all([
    confirmEnrolment(api, a.token, startA.factorId, first.response),
    confirmEnrolment(api, b.token, startB.factorId, second.response),
  ]);
  expect(results.map((r) => r.__typename).sort()).toEqual(["FactorConfirmed", "ValidationError"]);
});

test("a passkey whose user handle is not its account's is refused", async () => {
  const owner = await signUpUser(api);
  const key = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  await enrolKey(api, owner.token, key);
  const other = await signUpUser(api);
  const otherHandle = (await startEnrolment(api, other.token)).options.user.id;
  const swapped = key.authenticate(await startPasskey(api), { userHandle: otherHandle });
  expect((await completePasskey(api, swapped)).__typename).toBe("InvalidCodeError");
  const none = key.authenticate(await startPasskey(api), { userHandle: null });
  expect((await completePasskey(api, none)).__typename).toBe("InvalidCodeError");
  // An unknown credential id reveals nothing more than "not recognised".
  const stranger = new SoftAuthenticator({ origin: ORIGIN, rpId: RP_ID });
  stranger.register({ challenge: "x", rp: { id: RP_ID }, user: { id: otherHandle } });
  const unknown = await completePasskey(api, stranger.authenticate(await startPasskey(api)));
  expect(unknown).toMatchObject({ __typename: "InvalidCodeError", message: expect.stringContaining("not recognised") });
});
