import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { StoredFactor } from "../accounts/account.js";
import { updateIf, writeIf, type Db } from "./client.js";
import { keys } from "./keys.js";
import { withRevocation, type Revocation } from "./revocation.js";
import { BUDGET_OPEN, budgetValues, type BudgetWindow } from "./second-factor-budget.js";
import { NOT_LOCKED, RESET_FAILURES } from "./second-factor-failures.js";

/**
 * Writes to the account item (`ACCOUNT#<email>`) that belong to its second-factor credentials: the
 * confirmed factors map and the backup-code sets. Each is one conditional write, so a factor never
 * exists half-made and nothing single-use is used twice. (2FA on/off, removal and renaming are the
 * account's own operations, beside the other account writes.)
 */

/** Adds a confirmed factor; false when it is already there, the account is not this user's, or it holds `maxFactors`. */
export async function confirmFactor(db: Db, account: { email: string; userId: string }, factor: StoredFactor, maxFactors: number): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(account.email),
      UpdateExpression: "SET factors.#id = :factor",
      // Invariants: a pending factor is confirmed once, into its own account only; and an account
      // never holds more than maxFactors, however many enrolments were started before it filled.
      ConditionExpression: "userId = :userId AND attribute_not_exists(factors.#id) AND size(factors) < :max",
      ExpressionAttributeNames: { "#id": factor.id },
      ExpressionAttributeValues: { ":factor": factor, ":userId": account.userId, ":max": maxFactors },
    }),
  );
}

/**
 * Records a TOTP time step as used (and the factor as used now), and starts the consecutive-failure
 * count again; false when this step or a later one was used, the factor is gone, the account's
 * TOTP and SMS are locked by `lockAfter` consecutive failures (see second-factor-failures.ts), or
 * its second-factor budget for `window` is used up (second-factor-budget.ts).
 */
export async function consumeTotpStep(
  db: Db,
  email: string,
  use: { factorId: string; step: number; nowIso: string; lockAfter: number; window: BudgetWindow },
): Promise<boolean> {
  const { factorId, step, nowIso, lockAfter, window } = use;
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(email),
      UpdateExpression: `SET factors.#id.#data.lastStep = :step, factors.#id.lastUsedAt = :now ${RESET_FAILURES}`,
      // Invariants: TOTP time steps of a factor are used in strictly increasing order (no replay);
      // no TOTP code passes once the account's consecutive failures reached the lock; and none
      // while the second-factor budget of the window is used up.
      ConditionExpression: `attribute_exists(factors.#id) AND (attribute_not_exists(factors.#id.#data.lastStep) OR factors.#id.#data.lastStep < :step) AND ${NOT_LOCKED} AND ${BUDGET_OPEN}`,
      ExpressionAttributeNames: { "#id": factorId, "#data": "data" },
      ExpressionAttributeValues: { ":step": step, ":now": nowIso, ":lockAfter": lockAfter, ...budgetValues(window) },
    }),
  );
}

/**
 * Marks an SMS factor used now, and starts the consecutive-failure count again; false when it is no
 * longer on the account, the account's TOTP and SMS are locked by `lockAfter` consecutive failures,
 * or its second-factor budget for `window` is used up.
 */
export async function markFactorUsed(
  db: Db,
  email: string,
  use: { factorId: string; nowIso: string; lockAfter: number; window: BudgetWindow },
): Promise<boolean> {
  const { factorId, nowIso, lockAfter, window } = use;
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(email),
      UpdateExpression: `SET factors.#id.lastUsedAt = :now ${RESET_FAILURES}`,
      // Invariants: never recreate a factor that was removed while this sign-in was in flight; no
      // SMS code passes once the account's consecutive failures reached the lock; and none while
      // the second-factor budget of the window is used up.
      ConditionExpression: `attribute_exists(factors.#id) AND ${NOT_LOCKED} AND ${BUDGET_OPEN}`,
      ExpressionAttributeNames: { "#id": factorId },
      ExpressionAttributeValues: { ":now": nowIso, ":lockAfter": lockAfter, ...budgetValues(window) },
    }),
  );
}

/**
 * Stores a WebAuthn assertion's signature counter, backup state and moment of use; false when the
 * factor is gone, its counter already reached this value (a parallel use of the same or a later
 * assertion), or (for a second step, which passes its `window`) the second-factor budget is used up.
 */
