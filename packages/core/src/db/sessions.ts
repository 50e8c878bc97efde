import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { SessionRecord } from "../sessions/session.js";
import { batchGet, type Item } from "./batch.js";
import { writeIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/**
 * The session item (`SESSION#<id>` / `SESSION`), also keyed on GSI1 under its user
 * (`USER#<userId>` / `SESSION#<createdAt>#<id>`) while it is not revoked, so its owner can list
 * it. A sign-in challenge shares the key space and becomes a session in place: that write is in
 * challenges.ts.
 */

/** The session an item holds; undefined for anything else (a challenge not yet answered). */
export function toSession(item: Item | undefined): SessionRecord | undefined {
  if (!item || item.type !== "session") return undefined;
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, ...session } = item;
  return session as unknown as SessionRecord;
}

export async function putSession(db: Db, session: SessionRecord): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.session(session.id), ...keys.userSession(session.userId, session.createdAt, session.id), ...session },
      // Invariant: a fresh random id never overwrites another session.
      ConditionExpression: "attribute_not_exists(PK)",
    }),
  );
}

export async function getSession(db: Db, id: string): Promise<SessionRecord | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.session(id), ConsistentRead: true }));
  return toSession(Item);
}

/**
 * Records that the session was used (epoch seconds), for its idle expiry. With `lapsedAal2At`, the
 * AAL2 proven at that moment has lapsed and is written down as AAL1 in the same request.
 */
export async function touchSession(db: Db, id: string, now: number, lapsedAal2At?: string): Promise<void> {
  if (lapsedAal2At === undefined) {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.session(id),
        UpdateExpression: "SET lastSeenAt = :now",
        ExpressionAttributeValues: { ":now": now },
      }),
    );
    return;
  }
  await writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.session(id),
      UpdateExpression: "SET lastSeenAt = :now, aal = :aal1 REMOVE aal2At",
      // Invariant: only the proof judged lapsed is demoted; a step-up that landed meanwhile stands.
      ConditionExpression: "aal2At = :lapsed",
      ExpressionAttributeValues: { ":now": now, ":aal1": "AAL1", ":lapsed": lapsedAal2At },
    }),
  );
}

/**
 * Marks a session revoked and takes it out of its user's list: false when there is no such
 * session, or (with `userId`) it is someone else's.
 */
export async function revokeSession(db: Db, id: string, userId?: string): Promise<boolean> {
  const own = userId !== undefined;
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.session(id),
      UpdateExpression: "SET revoked = :yes REMOVE GSI1PK, GSI1SK",
      // Invariants: signing out never writes a stray item for a session that does not exist; a
      // user revokes only their own sessions (not a challenge, not anyone else's).
      ConditionExpression: own ? "attribute_exists(PK) AND userId = :userId AND #type = :session" : "attribute_exists(PK)",
      ExpressionAttributeNames: own ? { "#type": "type" } : undefined,
      ExpressionAttributeValues: { ":yes": true, ...(own ? { ":userId": userId, ":session": "session" } : {}) },
    }),
  );
}

/** Raises a session to AAL2 after a step-up: false when it is no longer a live, unrevoked session. */
export async function writeSessionSteppedUp(db: Db, id: string, aal2At: string, now: number): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.session(id),
      UpdateExpression: "SET aal = :aal2, aal2At = :aal2At, lastSeenAt = :now",
      // Invariant: a step-up never revives a revoked, expired or vanished session.
      ConditionExpression: "#type = :session AND attribute_not_exists(revoked) AND expiresAt > :now",
      ExpressionAttributeNames: { "#type": "type" },
      ExpressionAttributeValues: { ":aal2": "AAL2", ":aal2At": aal2At, ":now": now, ":session": "session" },
    }),
  );
}

/**
 * One page of a user's session ids from GSI1, newest first. Only keys are read from the index (so
 * it works whatever GSI1 projects); `readSessions` then reads the items themselves, consistently.
 */
export async function queryUserSessionIds(
  db: Db,
  userId: string,
  page: { limit: number; after?: string },
): Promise<{ entries: { sortKey: string; id: string }[]; last?: string }> {
  const partition = keys.userSessionsPartition(userId);
  const after = page.after ? sessionIdOfSortKey(page.after) : undefined;
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: "GSI1",
      KeyConditionExpression: "GSI1PK = :pk AND begins_with(GSI1SK, :prefix)",
      ExpressionAttributeValues: { ":pk": partition, ":prefix": "SESSION#" },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: after && page.after ? { GSI1PK: partition, GSI1SK: page.after, ...keys.session(after) } : undefined,
    }),
  );
  const entries = (out.Items ?? []).map((item) => ({ sortKey: String(item.GSI1SK), id: sessionIdOfSortKey(String(item.GSI1SK)) ?? "" }));
  return { entries, last: out.LastEvaluatedKey ? String(out.LastEvaluatedKey.GSI1SK) : undefined };
}

export function sessionIdOfSortKey(sortKey: string): string | undefined {
  return sortKey.match(/^SESSION#\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z#((?:ses|chl)_[0-9a-z]{26})$/)?.[1];
}

/** Sessions by id in one round trip, in the order asked (undefined where gone or not a session). */
export async function readSessions(db: Db, ids: string[]): Promise<(SessionRecord | undefined)[]> {
  if (ids.length === 0) return [];
  return (await batchGet(db, ids.map((id) => keys.session(id)))).map(toSession);
}
