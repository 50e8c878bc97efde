import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { updateIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/**
 * The account's consecutive failed second-factor proofs (NIST SP 800-63B 5.2.2): one number
 * attribute, `secondFactorFailures`, on the account item. A wrong proof adds one with `ADD` (exact
 * however many arrive at once), in the write that takes a unit of the second-factor budget for it
 * (`countRefusedProof`, second-factor-budget.ts); any success removes it. The lock is a condition, not a stored flag:
 * TOTP and SMS successes are written only while the count is under the limit, with the reset folded
 * into the write they make anyway (`consumeTotpStep`, `markFactorUsed`), so a right code of a locked
 * factor is refused by the very write that would have spent it.
 */
export const FAILURES = "secondFactorFailures";

/** Condition fragment, with `:lockAfter` bound: the account's TOTP and SMS factors are not locked. */
export const NOT_LOCKED = `(attribute_not_exists(${FAILURES}) OR ${FAILURES} < :lockAfter)`;

/** Update fragment: a success starts the count again. */
export const RESET_FAILURES = `REMOVE ${FAILURES}`;

/** The count as read from an account item (spread into `Account` by toAccount), 0 when none. */
export function failuresOf(item: object | undefined): number {
  const value = (item as Record<string, unknown> | undefined)?.[FAILURES];
  return typeof value === "number" ? value : 0;
}

/** Starts the count again after a backup code or a security key; the count it cleared (0 when none). */
export async function clearFailures(db: Db, account: { email: string; userId: string }): Promise<number> {
  const attributes = await updateIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(account.email),
      UpdateExpression: RESET_FAILURES,
      // Invariant: only this user's account is touched (never one re-created under the same email).
      ConditionExpression: "userId = :userId",
      ExpressionAttributeValues: { ":userId": account.userId },
      ReturnValues: "UPDATED_OLD",
    }),
  );
  return failuresOf(attributes);
}

/** The count now (read only after a refused TOTP or SMS write, to tell a lock from a spent code). */
export async function readFailures(db: Db, email: string): Promise<number> {
  const { Item } = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.account(email), ProjectionExpression: FAILURES, ConsistentRead: true }),
  );
  return failuresOf(Item);
}
