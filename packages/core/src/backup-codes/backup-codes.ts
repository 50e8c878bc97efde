import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Account } from "../accounts/account.js";
import { userRef } from "../accounts/account.js";
import { recordAudit, userStream } from "../audit/audit.js";
import { writeIf } from "../db/client.js";
import { keys } from "../db/keys.js";
import type { Deps } from "../deps.js";
import type { ProofRefusal, SecondFactorMethod } from "../factors/types.js";
import { BACKUP_CODE_COUNT, newBackupCode, normaliseBackupCode } from "./codes.js";

function hashFor(deps: Deps, account: Pick<Account, "userId">, normalised: string): string {
  return deps.codeHasher.hash(`backup:${account.userId}`, normalised);
}

export interface BackupCodeSet {
  codes: string[];
  generatedAt: Date;
}

/**
 * A fresh set replaces the old one whole; only the codes' keyed hashes are stored. The spent
 * codes' hashes are kept beside them (until the next set) so that a spent code can be told from
 * a wrong one: see ProofRefusal.
 */
export async function generateBackupCodes(deps: Deps, account: Account): Promise<BackupCodeSet> {
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
  const generatedAt = deps.clock.now();
  const hashes = new Set(codes.map((c) => hashFor(deps, account, normaliseBackupCode(c)!)));
  await deps.db.doc.send(
    new UpdateCommand({
      TableName: deps.db.table,
      Key: keys.account(account.email),
      UpdateExpression: "SET backupCodes = :codes, backupCodesGeneratedAt = :at REMOVE spentBackupCodes",
      ConditionExpression: "userId = :userId",
      ExpressionAttributeValues: { ":codes": hashes, ":at": generatedAt.toISOString(), ":userId": account.userId },
    }),
  );
  await recordAudit(deps, { action: "BACKUP_CODES_GENERATED", actor: userRef(account), subject: userRef(account) }, [
    userStream(account.userId),
  ]);
  return { codes, generatedAt };
}

/**
 * Spends one backup code (and keeps its hash among the spent ones). "spent" when it was in the
 * set but is no longer: used before, or by a parallel request that won.
 */
export async function consumeBackupCode(
  deps: Deps,
  account: Pick<Account, "userId" | "email">,
  raw: string,
): Promise<"consumed" | ProofRefusal> {
  const normalised = normaliseBackupCode(raw);
  if (!normalised) return "wrong";
  const hash = hashFor(deps, account, normalised);
  const spent = await writeIf(
    deps.db,
    new UpdateCommand({
      TableName: deps.db.table,
      Key: keys.account(account.email),
      UpdateExpression: "DELETE backupCodes :code ADD spentBackupCodes :code",
      // Invariant: each backup code signs in once, even when raced by parallel requests.
      ConditionExpression: "contains(backupCodes, :hash)",
      ExpressionAttributeValues: { ":code": new Set([hash]), ":hash": hash },
    }),
  );
  if (!spent) return (await wasSpent(deps, account, hash)) ? "spent" : "wrong";
  await recordAudit(deps, { action: "BACKUP_CODE_USED", actor: userRef(account), subject: userRef(account) }, [
    userStream(account.userId),
  ]);
  return "consumed";
}

/** Only on the refusal path: one read to tell a spent code from a wrong one. */
async function wasSpent(deps: Deps, account: Pick<Account, "userId" | "email">, hash: string): Promise<boolean> {
  const { Item } = await deps.db.doc.send(
    new GetCommand({
      TableName: deps.db.table,
      Key: keys.account(account.email),
      ProjectionExpression: "userId, spentBackupCodes",
      ConsistentRead: true,
    }),
  );
  return Item?.userId === account.userId && (Item.spentBackupCodes as Set<string> | undefined)?.has(hash) === true;
}

export const backupCodeMethod: SecondFactorMethod = {
  name: "BACKUP_CODE",
  proofField: "backupCode",
  spentMessage: "That backup code was already used. Each code works once: use another.",
  async verify(deps, { account, proof }) {
    if (typeof proof !== "string") return "wrong";
    const outcome = await consumeBackupCode(deps, account, proof);
    return outcome === "consumed" ? {} : outcome;
  },
};
