import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { SessionRecord } from "../sessions/session.js";
import type { Item } from "./batch.js";
import { writeIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/**
 * The session item (`SESSION#<id>` / `SESSION`). A sign-in challenge shares the key space and
 * becomes a session in place: that write is in challenges.ts.
 */

/** The session an item holds; undefined for anything else (a challenge not yet answered). */
export function toSession(item: Item | undefined): SessionRecord | undefined {
  if (!item || item.type !== "session") return undefined;
  const { PK: _pk, SK: _sk, ...session } = item;
  return session as unknown as SessionRecord;
}

export async function putSession(db: Db, session: SessionRecord): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.session(session.id), ...session },
      // Invariant: a fresh random id never overwrites another session.
      ConditionExpression: "attribute_not_exists(PK)",
    }),
  );
}

export async function getSession(db: Db, id: string): Promise<SessionRecord | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.session(id), ConsistentRead: true }));
  return toSession(Item);
}

/** Records that the session was used (epoch seconds), for its idle expiry. */
export async function touchSession(db: Db, id: string, now: number): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: keys.session(id),
      UpdateExpression: "SET lastSeenAt = :now",
      ExpressionAttributeValues: { ":now": now },
    }),
  );
}

/** Marks a session revoked: false when there is no such item (nothing to sign out). */
export async function revokeSession(db: Db, id: string): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.session(id),
      UpdateExpression: "SET revoked = :yes",
      // Invariant: signing out never writes a stray item for a session that does not exist.
      ConditionExpression: "attribute_exists(PK)",
      ExpressionAttributeValues: { ":yes": true },
    }),
  );
}
