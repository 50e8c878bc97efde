import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { writeIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/**
 * The SMS enrolment resend guard (`USER#<userId>` / `SMS_RESEND`): when the user's last enrolment
 * text was sent. Sign-in keeps its own guard on the challenge item.
 */

/** Claims the slot for a send at `nowMs`; false when a text went out after `cutoffMs`. */
export async function claimSmsResendGuard(
  db: Db,
  userId: string,
  claim: { nowMs: number; cutoffMs: number; token: string; expiresAt: number },
): Promise<boolean> {
  return writeIf(
    db,
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.smsEnrolmentResendGuard(userId), type: "smsResendGuard", sentAtMs: claim.nowMs, token: claim.token, expiresAt: claim.expiresAt },
      // Invariant: a user's enrolment texts are at least the resend interval apart, however parallel.
      ConditionExpression: "attribute_not_exists(PK) OR sentAtMs <= :cutoff",
      ExpressionAttributeValues: { ":cutoff": claim.cutoffMs },
    }),
  );
}

/** When the guard's text was sent (epoch ms), if there is one. */
export async function getSmsResendGuardSentAt(db: Db, userId: string): Promise<number | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.smsEnrolmentResendGuard(userId), ConsistentRead: true }));
  return typeof Item?.sentAtMs === "number" ? Item.sentAtMs : undefined;
}

/** Frees the slot after a send that did not happen, so the user may retry at once. */
export async function releaseSmsResendGuard(db: Db, userId: string, token: string): Promise<void> {
  await writeIf(
    db,
    new DeleteCommand({
      TableName: db.table,
      Key: keys.smsEnrolmentResendGuard(userId),
      // Invariant: only our own claim is freed; a later, successful send keeps its guard.
      ConditionExpression: "#token = :token",
      ExpressionAttributeNames: { "#token": "token" },
      ExpressionAttributeValues: { ":token": token },
    }),
  );
}
