import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Account } from "../accounts/account.js";
import { batchGet, type Item } from "./batch.js";
import { sendIf, writeIf, type Db } from "./client.js";
import { keys, type Key } from "./keys.js";

/**
 * The account item (`ACCOUNT#<email>` / `ACCOUNT`): its profile, factors, backup codes, 2FA state
 * and `sessionsValidFrom`. Backup-code and factor-confirmation writes live in account-credentials.ts.
 */

/** The account an item holds, without its keys; undefined for anything else. */
export function toAccount(item: Item | undefined): Account | undefined {
  if (!item || item.type !== "account") return undefined;
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, type: _t, ...account } = item;
  return account as unknown as Account;
}

/**
 * Writes a new account: false when the email already has one. `memberIndex` is the GSI1 entry
 * that lists it among its domain's members, or none (see domains/member-index.ts).
 */
export async function putNewAccount(db: Db, account: Account, memberIndex: Partial<Record<"GSI1PK" | "GSI1SK", string>>): Promise<boolean> {
  return writeIf(
    db,
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.account(account.email), ...memberIndex, type: "account", ...account },
      // Invariant: one account per email, even under concurrent sign-ups.
      ConditionExpression: "attribute_not_exists(PK)",
    }),
  );
}

export async function readAccount(db: Db, email: string): Promise<Account | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.account(email), ConsistentRead: true }));
  return toAccount(Item);
}

/** Several accounts by email, in one round trip per 100. */
export async function readAccounts(db: Db, emails: string[]): Promise<Map<string, Account>> {
  const unique = [...new Set(emails)];
  const found = new Map<string, Account>();
  for (let i = 0; i < unique.length; i += 100) {
    const items = await batchGet(db, unique.slice(i, i + 100).map((e) => keys.account(e)));
    for (const item of items) {
      const account = toAccount(item);
      if (account) found.set(account.email, account);
    }
  }
  return found;
}

/**
 * An account and its domain's item in one round trip, with one more item when the caller needs it
 * (the password step reads its second-factor rate window along). The domain item is parsed by its
 * own module.
 */
export async function readAccountWithDomain(
  db: Db,
  email: string,
  domain: string,
  extra?: Key,
): Promise<{ account?: Account; domainItem?: Item; extraItem?: Item }> {
  const [accountItem, domainItem, extraItem] = await batchGet(db, [keys.account(email), keys.domain(domain), ...(extra ? [extra] : [])]);
  return { account: toAccount(accountItem), domainItem, extraItem };
}

/** Turns 2FA on: false when a condition below did not hold (already on, or nothing to protect with). */
export async function writeTwoFactorOn(db: Db, account: Pick<Account, "email" | "userId">, at: string): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(account.email),
      UpdateExpression: "SET twoFactorEnabled = :yes, twoFactorEnabledAt = :now",
      // Invariants: 2FA is on only while a factor and backup codes exist (a parallel removal loses);
      // and it is turned on once, so a double-submit records one event and keeps the first moment.
      ConditionExpression: "userId = :userId AND twoFactorEnabled <> :yes AND size(factors) > :zero AND attribute_exists(backupCodes)",
      ExpressionAttributeValues: { ":yes": true, ":now": at, ":userId": account.userId, ":zero": 0 },
    }),
  );
}

/**
 * Removes every factor and backup code and turns 2FA off; with `sessionsValidFrom`, also revokes
 * every session started before it. Returns the account as it was just before (ALL_OLD), or
 * undefined when the item is no longer this account.
 */
export async function writeTwoFactorCleared(
  db: Db,
  account: Pick<Account, "email" | "userId">,
  options: { sessionsValidFrom?: string },
): Promise<Account | undefined> {
  const revoke = options.sessionsValidFrom !== undefined;
  const out = await sendIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(account.email),
      UpdateExpression: `SET twoFactorEnabled = :no, factors = :none${revoke ? ", sessionsValidFrom = :now" : ""} REMOVE backupCodes, spentBackupCodes, backupCodesGeneratedAt, twoFactorEnabledAt, secondFactorFailures`,
      // Invariant: clears the account it was asked to, never one re-created under the same email.
      ConditionExpression: "userId = :userId",
      ExpressionAttributeValues: {
        ":no": false,
        ":none": {},
        ":userId": account.userId,
        ...(revoke ? { ":now": options.sessionsValidFrom } : {}),
      },
      // The factors as they were when cleared, not as the caller's snapshot saw them: a key
      // confirmed in between is cleared too, and its credential id must be freed with the rest.
      ReturnValues: "ALL_OLD",
    }),
  );
  return out && toAccount(out.attributes);
}

/** Removes one factor: false when it is gone already or is the last one while 2FA is on. */
export async function writeFactorRemoved(db: Db, email: string, factorId: string): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(email),
      UpdateExpression: "REMOVE factors.#id",
      // Invariant: an account with 2FA on always keeps at least one factor (disable instead).
      ConditionExpression: "attribute_exists(factors.#id) AND (twoFactorEnabled = :no OR size(factors) > :one)",
      ExpressionAttributeNames: { "#id": factorId },
      ExpressionAttributeValues: { ":no": false, ":one": 1 },
    }),
  );
}

/** Renames one factor: false when it is gone. */
export async function writeFactorLabel(db: Db, email: string, factorId: string, label: string): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(email),
      UpdateExpression: "SET factors.#id.label = :label",
      // Invariant: only a factor still on the account is renamed (one removed meanwhile is refused, not a crash).
      ConditionExpression: "attribute_exists(factors.#id)",
      ExpressionAttributeNames: { "#id": factorId },
      ExpressionAttributeValues: { ":label": label },
    }),
  );
}
