import {
  confirmTotpEnrolment,
  createCore,
  enableTwoFactor,
  enforcementForAccount,
  ensureTable,
  generateBackupCodes,
  getAccount,
  loadConfig,
  resolveSession,
  sessionForNewAccount,
  signIn,
  signUp,
  startTotpEnrolment,
  twoFactorStatus,
  type CoreOptions,
  type Deps,
} from "@access-identity/core";
import { TestClock } from "./clock.js";
import { PASSWORD, testRequest, uniqueEmail } from "./identities.js";
import { oathtool } from "./totp.js";
import { startEmbeddedStore, type EmbeddedStore } from "./store/embedded.js";

export interface TestCoreOptions {
  /** Configuration as environment variables, over the test defaults (and process.env, as in production). */
  env?: Record<string, string | undefined>;
  core?: CoreOptions;
}

export interface TestCore {
  deps: Deps;
  clock: TestClock;
  close(): Promise<void>;
}

/** A fixed key, so tests never touch a key file; the value is irrelevant, only its shape is checked. */
export const TEST_ENCRYPTION_KEY = "A".repeat(43) + "=";

/**
 * The core's services as production builds them (`createCore`), over a fresh in-memory store (or
 * AWS_ENDPOINT_URL_DYNAMODB when a test points it at a proxy), with a clock the test moves.
 */
export async function startTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const clock = new TestClock();
  const env: Record<string, string | undefined> = {
    ...process.env,
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    LOG_LEVEL: "silent",
    SMS_PROVIDER: "console",
    ...options.env,
  };
  let store: EmbeddedStore | undefined;
  if (!env.AWS_ENDPOINT_URL_DYNAMODB) {
    store = await startEmbeddedStore();
    env.AWS_ENDPOINT_URL_DYNAMODB = store.endpoint;
  }
  const config = loadConfig(env);
  const deps = createCore(config, { clock, ...options.core });
  await ensureTable(deps.db.raw, config.tableName);
  return {
    deps,
    clock,
    async close() {
      deps.db.raw.destroy();
      await store?.close();
    },
  };
}

/** A new account with TOTP (codes from oathtool), backup codes and 2FA on: the journey, called on core. */
export async function accountWithTwoFactor(core: TestCore, email = uniqueEmail()) {
  const { deps, clock } = core;
  const fresh = async () => (await getAccount(deps, email))!;
  await signUp(deps, { email, password: PASSWORD }, testRequest());
  // Every step is taken by a signed-in caller: the sign-up's own session, as the journey has it.
  const session = await sessionForNewAccount(deps, await fresh());
  const caller = async () => (await resolveSession(deps, session.token))!;
  const { factorId, secret } = await startTotpEnrolment(deps, await caller(), { label: "Phone" }, testRequest());
  await confirmTotpEnrolment(deps, await caller(), { factorId, code: oathtool(secret, clock.now()) });
  const { codes } = await generateBackupCodes(deps, await caller());
  await enableTwoFactor(deps, await caller(), { backupCodesAcknowledged: true });
  // The confirming code's time step is spent; later sign-ins start from the next step.
  clock.advance(30);
  return { email, secret, backupCodes: codes, account: fresh };
}

/** The password step on core; returns the challenge id (the account must have 2FA on). */
export async function passwordStep(core: TestCore, email: string): Promise<string> {
  const outcome = await signIn(core.deps, { email, password: PASSWORD }, testRequest());
  if (outcome.kind !== "secondFactorRequired") throw new Error(`expected a second-factor challenge, got ${outcome.kind}`);
  return outcome.challenge.id;
}

/** How many backup codes the account has left, as the user's status reports it. */
export async function backupCodesRemaining(core: TestCore, email: string): Promise<number> {
  const account = (await getAccount(core.deps, email))!;
  return twoFactorStatus(account, await enforcementForAccount(core.deps, account)).backupCodesRemaining;
}
