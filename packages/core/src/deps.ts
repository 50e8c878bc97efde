import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { CodeHasher } from "./crypto/hashing.js";
import type { SecretBox } from "./crypto/encryption.js";
import type { Db } from "./db/client.js";
import type { EmailSender } from "./email/sender.js";
import type { OutboxSignal } from "./notifications/signal.js";
import type { TxtResolver } from "./dns/txt-resolver.js";
import type { Logger } from "./logger.js";
import type { RateLimiter } from "./rate-limit/limiter.js";
import type { Limits } from "./rate-limit/limits.js";
import type { SmsSender } from "./sms/sender.js";

/** The services core functions are given explicitly; built once per process in `createCore`. */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  log: Logger;
  limits: Limits;
  limiter: RateLimiter;
  secretBox: SecretBox;
  codeHasher: CodeHasher;
  sms: SmsSender;
  email: EmailSender;
  /** Told of every outbox item written, so an in-process deliverer (locally) sends it at once. */
  outbox: OutboxSignal;
  dns: TxtResolver;
}

/** Who is asking, as far as the transport knows: used for per-IP limits and audit. */
export interface RequestInfo {
  /** The client's address as seen: for audit and the session list. */
  ip: string;
  /**
   * What per-address limits count by: `ip`, except that an IPv6 address counts as its /64 and an
   * IPv4-mapped one as its IPv4 address (one subscriber holds a whole /64). Limits use this, never `ip`.
   */
  ipKey: string;
  requestId: string;
  userAgent?: string;
}
