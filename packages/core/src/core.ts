import { systemClock, type Clock } from "./clock.js";
import type { Config } from "./config.js";
import { SecretBox } from "./crypto/encryption.js";
import { CodeHasher } from "./crypto/hashing.js";
import { createDb } from "./db/client.js";
import { createTxtResolver, type TxtResolver } from "./dns/txt-resolver.js";
import type { Deps } from "./deps.js";
import { createEmailSender } from "./email/create-sender.js";
import type { EmailSender } from "./email/sender.js";
import { OutboxSignal } from "./notifications/signal.js";
import { createLogger, type Logger } from "./logger.js";
import { RateLimiter } from "./rate-limit/limiter.js";
import { createSmsSender, type SmsSender } from "./sms/sender.js";

export interface CoreOptions {
  clock?: Clock;
  log?: Logger;
  onDbRequest?: (operation: string) => void;
  sms?: SmsSender;
  /** Tests may inject a sender; otherwise EMAIL_PROVIDER picks SES or the console. */
  email?: EmailSender;
  dns?: TxtResolver;
}

/** Builds the services once per process (Lambda container or local server). */
export function createCore(config: Config, options: CoreOptions = {}): Deps {
  if (!config.encryptionKeys) throw new Error("ENCRYPTION_KEY is not configured");
  const clock = options.clock ?? systemClock;
  const db = createDb({
    tableName: config.tableName,
    endpoint: config.dynamoEndpoint,
    region: config.region,
    onRequest: options.onDbRequest,
  });
  const log = options.log ?? createLogger();
  return {
    config,
    db,
    clock,
    log,
    limits: config.limits,
    limiter: new RateLimiter(db, clock),
    secretBox: new SecretBox(config.encryptionKeys),
    codeHasher: new CodeHasher(config.encryptionKeys),
    sms: options.sms ?? createSmsSender(config, log),
    email: options.email ?? createEmailSender(config, log),
    outbox: new OutboxSignal(),
    dns: options.dns ?? createTxtResolver(config),
  };
}
