import type { Account } from "../accounts/account.js";
import { domainOf } from "../accounts/email.js";
import { readAccountWithDomain } from "../db/accounts.js";
import * as sessionItems from "../db/sessions.js";
import { toDomain, type DomainRecord } from "../domains/domain.js";
import { enforcementFor, type Enforcement } from "../domains/policy.js";
import { epochSeconds } from "../clock.js";
import { safeEqual, sha256 } from "../crypto/hashing.js";
import { randomToken } from "../crypto/random.js";
import type { Deps } from "../deps.js";
import { StepUpRequiredError } from "../errors.js";
import { newId } from "../ids.js";
import { STEP_UP_SECONDS, type Aal, type IssuedSession, type SessionAttributes, type SessionRecord } from "./session.js";

const TOKEN_PATTERN = /^((?:ses|chl)_[0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/;
// Idle expiry is tracked to the minute; writing lastSeenAt on every request would double the cost of reads.
const LAST_SEEN_GRANULARITY_SECONDS = 60;

/** The attributes that turn an item into a live session; shared by direct sign-in and challenge completion. */
export function sessionAttributes(deps: Deps, aal: Aal, enrolmentRequired: boolean, authStartedAt?: string) {
  const now = deps.clock.now();
  const secret = randomToken(32);
  const attributes: SessionAttributes = {
    type: "session",
    tokenHash: sha256(secret),
    aal,
    aal2At: aal === "AAL2" ? now.toISOString() : undefined,
    createdAt: now.toISOString(),
    authStartedAt: authStartedAt ?? now.toISOString(),
    expiresAt: epochSeconds(now) + deps.config.session.absoluteSeconds,
    lastSeenAt: epochSeconds(now),
    enrolmentRequired,
  };
  const issue = (id: string): IssuedSession => ({
    token: `${id}.${secret}`,
    aal,
    expiresAt: new Date(attributes.expiresAt * 1000),
    enrolmentRequired,
  });
  return { attributes, issue };
}

export async function createSession(
  deps: Deps,
  account: Account,
  aal: Aal,
  enrolmentRequired: boolean,
  authStartedAt?: string,
): Promise<IssuedSession> {
  const id = newId("ses");
  const { attributes, issue } = sessionAttributes(deps, aal, enrolmentRequired, authStartedAt);
  await sessionItems.putSession(deps.db, { id, userId: account.userId, email: account.email, ...attributes });
  return issue(id);
}

export interface Caller {
  session: SessionRecord;
  account: Account;
  /** The caller's domain record, read with the account. */
  domain?: DomainRecord;
  /** The caller's domain's 2FA policy as it stands now (a deadline can pass during a session). */
  enforcement: Enforcement;
}

/**
 * Resolves a bearer token to its session and account, or undefined for anything that is not a
 * live session (malformed, unknown, revoked, expired, idle, or issued before a revocation).
 */
export async function resolveSession(deps: Deps, token: string | undefined): Promise<Caller | undefined> {
  const match = token?.match(TOKEN_PATTERN);
  if (!match) return undefined;
  const [, id, secret] = match as unknown as [string, string, string];
  const session = await sessionItems.getSession(deps.db, id);
  if (!session || session.revoked) return undefined;
  if (!safeEqual(session.tokenHash, sha256(secret))) return undefined;
  const now = epochSeconds(deps.clock.now());
  if (now >= session.expiresAt || now - session.lastSeenAt >= deps.config.session.idleSeconds) return undefined;
  // The account and its domain's policy in one round trip: enforcement is judged on every request.
  const { account, domainItem } = await readAccountWithDomain(deps.db, session.email, domainOf(session.email));
  if (!account || account.userId !== session.userId) return undefined;
  if (account.sessionsValidFrom && (session.authStartedAt ?? session.createdAt) < account.sessionsValidFrom) return undefined;
  if (now - session.lastSeenAt >= LAST_SEEN_GRANULARITY_SECONDS) await sessionItems.touchSession(deps.db, id, now);
  const domain = toDomain(domainItem);
  return { session, account, domain, enforcement: enforcementFor(domain, account, deps.clock.now()) };
}

/** Signs one session out. One already gone (expired and cleaned up) is signed out already. */
export async function revokeSession(deps: Deps, sessionId: string): Promise<void> {
  await sessionItems.revokeSession(deps.db, sessionId);
}

/** Sensitive changes need a second factor proved on this session within the last ten minutes. */
export function requireRecentAal2(deps: Deps, session: SessionRecord): void {
  const provedAt = session.aal2At ? Date.parse(session.aal2At) : NaN;
  const age = (deps.clock.now().getTime() - provedAt) / 1000;
  if (session.aal !== "AAL2" || !(age <= STEP_UP_SECONDS)) throw new StepUpRequiredError();
}
