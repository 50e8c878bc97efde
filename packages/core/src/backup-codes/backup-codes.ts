import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Account } from "../accounts/account.js";
import { userRef } from "../accounts/account.js";
import { recordAudit, userStream } from "../audit/audit.js";
import { writeIf } from "../db/client.js";
import { keys } from "../db/keys.js";
import type { Deps } from "../deps.js";
import type { SecondFactorMethod } from "../factors/types.js";
import { BACKUP_CODE_COUNT, newBackupCode, normaliseBackupCode } from "./codes.js";

function hashFor(deps: Deps, account: Pick<Account, "userId">, normalised: string): string {
  return deps.codeHasher.hash(`backup:${account.userId}`, normalised);
}

export interface BackupCodeSet {
  codes: string[];
  generatedAt: Date;
}

/** A fresh set replaces the old one whole; only the codes' keyed hashes are stored. */
export async function generateBackupCodes(deps: Deps, account: Account): Promise<BackupCodeSet> {
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
  const generatedAt = deps.clock.now();
  const hashes = new Set(codes.map((c) => hashFor(deps, account, normaliseBackupCode(c)!)));
  await deps.db.doc.send(
    new UpdateCommand({
      TableName: deps.db.table,
      Key: keys.account(account.email),
      UpdateExpression: "SET backupCodes = :codes, backupCodesGeneratedAt = :at",
      ConditionExpression: "userId = :userId",
      ExpressionAttributeValues: { ":codes": hashes, ":at": generatedAt.toISOString(), ":userId": account.userId },
    }),
  );
  await recordAudit(deps, { action: "BACKUP_CODES_GENERATED", actor: userRef(account), subject: userRef(account) }, [
    userStream(account.userId),
  ]);
  return { codes, generatedAt };
}

/** Spends one backup code; false when it is not (or no longer) in the account's set. */
export async function consumeBackupCode(deps: Deps, account: Pick<Account, "userId" | "email">, raw: string): Promise<boolean> {
  const normalised = normaliseBackupCode(raw);
  if (!normalised) return false;
  const hash = hashFor(deps, account, normalised);
  const spent = await writeIf(
    deps.db,
    new UpdateCommand({
      TableName: deps.db.table,
      Key: keys.account(account.email),
      UpdateExpression: "DELETE backupCodes :code",
      // Invariant: each backup code signs in once, even when raced by parallel requests.
      ConditionExpression: "contains(backupCodes, :hash)",
      ExpressionAttributeValues: { ":code": new Set([hash]), ":hash": hash },
    }),
  );
  if (!spent) return false;
  await recordAudit(deps, { action: "BACKUP_CODE_USED", actor: userRef(account), subject: userRef(account) }, [
    userStream(account.userId),
  ]);
  return true;
}

export const backupCodeMethod: SecondFactorMethod = {
  name: "BACKUP_CODE",
  proofField: "backupCode",
  async verify(deps, { account, proof }) {
    if (typeof proof !== "string") return undefined;
    return (await consumeBackupCode(deps, account, proof)) ? {} : undefined;
  },
};
