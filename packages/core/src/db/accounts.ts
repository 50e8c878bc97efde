import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Account } from "../accounts/account.js";
import { batchGet, type Item } from "./batch.js";
import { sendIf, writeIf, type Db } from "./client.js";
import { keys, type Key } from "./keys.js";
import { withRevocation, type Revocation } from "./revocation.js";

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
export async function putNewAccount(
  db: Db,
  account: Account,
  memberIndex: Partial<Record<"GSI1PK" | "GSI1SK", string>>,
  nowSeconds: number,
): Promise<boolean> {
  return writeIf(
    db,
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.account(account.email), ...memberIndex, type: "account", ...account },
      // Invariant: one account per email, even under concurrent sign-ups; a never-verified account
      // past its expiry (only unverified accounts carry expiresAt) is replaced: its address is free.
      ConditionExpression: "attribute_not_exists(PK) OR (attribute_exists(expiresAt) AND expiresAt <= :now)",
      ExpressionAttributeValues: { ":now": nowSeconds },
    }),
  );
}

/** Marks the address verified and drops the account's expiry: false when the item is no longer this account. */
export async function writeEmailVerified(db: Db, account: Pick<Account, "email" | "userId">, at: string): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(account.email),
      UpdateExpression: "SET emailVerified = :yes, emailVerifiedAt = :at REMOVE expiresAt",
      // Invariant: verifies the account the token was made for, never one re-created under the same address.
      ConditionExpression: "userId = :userId",
      ExpressionAttributeValues: { ":yes": true, ":at": at, ":userId": account.userId },
    }),
  );
}

/**
 * Sets a new password hash and revokes every session and known device that started before
 * `sessionsValidFrom` (no session is kept: a reset is for someone who lost control): false when the
 * item is no longer this account, or when its sessions were revoked after `unrevokedSince` (a reset
 * of 2FA by an owner since the reset began: start again).
 */
export async function writePasswordReset(
  db: Db,
  account: Pick<Account, "email" | "userId">,
  change: { passwordHash: string; sessionsValidFrom: string; unrevokedSince?: string },
): Promise<boolean> {
  const guard = change.unrevokedSince ? " AND (attribute_not_exists(sessionsValidFrom) OR sessionsValidFrom <= :since)" : "";
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(account.email),
      ...withRevocation(
        {
          set: ["passwordHash = :hash"],
          // Invariant: the password of the account the reset token was made for, and no revocation missed.
          condition: `userId = :userId${guard}`,
          values: { ":hash": change.passwordHash, ":userId": account.userId, ...(change.unrevokedSince ? { ":since": change.unrevokedSince } : {}) },
        },
        { at: change.sessionsValidFrom, devices: true },
      ),
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
 * (the password step reads the address's sign-in failure window along). No `domain` (a public mail
 * domain, whose item no policy can be on: domains/policy.ts) reads the account alone, so gmail.com
 * is never one partition read by every request. The domain item is parsed by its own module.
 */
export async function readAccountWithDomain(
  db: Db,
  email: string,
  domain: string | undefined,
  extra?: Key,
): Promise<{ account?: Account; domainItem?: Item; extraItem?: Item }> {
  const wanted = [keys.account(email), ...(domain === undefined ? [] : [keys.domain(domain)]), ...(extra ? [extra] : [])];
  const [accountItem, ...rest] = await batchGet(db, wanted);
  const domainItem = domain === undefined ? undefined : rest.shift();
  return { account: toAccount(accountItem), domainItem, extraItem: rest[0] };
}

/**
 * Turns 2FA on, revoking the other sessions: false when a condition below did not hold (already
 * on, nothing to protect with, or the session keeping itself was revoked meanwhile).
 */
export async function writeTwoFactorOn(db: Db, account: Pick<Account, "email" | "userId">, at: string, revocation?: Revocation): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(account.email),
      ...withRevocation(
        {
          set: ["twoFactorEnabled = :yes", "twoFactorEnabledAt = :now"],
          // Invariants: 2FA is on only while a factor and backup codes exist (a parallel removal loses);
          // and it is turned on once, so a double-submit records one event and keeps the first moment.
          condition: "userId = :userId AND twoFactorEnabled <> :yes AND size(factors) > :zero AND attribute_exists(backupCodes)",
          values: { ":yes": true, ":now": at, ":userId": account.userId, ":zero": 0 },
        },
        revocation,
      ),
    }),
  );
}

/**
 * Removes every factor and backup code and turns 2FA off, with the revocation it causes. Returns
 * the account as it was just before (ALL_OLD), or undefined when the item is no longer this
 * account (or the session keeping itself was revoked meanwhile).
 */
export async function writeTwoFactorCleared(
  db: Db,
  account: Pick<Account, "email" | "userId">,
  revocation: Revocation | undefined,
): Promise<Account | undefined> {
  const out = await sendIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(account.email),
      ...withRevocation(
        {
          set: ["twoFactorEnabled = :no", "factors = :none"],
          remove: ["backupCodes", "spentBackupCodes", "backupCodesGeneratedAt", "twoFactorEnabledAt", "secondFactorFailures"],
          // Invariant: clears the account it was asked to, never one re-created under the same email.
          condition: "userId = :userId",
          values: { ":no": false, ":none": {}, ":userId": account.userId },
        },
        revocation,
      ),
      // The factors as they were when cleared, not as the caller's snapshot saw them: a key
      // confirmed in between is cleared too, and its credential id must be freed with the rest.
      ReturnValues: "ALL_OLD",
    }),
  );
  return out && toAccount(out.attributes);
}

/**
 * Removes one factor, revoking the other sessions (one may have signed in with it): false when it
 * is gone already, is the last one while 2FA is on, or the session keeping itself was revoked.
 */
export async function writeFactorRemoved(db: Db, email: string, factorId: string, revocation?: Revocation): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(email),
      ...withRevocation(
        {
          set: [],
          remove: ["factors.#id"],
          // Invariant: an account with 2FA on always keeps at least one factor (disable instead).
          condition: "attribute_exists(factors.#id) AND (twoFactorEnabled = :no OR size(factors) > :one)",
          values: { ":no": false, ":one": 1 },
        },
        revocation,
      ),
      ExpressionAttributeNames: { "#id": factorId },
    }),
  );
}

/** Revokes sessions (and devices) on their own: false when the account is gone or the kept session was revoked meanwhile. */
export async function writeSessionsRevoked(db: Db, account: Pick<Account, "email" | "userId">, revocation: Revocation): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(account.email),
      ...withRevocation(
        {
          set: [],
          // Invariant: revokes the sessions of the account it was asked to, never one re-created under the same email.
          condition: "userId = :userId",
          values: { ":userId": account.userId },
        },
        revocation,
      ),
    }),
  );
}

/**
 * Replaces the password hash, revoking the other sessions and the known devices: false when the
 * password changed since the caller checked it (a parallel change wins once) or the kept session
 * was revoked meanwhile.
 */
export async function writePasswordChanged(
  db: Db,
  account: Pick<Account, "email" | "userId" | "passwordHash">,
  passwordHash: string,
  revocation: Revocation,
): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.account(account.email),
      ...withRevocation(
        {
          set: ["passwordHash = :new", "passwordChangedAt = :revokedAt"],
          // Invariant: the password changes only from the one the caller proved, so of parallel changes one wins.
          condition: "userId = :userId AND passwordHash = :old",
          values: { ":userId": account.userId, ":old": account.passwordHash, ":new": passwordHash },
        },
        revocation,
      ),
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
