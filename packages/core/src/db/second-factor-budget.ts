import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { updateIf, type Db } from "./client.js";
import { keys } from "./keys.js";
import { FAILURES, failuresOf } from "./second-factor-failures.js";

/**
 * The account's second-factor budget (`limits.secondFactorAttemptsPerAccount`): how many proofs
 * that did not pass it has taken in the current fixed window. Two number attributes on the account
 * item, `proofWindowStart` (epoch seconds) and `proofWindowCount`, next to the consecutive-failure
 * count (second-factor-failures.ts), so that one write can do what needed three requests on a
 * rate-counter item of its own (reserve a unit, spend the proof, give the unit back):
 *
 * - a proof that passes is spent by a write that also carries `BUDGET_OPEN`: a right code is
 *   accepted only while the window has room, exactly as if it had taken a unit and given it back;
 * - a proof that does not pass is answered only after `countRefusedProof` took a unit, by a
 *   conditional write that never lets the window pass its limit.
 *
 * So however many proofs arrive at once, no more than `max` of them are ever answered as wrong in a
 * window, and a right one is never answered once those are used: the limit stays exact. (The
 * account item is the only place a single conditional write can cover both: dynalite, like a
 * DynamoDB without transactions, offers nothing across items.)
 */
export const WINDOW_START = "proofWindowStart";
export const WINDOW_COUNT = "proofWindowCount";

/** The window a request is judged in: its start, the limit, and when the next one opens. */
export interface BudgetWindow {
  start: number;
  max: number;
}

/**
 * Condition fragment, with `:proofWindow` and `:proofMax` bound (see `budgetValues`): the budget has
 * room in this window. A window that started before this one is over, so it has room.
 */
export const BUDGET_OPEN = `(attribute_not_exists(${WINDOW_START}) OR ${WINDOW_START} < :proofWindow OR ${WINDOW_COUNT} < :proofMax)`;

export function budgetValues(window: BudgetWindow): Record<string, number> {
  return { ":proofWindow": window.start, ":proofMax": window.max };
}

/** The proofs counted in this window on an account item (read elsewhere); 0 for an earlier window. */
export function windowUsed(item: object | undefined, window: BudgetWindow): number {
  const record = item as Record<string, unknown> | undefined;
  const start = record?.[WINDOW_START];
  const count = record?.[WINDOW_COUNT];
  return typeof start === "number" && start >= window.start && typeof count === "number" ? count : 0;
}

export type CountedProof =
  /** Counted: this window's count with it, and the consecutive failures (counted or not). */
  | { windowCount: number; failures: number }
  /** The window is full: nothing was counted. */
  | "full"
  /** The account is no longer this user's (deleted, or re-created under the same address). */
  | "gone";

/**
 * Takes a unit of the budget for a proof that did not pass, and (when `consecutive`) counts it as
 * a consecutive failure, in one write. A window is either the current one (add one, while under
 * the limit) or an earlier one (start this one at 1): each is a single conditional write, and a
 * write that finds the other case (a parallel request moved the window) tries the other, so this
 * settles in at most three writes; one read tells a full window from an account that is gone.
 * `seen` is the account as last read, to try the likely case first.
 */
export async function countRefusedProof(
  db: Db,
  account: { email: string; userId: string },
  window: BudgetWindow,
  consecutive: boolean,
  seen: object | undefined,
): Promise<CountedProof> {
  const addFailure = consecutive ? ` ADD ${FAILURES} :one` : "";
  const write = (current: boolean) =>
    updateIf(
      db,
      new UpdateCommand({
        TableName: db.table,
        Key: keys.account(account.email),
        UpdateExpression: current
          ? `SET ${WINDOW_COUNT} = ${WINDOW_COUNT} + :one${addFailure}`
          : `SET ${WINDOW_START} = :proofWindow, ${WINDOW_COUNT} = :one${addFailure}`,
        // Invariants: a window never counts more than its limit; and a proof is counted on the
        // account it was made for, never on one re-created under the same address.
        ConditionExpression: current
          ? `userId = :userId AND ${WINDOW_START} >= :proofWindow AND ${WINDOW_COUNT} < :proofMax`
          : `userId = :userId AND (attribute_not_exists(${WINDOW_START}) OR ${WINDOW_START} < :proofWindow)`,
        ExpressionAttributeValues: current
          ? { ":one": 1, ":userId": account.userId, ...budgetValues(window) }
          : { ":one": 1, ":userId": account.userId, ":proofWindow": window.start },
        // Each parallel request is answered its own counts, so exactly one sees a limit reached.
        ReturnValues: "UPDATED_NEW",
      }),
    );
  let current = windowUsed(seen, window) > 0;
  for (let tries = 0; tries < 3; tries++, current = !current) {
    const counted = await write(current);
    if (counted) return { windowCount: Number(counted[WINDOW_COUNT]), failures: failuresOf(counted) };
  }
  const { Item } = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.account(account.email), ProjectionExpression: "userId", ConsistentRead: true }),
  );
  return Item?.userId === account.userId ? "full" : "gone";
}
