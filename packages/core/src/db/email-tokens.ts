import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { batchPut, type Item } from "./batch.js";
import { writeIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/**
 * The email-link token item (`EMAILTOKEN#<hash>` / `EMAILTOKEN`): a verification or password-reset
 * link's token, stored only as its keyed hash (crypto/hashing.ts, a label per purpose). Kept after
 * use (`usedAt`), so a reused link is told apart from an unknown one, until TTL cleans it up.
 */

export type EmailTokenPurpose = "verifyEmail" | "passwordReset";

export interface EmailTokenRecord {
  purpose: EmailTokenPurpose;
  /** The account it was made for; absent on the decoy a reset for an unknown address writes. */
  userId?: string;
  email: string;
  createdAt: string;
  /** Epoch seconds; checked in code and in the consuming write (also the TTL attribute). */
  expiresAt: number;
  usedAt?: string;
}

/** The item to write (with the email it is sent by, in one batch). */
export function emailTokenItem(hash: string, record: EmailTokenRecord): Item {
  return { ...keys.emailToken(hash), type: "emailToken", ...record };
}

/** Writes a token and the email that carries its link in one BatchWrite (what it leaves unprocessed is resent). */
export async function putEmailToken(db: Db, hash: string, record: EmailTokenRecord, email?: Item): Promise<void> {
  await batchPut(db, [emailTokenItem(hash, record), ...(email ? [email] : [])]);
}

export async function readEmailToken(db: Db, hash: string): Promise<EmailTokenRecord | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.emailToken(hash), ConsistentRead: true }));
  if (!Item || Item.type !== "emailToken") return undefined;
  const { PK: _pk, SK: _sk, type: _t, ...record } = Item;
  return record as EmailTokenRecord;
}

/** Uses a token up: false when it was used already (raced), has expired, or is not for this purpose. */
export async function useEmailToken(db: Db, hash: string, purpose: EmailTokenPurpose, at: Date): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.emailToken(hash),
      UpdateExpression: "SET usedAt = :at",
      // Invariant: each link works once, before it expires, for its own purpose only, even raced.
      ConditionExpression: "attribute_exists(PK) AND purpose = :purpose AND attribute_not_exists(usedAt) AND expiresAt > :now",
      ExpressionAttributeValues: { ":at": at.toISOString(), ":purpose": purpose, ":now": Math.floor(at.getTime() / 1000) },
    }),
  );
}
