import { createCore, ensureTable, loadConfig, type CoreOptions, type Deps } from "@access-identity/core";
import { TestClock } from "./clock.js";
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
