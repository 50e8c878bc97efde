// Threat: a session left open (a shared computer, a stolen laptop) keeps AAL2 for its whole life.
// AAL2 lapses to AAL1 after SESSION_AAL2_SECONDS (12 h) from the proof, or SESSION_AAL2_IDLE_SECONDS
// (1 h) without a request (NIST SP 800-63B-4); the session lives on at AAL1 and can step up again.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { enableTotpTwoFactor, signUpUser } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";
import { COMPLETE_STEP_UP, signInWithTotp, START_STEP_UP } from "./sessions.fixtures.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const SESSION = `{ session { aal aal2Until } }`;
const aalOf = async (token: string) => (await api.gql(SESSION, {}, { token })).data.session;

async function aal2Session() {
  const user = await signUpUser(api);
  const { secret } = await enableTotpTwoFactor(api, user);
  return { secret, ...(await signInWithTotp(api, user.email, secret)) };
}

test("an hour without a request lapses AAL2 to AAL1; the session itself lives on", async () => {
  const { token } = await aal2Session();
  const before = await aalOf(token);
  expect(before.aal).toBe("AAL2");
  expect(new Date(before.aal2Until).getTime() - api.clock.now().getTime()).toBeLessThanOrEqual(3600 * 1000);
  api.clock.advance(3600);
  expect(await aalOf(token)).toEqual({ aal: "AAL1", aal2Until: null });
  // Written down: the request that found it lapsed does not let the next one revive it.
  api.clock.advance(5);
  expect((await aalOf(token)).aal).toBe("AAL1");
});

test("requests keep AAL2 alive, but never past 12 hours from the proof", async () => {
  const { token } = await aal2Session();
  for (let elapsed = 0; elapsed < 12 * 3600 - 1800; elapsed += 1800) {
    api.clock.advance(1800);
    expect((await aalOf(token)).aal).toBe("AAL2");
  }
  api.clock.advance(1800);
  expect((await aalOf(token)).aal).toBe("AAL1");
});

test("a lapsed session steps up in place and holds AAL2 again", async () => {
  const { token, secret } = await aal2Session();
  api.clock.advance(3601);
  expect((await aalOf(token)).aal).toBe("AAL1");
  const challengeId = (await api.gql(START_STEP_UP, {}, { token })).data.startStepUp.challenge.id;
  const res = await api.gql(COMPLETE_STEP_UP, { input: { challengeId, totpCode: oathtool(secret, api.clock.now()) } }, { token });
  expect(res.data.completeStepUp.session.aal).toBe("AAL2");
  expect((await aalOf(token)).aal).toBe("AAL2");
});
