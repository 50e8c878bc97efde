import {
  confirmTotpEnrolment,
  createCore,
  createLogger,
  deliverDueOutbox,
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
import type { EmailSender } from "@access-identity/core/email/sender";
import { sesEmailSender } from "@access-identity/core/email/ses-sender";
import { startSesEndpoint, type SesEndpoint } from "./aws/ses-endpoint.js";
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
  /** The loopback SES v2 endpoint the core's emails go to (through the real SES client). */
  mail: SesEndpoint;
  /** Sends every email due from the outbox, as the notifier would. */
  deliverEmails(): Promise<void>;
  close(): Promise<void>;
}

/** The real SES v2 client, pointed at a loopback endpoint: how every test's email leaves. */
export async function loopbackEmail(): Promise<{ mail: SesEndpoint; email: EmailSender }> {
  const mail = await startSesEndpoint();
  const email = sesEmailSender(
    { region: "us-east-1", from: "Access Identity <no-reply@example.test>", endpoint: mail.url, credentials: { accessKeyId: "test", secretAccessKey: "test" } },
    createLogger({ level: "silent" }),
  );
  return { mail, email };
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
  const { mail, email } = await loopbackEmail();
  const deps = createCore(config, { clock, email, ...options.core });
  await ensureTable(deps.db.raw, config.tableName);
  return {
    deps,
    clock,
    mail,
    deliverEmails: async () => {
      await deliverDueOutbox(deps, 100);
    },
    async close() {
      deps.db.raw.destroy();
      await store?.close();
      await mail.close();
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
