import { systemClock, type Clock } from "./clock.js";
import type { Config } from "./config.js";
import { SecretBox } from "./crypto/encryption.js";
import { CodeHasher } from "./crypto/hashing.js";
import { createDb } from "./db/client.js";
import type { Deps } from "./deps.js";
import { createLogger, type Logger } from "./logger.js";
import { RateLimiter } from "./rate-limit/limiter.js";
import { loadLimits } from "./rate-limit/limits.js";

export interface CoreOptions {
  clock?: Clock;
  log?: Logger;
  onDbRequest?: (operation: string) => void;
}

/** Builds the services once per process (Lambda container or local server). */
export function createCore(config: Config, options: CoreOptions = {}): Deps {
  if (!config.encryptionKey) throw new Error("ENCRYPTION_KEY is not configured");
  const clock = options.clock ?? systemClock;
  const db = createDb({
    tableName: config.tableName,
    endpoint: config.dynamoEndpoint,
    region: config.region,
    onRequest: options.onDbRequest,
  });
  return {
    config,
    db,
    clock,
    log: options.log ?? createLogger(),
    limits: loadLimits(),
    limiter: new RateLimiter(db, clock),
    secretBox: new SecretBox(config.encryptionKey),
    codeHasher: new CodeHasher(config.encryptionKey),
  };
}
