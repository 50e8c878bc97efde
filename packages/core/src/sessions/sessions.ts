import { sessionStartedAt, type Caller } from "../access/caller.js";
import type { Account } from "../accounts/account.js";
import { domainOf } from "../accounts/email.js";
import { readAccountWithDomain } from "../db/accounts.js";
import * as sessionItems from "../db/sessions.js";
import { toDomain } from "../domains/domain.js";
import { enforcementFor, policyDomainName } from "../domains/policy.js";
import { loadPublicMailDomains } from "../domains/public-mail.js";
import { epochSeconds } from "../clock.js";
import { safeEqual, sha256 } from "../crypto/hashing.js";
import { randomToken } from "../crypto/random.js";
import type { Deps, RequestInfo } from "../deps.js";
import { newId } from "../ids.js";
import { aalNow } from "./aal.js";
import { lastSeenGranularitySeconds } from "./lifetimes.js";
import type { Aal, IssuedSession, SessionAttributes, SessionRecord } from "./session.js";

export type { Caller } from "../access/caller.js";

const TOKEN_PATTERN = /^((?:ses|chl)_[0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/;
/** The longest User-Agent kept with a session: enough to recognise a browser, not a storage channel. */
const USER_AGENT_MAX = 256;

/** Whose session a sign-in opens. */
export type SessionOwner = Pick<Account, "userId" | "email">;

/** The attributes that turn an item into a live session; shared by direct sign-in and challenge completion. */
export function sessionAttributes(
  deps: Deps,
  owner: SessionOwner,
  aal: Aal,
  enrolmentRequired: boolean,
  authStartedAt?: string,
  request?: Pick<RequestInfo, "ip" | "userAgent">,
) {
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
    ipAddress: request?.ip || undefined,
    userAgent: request?.userAgent?.slice(0, USER_AGENT_MAX) || undefined,
  };
  const issue = (id: string): IssuedSession => ({
    id,
    token: `${id}.${secret}`,
    userId: owner.userId,
    email: owner.email,
    aal,
    aal2Until: aalNow(deps, attributes).aal2Until,
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
  request?: Pick<RequestInfo, "ip" | "userAgent">,
): Promise<IssuedSession> {
  const id = newId("ses");
  const { attributes, issue } = sessionAttributes(deps, account, aal, enrolmentRequired, authStartedAt, request);
  await sessionItems.putSession(deps.db, { id, userId: account.userId, email: account.email, ...attributes });
  return issue(id);
}

/**
 * Whether the account item revokes a session: its sign-in was judged before the account's last
 * revocation, and it is not the one session that revocation kept.
 */
export function revokedByAccount(account: Pick<Account, "sessionsValidFrom" | "sessionKept">, session: SessionRecord): boolean {
  if (!account.sessionsValidFrom || session.id === account.sessionKept) return false;
  return sessionStartedAt(session) < account.sessionsValidFrom;
}

/** A session that still answers: not revoked, expired, idle, nor revoked by its account. */
export function isLiveSession(deps: Deps, account: Account, session: SessionRecord): boolean {
  const now = epochSeconds(deps.clock.now());
  if (session.revoked || session.userId !== account.userId) return false;
  if (now >= session.expiresAt || now - session.lastSeenAt >= deps.config.session.idleSeconds) return false;
  return !revokedByAccount(account, session);
}

/**
 * Resolves a bearer token to its session and account, or undefined for anything that is not a
 * live session (malformed, unknown, revoked, expired, idle, or issued before a revocation). Two
 * requests (the session; the account with its domain, or alone on a public mail domain), and at
 * most once per `lastSeenAt` granularity a third that records the use, writing a lapsed AAL2 down
 * as AAL1 with it.
 */
export async function resolveSession(deps: Deps, token: string | undefined): Promise<Caller | undefined> {
  const match = token?.match(TOKEN_PATTERN);
  if (!match || !token) return undefined;
  const [, id, secret] = match as unknown as [string, string, string];
  // The public mail list loads (once per process) while the session is read: the first request
  // after a cold start does not wait for it on top of the read.
  const [stored] = await Promise.all([sessionItems.getSession(deps.db, id), loadPublicMailDomains()]);
  if (!stored || stored.revoked) return undefined;
  if (!safeEqual(stored.tokenHash, sha256(secret))) return undefined;
  const now = epochSeconds(deps.clock.now());
  if (now >= stored.expiresAt || now - stored.lastSeenAt >= deps.config.session.idleSeconds) return undefined;
  // The account and its domain's policy in one round trip: enforcement is judged on every request,
  // never on a cached policy; a public mail domain has none, so only the account is read
  // (policyDomainName says why that keeps enforcement correct).
  const policyDomain = await policyDomainName(domainOf(stored.email));
  const { account, domainItem } = await readAccountWithDomain(deps.db, stored.email, policyDomain);
  if (!account || !isLiveSession(deps, account, stored)) return undefined;
  const level = aalNow(deps, stored);
  if (now - stored.lastSeenAt >= lastSeenGranularitySeconds(deps) || level.lapsed) {
    await sessionItems.touchSession(deps.db, id, now, level.lapsed ? stored.aal2At : undefined);
  }
  const session: SessionRecord = level.lapsed ? { ...stored, aal: "AAL1", aal2At: undefined, lastSeenAt: now } : stored;
  const domain = toDomain(domainItem);
  return { session, account, token, aal2Until: level.aal2Until, domain, enforcement: enforcementFor(domain, account, deps.clock.now()) };
}

/** Signs one session out. One already gone (expired and cleaned up) is signed out already. */
export async function revokeSession(deps: Deps, sessionId: string): Promise<void> {
  await sessionItems.revokeSession(deps.db, sessionId);
}

