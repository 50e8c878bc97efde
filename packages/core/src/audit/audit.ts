import { epochSeconds } from "../clock.js";
import { getEvent, putEvents, queryStream } from "../db/audit-events.js";
import type { AuditStream } from "../db/keys.js";
import type { Deps } from "../deps.js";
import { hasPrefix, newId } from "../ids.js";
import { ValidationError } from "../errors.js";
import { newOutboxItem } from "../notifications/outbox.js";
import { securityNotice } from "../notifications/security.js";
import type { AuditEvent } from "./event.js";
import { currentRequestOrigin } from "./request-scope.js";

export { auditActions, type AuditAction, type AuditEvent } from "./event.js";
export { withRequestOrigin, type RequestOrigin } from "./request-scope.js";

const RETENTION_SECONDS = 400 * 24 * 3600;

/**
 * Appends one event to each stream it belongs to: the subject's own log, and the domain's log
 * for domain actions. Events are immutable and ids sort by time, so newest-first is a reverse Query.
 * An event the subject is emailed about (notifications/security.ts) writes its email into the
 * outbox in the same batch, with the request's IP and user agent when known, so a provider outage
 * loses no notification and never fails the action: delivery happens later, from the outbox.
 */
export async function recordAudit(
  deps: Deps,
  event: Omit<AuditEvent, "id" | "at">,
  streams: AuditStream[],
): Promise<AuditEvent> {
  const now = deps.clock.now();
  const full: AuditEvent = { id: newId("evt"), at: now.toISOString(), ...event };
  const notice = securityNotice(full, currentRequestOrigin());
  const email = notice && newOutboxItem(deps, notice);
  await putEvents(deps.db, full, streams, epochSeconds(now) + RETENTION_SECONDS, email ? [email.item] : []);
  if (email) deps.outbox.written([email.id]);
  deps.log.info({ event: "audit", action: full.action, actor: full.actor?.id, subject: full.subject?.id }, "audit event");
  return full;
}

export function userStream(userId: string): AuditStream {
  return { kind: "user", id: userId };
}

export function domainStream(name: string): AuditStream {
  return { kind: "domain", id: name };
}

export interface Page<T> {
  items: { cursor: string; node: T }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return 20;
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new ValidationError("first must be between 1 and 100.", "first");
  return first;
}

/** An audit cursor names the last event seen; anything else is refused before it reaches a key. */
export function decodeCursor(after: string | null | undefined, field = "after"): string | undefined {
  if (!after) return undefined;
  const decoded = after.length <= 64 ? Buffer.from(after, "base64url").toString("utf8") : "";
  if (!/^EVENT#evt_[0-9a-z]{26}$/.test(decoded)) throw new ValidationError("That cursor is not valid.", field);
  return decoded;
}

export function encodeCursor(sortKey: string): string {
  return Buffer.from(sortKey, "utf8").toString("base64url");
}

/** A stream's events, newest first, as a Relay page. */
export async function readAudit(
  deps: Deps,
  stream: AuditStream,
  args: { first?: number | null; after?: string | null },
): Promise<Page<AuditEvent>> {
  const limit = pageSize(args.first);
  const after = decodeCursor(args.after);
  const { events, more } = await queryStream(deps.db, stream, { limit, after });
  const items = events.map(({ sortKey, event }) => ({ cursor: encodeCursor(sortKey), node: event }));
  return { items, hasNextPage: more, endCursor: items.at(-1)?.cursor ?? null };
}

/** One event of a stream by its id; undefined for an id that is not an event id or not in that stream. */
export async function findAuditEvent(deps: Deps, stream: AuditStream, id: string): Promise<AuditEvent | undefined> {
  // Anything that is not one of our ids never reaches a key.
  if (!hasPrefix(id, "evt")) return undefined;
  return getEvent(deps.db, stream, id);
}
