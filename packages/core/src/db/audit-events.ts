import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { AuditEvent } from "../audit/event.js";
import { batchPut, type Item } from "./batch.js";
import type { Db } from "./client.js";
import { keys, type AuditStream } from "./keys.js";

/**
 * The audit event item (`AUDIT#USER#<id>` or `AUDIT#DOMAIN#<name>` / `EVENT#<evt_id>`): immutable,
 * one copy per stream it belongs to. Ids are ULIDs, so a stream's sort keys sort by time.
 */

function toEvent(item: Item): AuditEvent {
  const { PK: _pk, SK: _sk, type: _t, expiresAt: _e, ...event } = item;
  return event as unknown as AuditEvent;
}

/**
 * Puts one event into each of its streams in one BatchWrite, with `alongside` (the security
 * notification it causes, an outbox item) in the same batch, so the notification exists whenever
 * the event does; what the batch leaves unprocessed is resent (throttling).
 */
export async function putEvents(db: Db, event: AuditEvent, streams: AuditStream[], expiresAt: number, alongside: Item[] = []): Promise<void> {
  await batchPut(db, [...streams.map((stream) => ({ ...keys.auditEvent(stream, event.id), type: "audit", ...event, expiresAt })), ...alongside]);
}

/**
 * Up to `limit` events of a stream, newest first, after the sort key `after` when given; `more`
 * says whether older ones remain (one extra item is read to know).
 */
export async function queryStream(
  db: Db,
  stream: AuditStream,
  page: { limit: number; after?: string },
): Promise<{ events: { sortKey: string; event: AuditEvent }[]; more: boolean }> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
      ExpressionAttributeValues: { ":pk": keys.auditStream(stream), ":prefix": "EVENT#" },
      ScanIndexForward: false,
      Limit: page.limit + 1,
      ExclusiveStartKey: page.after ? { PK: keys.auditStream(stream), SK: page.after } : undefined,
    }),
  );
  const items = out.Items ?? [];
  return {
    events: items.slice(0, page.limit).map((item) => ({ sortKey: String(item.SK), event: toEvent(item) })),
    more: items.length > page.limit,
  };
}

/** One event of a stream by its id (a refetch by global id), or undefined when that stream has no such event. */
export async function getEvent(db: Db, stream: AuditStream, id: string): Promise<AuditEvent | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.auditEvent(stream, id) }));
  return Item ? toEvent(Item) : undefined;
}
