import type { Caller } from "../access/caller.js";
import { userRef } from "../accounts/account.js";
import { pageSize, recordAudit, userStream, type Page } from "../audit/audit.js";
import { writeSessionsRevoked } from "../db/accounts.js";
import * as sessionItems from "../db/sessions.js";
import type { Deps } from "../deps.js";
import { NotAllowedError, NotSignedInError, ValidationError } from "../errors.js";
import { aalNow } from "./aal.js";
import { revokeAll, revokeOthers } from "./revocation.js";
import { isLiveSession } from "./sessions.js";
import type { SessionInfo, SessionRecord } from "./session.js";

/** How many index pages one `sessions` page may read past dead entries (revoked by the account, expired, idle). */
const MAX_INDEX_PAGES = 5;
const SESSION_ID = /^(?:ses|chl)_[0-9a-z]{26}$/;

export function sessionInfo(deps: Deps, session: SessionRecord, current: boolean): SessionInfo {
  const level = aalNow(deps, session);
  return {
    id: session.id,
    current,
    aal: level.aal,
    aal2Until: level.aal2Until,
    createdAt: new Date(session.createdAt),
    lastSeenAt: new Date(session.lastSeenAt * 1000),
    expiresAt: new Date(session.expiresAt * 1000),
    ipAddress: session.ipAddress,
    userAgent: session.userAgent,
  };
}

/** The caller's own session, as its list shows it. */
export function currentSessionInfo(deps: Deps, caller: Caller): SessionInfo {
  return { ...sessionInfo(deps, caller.session, true), aal: caller.session.aal, aal2Until: caller.aal2Until };
}

function decodeSessionCursor(after: string | null | undefined): string | undefined {
  if (!after) return undefined;
  const decoded = after.length <= 128 ? Buffer.from(after, "base64url").toString("utf8") : "";
  if (!sessionItems.sessionIdOfSortKey(decoded)) throw new ValidationError("That cursor is not valid.", "after");
  return decoded;
}

const encodeCursor = (sortKey: string) => Buffer.from(sortKey, "utf8").toString("base64url");

/**
 * The caller's live sessions, newest first: ids from GSI1 (USER#<userId>), then the items
 * themselves in one consistent BatchGet per index page, judged as a request would judge them.
 */
export async function listSessions(deps: Deps, caller: Caller, args: { first?: number | null; after?: string | null }): Promise<Page<SessionInfo>> {
  const limit = pageSize(args.first);
  let after = decodeSessionCursor(args.after);
  const live: { sortKey: string; info: SessionInfo }[] = [];
  let more = true;
  for (let page = 0; page < MAX_INDEX_PAGES && more && live.length <= limit; page++) {
    const { entries, last } = await sessionItems.queryUserSessionIds(deps.db, caller.account.userId, { limit: limit + 1, after });
    const sessions = await sessionItems.readSessions(deps.db, entries.map((e) => e.id));
    entries.forEach((entry, i) => {
      const session = sessions[i];
      if (!session || !isLiveSession(deps, caller.account, session)) return;
      const current = session.id === caller.session.id;
      live.push({ sortKey: entry.sortKey, info: current ? currentSessionInfo(deps, caller) : sessionInfo(deps, session, false) });
    });
    after = last;
    more = last !== undefined;
  }
  const items = live.slice(0, limit).map(({ sortKey, info }) => ({ cursor: encodeCursor(sortKey), node: info }));
  // Stopped early on a run of dead entries: the cursor moves past them, so the next page goes on from there.
  const endSortKey = live.length > limit ? live[limit - 1]?.sortKey : (after ?? live.at(-1)?.sortKey);
  return { items, hasNextPage: live.length > limit || more, endCursor: endSortKey ? encodeCursor(endSortKey) : (items.at(-1)?.cursor ?? null) };
}

/** One of the caller's own live sessions by id (Query.node); anyone else's, or none, is undefined alike. */
export async function ownSessionInfo(deps: Deps, caller: Caller, sessionId: string): Promise<SessionInfo | undefined> {
  if (!SESSION_ID.test(sessionId)) return undefined;
  if (sessionId === caller.session.id) return currentSessionInfo(deps, caller);
  const session = await sessionItems.getSession(deps.db, sessionId);
  if (!session || session.userId !== caller.account.userId || !isLiveSession(deps, caller.account, session)) return undefined;
  return sessionInfo(deps, session, false);
}

/**
 * Signs one of the caller's sessions out. Someone else's session, or none at all, is refused with
 * the same NotAllowedError: the answer reveals nothing about other users' sessions.
 */
export async function revokeOwnSession(deps: Deps, caller: Caller, input: { sessionId: string }): Promise<{ sessionId: string }> {
  const refusal = "No such session of yours.";
  if (!SESSION_ID.test(input.sessionId)) throw new NotAllowedError(refusal);
  if (!(await sessionItems.revokeSession(deps.db, input.sessionId, caller.account.userId))) throw new NotAllowedError(refusal);
  return { sessionId: input.sessionId };
}

/**
 * Ends every session of the caller (but the current one with `keepCurrent`) and their known
 * devices, with one write to the account item: sessions still being written are caught too.
 * `revokedCount` is the live sessions that write ended.
 */
export async function signOutEverywhere(deps: Deps, caller: Caller, input: { keepCurrent?: boolean | null }): Promise<{ revokedCount: number }> {
  const keepCurrent = input.keepCurrent === true;
  const live: SessionInfo[] = [];
  for (let after: string | null = null; ; ) {
    const page = await listSessions(deps, caller, { first: 100, after });
    live.push(...page.items.map((edge) => edge.node));
    if (!page.hasNextPage || !page.endCursor) break;
    after = page.endCursor;
  }
  const revocation = keepCurrent ? revokeOthers(deps, caller, { devices: true }) : revokeAll(deps);
  if (!(await writeSessionsRevoked(deps.db, caller.account, revocation))) throw new NotSignedInError();
  if (!keepCurrent) await sessionItems.revokeSession(deps.db, caller.session.id);
  const revokedCount = live.filter((s) => !(keepCurrent && s.current)).length;
  const who = userRef(caller.account);
  await recordAudit(deps, { action: "SIGNED_OUT_EVERYWHERE", actor: who, subject: who, detail: `${revokedCount} sessions` }, [userStream(who.id)]);
  return { revokedCount };
}
