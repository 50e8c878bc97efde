import { pathToFileURL } from "node:url";
import { ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { loadConfig } from "../packages/core/src/config.js";
import { SecretBox } from "../packages/core/src/crypto/encryption.js";
import { createDb, writeIf, type Db } from "../packages/core/src/db/client.js";

/**
 * Re-seals every sealed TOTP secret under the current encryption key, so that an older key can
 * be retired. Run it with the same configuration as the API after deploying the new key first in
 * ENCRYPTION_KEYS (the old ones after it):
 *
 *   ENCRYPTION_KEYS="<new>,<old>" TABLE_NAME=... npx tsx scripts/reencrypt.ts
 *   npx sst shell --stage production -- npx tsx scripts/reencrypt.ts    (in AWS, through SST's links)
 *
 * It scans the table for accounts (confirmed TOTP factors: `factors.<id>.data.secretSealed`, bound
 * to `totp:<userId>:<factorId>`) and pending enrolments (`data.secretSealed`, bound to
 * `totp:<userId>:pending`), and rewrites each stale value with a conditional write on the old
 * ciphertext: a factor removed or re-enrolled meanwhile is left alone. Safe to run again; when it
 * reports nothing stale and nothing unreadable, the old keys can leave ENCRYPTION_KEYS. Keep them
 * while backup codes generated under them may be unused: their hashes are verified with each
 * key's pepper and cannot be re-made (generating a new set moves an account to the current key).
 */
export interface ReencryptReport {
  resealed: number;
  alreadyCurrent: number;
  /** Changed by the API between the scan and the write (removed, confirmed): left as they are. */
  changedMeanwhile: number;
  /** Sealed with a key that is not in ENCRYPTION_KEYS, or tampered with: where, never what. */
  unreadable: string[];
}

interface Sealed {
  where: string;
  sealed: string;
  context: string;
  update: (resealed: string) => UpdateCommand;
}

export async function reencryptTotpSecrets(db: Db, box: SecretBox): Promise<ReencryptReport> {
  const report: ReencryptReport = { resealed: 0, alreadyCurrent: 0, changedMeanwhile: 0, unreadable: [] };
  for await (const item of scanSealedHolders(db)) {
    for (const found of sealedSecretsIn(db, item)) {
      if (!box.isStale(found.sealed)) {
        report.alreadyCurrent += 1;
        continue;
      }
      let secret: string;
      try {
        secret = box.open(found.sealed, found.context);
      } catch {
        report.unreadable.push(found.where);
        continue;
      }
      const written = await writeIf(db, found.update(box.seal(secret, found.context)));
      if (written) report.resealed += 1;
      else report.changedMeanwhile += 1;
    }
  }
  return report;
}

type Item = Record<string, any>;

async function* scanSealedHolders(db: Db): AsyncGenerator<Item> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({
        TableName: db.table,
        FilterExpression: "SK = :account OR begins_with(SK, :pending)",
        ExpressionAttributeValues: { ":account": "ACCOUNT", ":pending": "PENDING#" },
        ExclusiveStartKey: start,
      }),
    );
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

function sealedSecretsIn(db: Db, item: Item): Sealed[] {
  const key = { PK: item.PK, SK: item.SK };
  if (item.SK === "ACCOUNT") {
    return Object.entries((item.factors ?? {}) as Record<string, Item>)
      .filter(([, factor]) => factor.kind === "TOTP" && typeof factor.data?.secretSealed === "string")
      .map(([factorId, factor]) => ({
        where: `${item.PK} factor ${factorId}`,
        sealed: factor.data.secretSealed,
        context: `totp:${item.userId}:${factorId}`,
        update: (resealed: string) =>
          new UpdateCommand({
            TableName: db.table,
            Key: key,
            UpdateExpression: "SET factors.#factor.#data.secretSealed = :resealed",
            // Invariant: only the secret this run read is replaced; a factor changed meanwhile is not touched.
            ConditionExpression: "factors.#factor.#data.secretSealed = :sealed",
            ExpressionAttributeNames: { "#factor": factorId, "#data": "data" },
            ExpressionAttributeValues: { ":resealed": resealed, ":sealed": factor.data.secretSealed },
          }),
      }));
  }
  if (item.kind !== "TOTP" || typeof item.data?.secretSealed !== "string") return [];
  const userId = String(item.PK).replace(/^USER#/, "");
  return [
    {
      where: `${item.PK} ${item.SK}`,
      sealed: item.data.secretSealed,
      context: `totp:${userId}:pending`,
      update: (resealed: string) =>
        new UpdateCommand({
          TableName: db.table,
          Key: key,
          UpdateExpression: "SET #data.secretSealed = :resealed",
          // Invariant: only the secret this run read is replaced; an enrolment confirmed or restarted meanwhile is not touched.
          ConditionExpression: "#data.secretSealed = :sealed",
          ExpressionAttributeNames: { "#data": "data" },
          ExpressionAttributeValues: { ":resealed": resealed, ":sealed": item.data.secretSealed },
        }),
    },
  ];
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.encryptionKeys) throw new Error("set ENCRYPTION_KEYS (the current key first) or ENCRYPTION_KEY");
  const db = createDb({ tableName: config.tableName, endpoint: config.dynamoEndpoint, region: config.region });
  try {
    const report = await reencryptTotpSecrets(db, new SecretBox(config.encryptionKeys));
    console.log(JSON.stringify({ currentKey: config.encryptionKeys.current.id, ...report }));
    if (report.unreadable.length > 0) process.exitCode = 1;
  } finally {
    db.raw.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
