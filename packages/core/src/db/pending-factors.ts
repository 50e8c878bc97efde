import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { FactorKind } from "../accounts/account.js";
import type { SmsPendingData } from "../factors/sms/data.js";
import type { TotpPendingData } from "../factors/totp/data.js";
import type { WebAuthnPendingData } from "../factors/webauthn/data.js";
import { sendIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/**
 * The pending factor item (`USER#<userId>` / `PENDING#<factorId>`): a factor being enrolled. It
 * exists only until confirmed, and only for a few minutes (checked in code: dynalite never expires).
 */
interface PendingCommon {
  id: string;
  userId: string;
  label: string;
  createdAt: string;
  /** Epoch seconds. */
  expiresAt: number;
  attempts: number;
}

/** `data` is typed by `kind`, as on a confirmed factor. */
export type PendingFactor =
  | (PendingCommon & { kind: "TOTP"; data: TotpPendingData })
  | (PendingCommon & { kind: "SMS"; data: SmsPendingData })
  | (PendingCommon & { kind: "WEBAUTHN"; data: WebAuthnPendingData });

export type PendingOfKind<K extends FactorKind> = Extract<PendingFactor, { kind: K }>;

export async function putPendingFactor(db: Db, pending: PendingFactor): Promise<void> {
  // No condition: the factor id is freshly minted, so nothing can be overwritten.
  await db.doc.send(
    new PutCommand({ TableName: db.table, Item: { ...keys.pendingFactor(pending.userId, pending.id), type: "pendingFactor", ...pending } }),
  );
}

/** The user's pending factor of this kind, as stored (lifetime and attempts are judged by the caller). */
export async function getPendingFactor<K extends FactorKind>(
  db: Db,
  userId: string,
  factorId: string,
  kind: K,
): Promise<PendingOfKind<K> | undefined> {
  const { Item } = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.pendingFactor(userId, factorId), ConsistentRead: true }),
  );
  if (!Item || Item.type !== "pendingFactor" || Item.kind !== kind) return undefined;
  const { PK: _pk, SK: _sk, type: _type, ...pending } = Item;
  return pending as PendingOfKind<K>;
}

/** Counts a wrong code: the attempts made so far, or undefined when none were left (or it is gone). */
export async function failPendingAttempt(db: Db, userId: string, factorId: string, maxAttempts: number): Promise<number | undefined> {
  const out = await sendIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.pendingFactor(userId, factorId),
      UpdateExpression: "ADD attempts :one",
      // Invariant: at most maxAttempts wrong codes per enrolment, however parallel.
      ConditionExpression: "attribute_exists(PK) AND attempts < :max",
      ExpressionAttributeValues: { ":one": 1, ":max": maxAttempts },
      ReturnValues: "UPDATED_NEW",
    }),
  );
  return out?.attributes?.attempts as number | undefined;
}

export async function deletePendingFactor(db: Db, userId: string, factorId: string): Promise<void> {
  // No condition: deleting an enrolment that is already gone changes nothing.
  await db.doc.send(new DeleteCommand({ TableName: db.table, Key: keys.pendingFactor(userId, factorId) }));
}