export async function updateWebAuthnCounter(
  db: Db,
  account: { email: string; userId: string },
  factorId: string,
  use: { newCounter: number; backedUp: boolean; nowIso: string; window?: BudgetWindow },
): Promise<boolean> {
  const budget = use.window ? ` AND ${BUDGET_OPEN}` : "";
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(account.email),
      UpdateExpression: "SET factors.#id.#data.#counter = :counter, factors.#id.#data.backedUp = :backedUp, factors.#id.lastUsedAt = :now",
      // Invariants: a credential's stored counter only grows (authenticators without a counter stay
      // at 0); and a second step passes only while the second-factor budget of the window has room.
      ConditionExpression:
        (use.newCounter > 0
          ? "userId = :userId AND attribute_exists(factors.#id) AND factors.#id.#data.#counter < :counter"
          : "userId = :userId AND attribute_exists(factors.#id) AND factors.#id.#data.#counter = :counter") + budget,
      ExpressionAttributeNames: { "#id": factorId, "#data": "data", "#counter": "counter" },
      ExpressionAttributeValues: {
        ":counter": use.newCounter,
        ":backedUp": use.backedUp,
        ":now": use.nowIso,
        ":userId": account.userId,
        ...(use.window ? budgetValues(use.window) : {}),
      },
    }),
  );
}

/**
 * Replaces the backup-code set the caller saw (`seenGeneratedAt`, undefined when it saw none) with
 * these hashes, forgetting the spent ones; false when another set was stored since.
 */
export async function storeBackupCodes(
  db: Db,
  account: { email: string; userId: string },
  set: { hashes: Set<string>; generatedAtIso: string; seenGeneratedAt: string | undefined },
  revocation?: Revocation,
): Promise<boolean> {
  const seen = set.seenGeneratedAt;
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(account.email),
      // A new set revokes the caller's other sessions in the same write (see revocation.ts).
      ...withRevocation(
        {
          set: ["backupCodes = :codes", "backupCodesGeneratedAt = :at"],
          remove: ["spentBackupCodes"],
          // Invariant: codes are shown only if they are the set stored. The write replaces exactly the
          // set the caller saw, so of two parallel generations (a double-click) one stores and answers,
          // and the other is refused instead of showing codes the first has already replaced.
          condition: seen ? "userId = :userId AND backupCodesGeneratedAt = :seen" : "userId = :userId AND attribute_not_exists(backupCodesGeneratedAt)",
          values: { ":codes": set.hashes, ":at": set.generatedAtIso, ":userId": account.userId, ...(seen ? { ":seen": seen } : {}) },
        },
        revocation,
      ),
    }),
  );
}

/**
 * Spends a backup code (its hash moves to the spent ones): how many are left, or undefined when it
 * is not in the current set or the second-factor budget of `window` is used up.
 */
export async function spendBackupCode(db: Db, email: string, hash: string, window: BudgetWindow): Promise<{ remaining: number } | undefined> {
  const spent = await updateIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(email),
      UpdateExpression: "DELETE backupCodes :code ADD spentBackupCodes :code",
      // Invariants: each backup code signs in once, even when raced by parallel requests; and none
      // passes while the second-factor budget of the window is used up.
      ConditionExpression: `contains(backupCodes, :hash) AND ${BUDGET_OPEN}`,
      ExpressionAttributeValues: { ":code": new Set([hash]), ":hash": hash, ...budgetValues(window) },
      // The codes left (the set's attribute goes when its last code does), for the owner's notification.
      ReturnValues: "UPDATED_NEW",
    }),
  );
  return spent && { remaining: (spent.backupCodes as Set<string> | undefined)?.size ?? 0 };
}

/** Whether this account (this user's, not a re-created one) spent a code with this hash in its current set. */
export async function isBackupCodeSpent(db: Db, account: { email: string; userId: string }, hash: string): Promise<boolean> {
  const { Item } = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.account(account.email), ProjectionExpression: "userId, spentBackupCodes", ConsistentRead: true }),
  );
  return Item?.userId === account.userId && (Item.spentBackupCodes as Set<string> | undefined)?.has(hash) === true;
}
