import { GetCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Item } from "./batch.js";
import { sendIf, writeIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/**
 * The outbox item (`OUTBOX#<id>` / `OUTBOX`): one email to send, written in the same batch as what
 * it reports (an audit event, a link's token), so it exists exactly when that does. While it is due
 * it carries GSI1 keys (`OUTBOX#DUE` / due time), which the retry sweep queries; sending it, or
 * giving up, removes them. A worker takes a lease with a conditional write before sending, so two
 * workers (the stream and the sweep, two local loops) never both send it.
 */

export type OutboxStatus = "pending" | "sent" | "failed" | "dropped";

export interface OutboxRecord {
  id: string;
  /** A name from email/templates (emailTemplates). */
  template: string;
  to: string;
  /** The template's data as JSON (dates as ISO strings); never a secret. */
  data: Record<string, unknown>;
  /** A link's token, sealed (SecretBox, the item's id as associated data); removed once sent. */
  sealedToken?: string;
  status: OutboxStatus;
  attempts: number;
  /** Epoch milliseconds: not sent before. */
  nextAttemptAt: number;
  /** Epoch milliseconds: the lease of the worker sending it now. */
  leaseUntil?: number;
  createdAt: string;
  sentAt?: string;
  lastError?: string;
  /** Epoch seconds: TTL cleans sent and abandoned items up (pending ones give up long before). */
  expiresAt: number;
}

/** The item to write beside the event or token it belongs to. */
export function outboxItem(record: OutboxRecord): Item {
  return { ...keys.outbox(record.id), ...keys.outboxDue(record.id, record.nextAttemptAt), type: "outbox", ...record };
}

function toOutbox(item: Item | undefined): OutboxRecord | undefined {
  if (!item || item.type !== "outbox") return undefined;
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, type: _t, ...record } = item;
  return record as unknown as OutboxRecord;
}

/** The id an outbox item's key holds (from a stream record or an index entry); undefined for other items. */
export function outboxIdOf(key: { PK?: unknown }): string | undefined {
  return typeof key.PK === "string" && key.PK.startsWith("OUTBOX#") && key.PK !== "OUTBOX#DUE" ? key.PK.slice("OUTBOX#".length) : undefined;
}

export async function readOutbox(db: Db, id: string): Promise<OutboxRecord | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.outbox(id), ConsistentRead: true }));
  return toOutbox(Item);
}

/**
 * Takes the lease on a due item and counts the attempt: the item as leased, or undefined when it
 * is not due, not pending, or leased by another worker.
 */
export async function leaseOutbox(db: Db, id: string, nowMs: number, leaseUntil: number): Promise<OutboxRecord | undefined> {
  const out = await sendIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.outbox(id),
      UpdateExpression: "SET leaseUntil = :until ADD attempts :one",
      // Invariant: one worker at a time sends an item, and only when it is due.
      ConditionExpression: "#status = :pending AND nextAttemptAt <= :now AND (attribute_not_exists(leaseUntil) OR leaseUntil <= :now)",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":until": leaseUntil, ":one": 1, ":pending": "pending", ":now": nowMs },
      ReturnValues: "ALL_NEW",
    }),
  );
  return out && toOutbox(out.attributes as Item);
}

/** Closes a leased item: sent, or given up (failed: refused or out of attempts; dropped: no longer worth sending). */
export async function closeOutbox(
  db: Db,
  id: string,
  leaseUntil: number,
  close: { status: Exclude<OutboxStatus, "pending">; at: string; error?: string },
): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.outbox(id),
      UpdateExpression: `SET #status = :status, ${close.status === "sent" ? "sentAt" : "closedAt"} = :at${close.error ? ", lastError = :error" : ""} REMOVE GSI1PK, GSI1SK, sealedToken, leaseUntil`,
      // Invariant: only the lease holder closes the item.
      ConditionExpression: "leaseUntil = :lease",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":status": close.status, ":at": close.at, ":lease": leaseUntil, ...(close.error ? { ":error": close.error } : {}) },
    }),
  );
}

/** Puts a leased item back to be tried again at `nextAttemptAt` (epoch ms). */
export async function rescheduleOutbox(db: Db, id: string, leaseUntil: number, nextAttemptAt: number, error: string): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.outbox(id),
      UpdateExpression: "SET nextAttemptAt = :next, GSI1SK = :due, lastError = :error REMOVE leaseUntil",
      // Invariant: only the lease holder reschedules the item.
      ConditionExpression: "leaseUntil = :lease",
      ExpressionAttributeValues: { ":next": nextAttemptAt, ":due": keys.outboxDue(id, nextAttemptAt).GSI1SK, ":error": error, ":lease": leaseUntil },
    }),
  );
}

/** Ids of items due by `nowMs`, soonest first, at most `limit`. */
export async function queryDueOutbox(db: Db, nowMs: number, limit: number): Promise<string[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: "GSI1",
      KeyConditionExpression: "GSI1PK = :pk AND GSI1SK <= :upTo",
      ExpressionAttributeValues: { ":pk": keys.outboxDuePartition(), ":upTo": keys.outboxDueUpTo(nowMs) },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((item) => outboxIdOf(item)).filter((id): id is string => id !== undefined);
}
