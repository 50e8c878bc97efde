import { epochSeconds } from "../clock.js";
import { randomToken } from "../crypto/random.js";
import { putEmailToken, readEmailToken, type EmailTokenPurpose, type EmailTokenRecord } from "../db/email-tokens.js";
import type { Deps, RequestInfo } from "../deps.js";
import type { EmailTemplateName } from "../email/templates/index.js";
import { newOutboxItem } from "../notifications/outbox.js";
import type { Limit } from "../rate-limit/limits.js";

/**
 * The links emailed to prove an address (verification, password reset): a random token (32 bytes)
 * that goes into the link and nowhere else, stored only as its keyed hash under a label of its own
 * purpose (a verification token is never a reset token), used up by a conditional write.
 */

/** What randomToken(32) makes: 43 base64url characters. Anything else is not one of ours. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Longer than this is refused before anything is hashed or looked up. */
export const MAX_TOKEN_INPUT = 512;

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

function hashLabel(purpose: EmailTokenPurpose): string {
  return `email-link/${purpose}`;
}

/** The global daily email budget (EMAIL_DAILY_LIMIT) for emails a stranger can cause. */
export function emailDailyBudget(deps: Deps): Limit {
  return { ...deps.limits.emailGlobalDay, max: deps.config.email.dailyLimit };
}

/** A stored token found by the raw one, under any key of the ring; undefined when unknown. */
export async function findLinkToken(
  deps: Deps,
  purpose: EmailTokenPurpose,
  token: string,
): Promise<{ hash: string; record: EmailTokenRecord } | undefined> {
  for (const hash of deps.codeHasher.candidates(hashLabel(purpose), token)) {
    const record = await readEmailToken(deps.db, hash);
    if (record?.purpose === purpose) return { hash, record };
  }
  return undefined;
}

export function isLinkExpired(deps: Deps, record: EmailTokenRecord): boolean {
  return epochSeconds(deps.clock.now()) >= record.expiresAt;
}

export interface LinkEmail {
  purpose: EmailTokenPurpose;
  template: Extract<EmailTemplateName, "verifyEmailAddress" | "resetPassword">;
  email: string;
  /** The account the link acts on; none for a reset asked for an unknown address (nothing is sent). */
  userId?: string;
  ttlSeconds: number;
  request: RequestInfo;
}

/**
 * Makes a token and writes it with the email carrying its link (an outbox item, the token sealed
 * in it) in one BatchWrite; delivery happens from the outbox, so the provider's latency and
 * failures are never the request's. Without an account the token is written all the same (a decoy
 * nobody holds) and no email: the same hashing and the same store round trip either way.
 */
export async function sendLinkEmail(deps: Deps, link: LinkEmail): Promise<{ expiresAt: Date }> {
  const now = deps.clock.now();
  const token = randomToken(32);
  const hash = deps.codeHasher.hash(hashLabel(link.purpose), token);
  const expiresAt = epochSeconds(now) + link.ttlSeconds;
  const record: EmailTokenRecord = { purpose: link.purpose, userId: link.userId, email: link.email, createdAt: now.toISOString(), expiresAt };
  const request = { at: now.toISOString(), ip: link.request.ip, userAgent: link.request.userAgent };
  const email = link.userId
    ? newOutboxItem(deps, { template: link.template, to: link.email, data: { expiresAt: new Date(expiresAt * 1000).toISOString(), request }, token })
    : undefined;
  await putEmailToken(deps.db, hash, record, email?.item);
  if (email) deps.outbox.written([email.id]);
  return { expiresAt: new Date(expiresAt * 1000) };
}
