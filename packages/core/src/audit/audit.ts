import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { UserRef } from "../accounts/account.js";
import { epochSeconds } from "../clock.js";
import { batchPut } from "../db/batch.js";
import { keys, type AuditStream } from "../db/keys.js";
import type { Deps } from "../deps.js";
import { newId } from "../ids.js";
import { ValidationError } from "../errors.js";

export const auditActions = [
  "FACTOR_ADDED",
  "FACTOR_REMOVED",
  "FACTOR_RENAMED",
  "TWO_FACTOR_ENABLED",
  "TWO_FACTOR_DISABLED",
  "TWO_FACTOR_RESET",
  "BACKUP_CODES_GENERATED",
  "BACKUP_CODE_USED",
  "SECOND_FACTOR_FAILED",
  "SECOND_FACTOR_LOCKED",
  "WEBAUTHN_COUNTER_REGRESSION",
  "DOMAIN_CLAIMED",
  "DOMAIN_VERIFIED",
  "DOMAIN_POLICY_CHANGED",
  "DOMAIN_OWNER_ADDED",
  "DOMAIN_OWNER_REMOVED",
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEvent {
  id: string;
  at: string;
  action: AuditAction;
  actor?: UserRef;
  subject?: UserRef;
  /** Human-readable context (a factor's label, an admin's reason). Never a secret. */
  detail?: string;
}

const RETENTION_SECONDS = 400 * 24 * 3600;

/**
 * Appends one event to each stream it belongs to: the subject's own log, and the domain's log
 * for domain actions. Events are immutable and ids sort by time, so newest-first is a reverse Query.
 */
export async function recordAudit(
  deps: Deps,
  event: Omit<AuditEvent, "id" | "at">,
  streams: AuditStream[],
): Promise<AuditEvent> {
  const now = deps.clock.now();
  const full: AuditEvent = { id: newId("evt"), at: now.toISOString(), ...event };
  // One write per stream. Under throttling AWS may take some and hand the others back, so batchPut
  // resends those until every stream has the event (or gives up with a retryable error).
  await batchPut(
    deps.db,
    streams.map((stream) => ({ ...keys.auditEvent(stream, full.id), type: "audit", ...full, expiresAt: epochSeconds(now) + RETENTION_SECONDS })),
  );
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
  const out = await deps.db.doc.send(
    new QueryCommand({
      TableName: deps.db.table,
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
      ExpressionAttributeValues: { ":pk": keys.auditStream(stream), ":prefix": "EVENT#" },
      ScanIndexForward: false,
      Limit: limit + 1,
      ExclusiveStartKey: after ? { PK: keys.auditStream(stream), SK: after } : undefined,
    }),
  );
  const items = (out.Items ?? []).slice(0, limit).map((item) => {
    const { PK: _pk, SK, type: _t, expiresAt: _e, ...event } = item;
    return { cursor: encodeCursor(SK as string), node: event as AuditEvent };
  });
  const hasNextPage = (out.Items?.length ?? 0) > limit;
  return { items, hasNextPage, endCursor: items.at(-1)?.cursor ?? null };
}
