import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "./client.js";
import { keys } from "./keys.js";

/** A known device of an account (`DEVICE#<id>` / `DEVICE`): only its token's SHA-256 is stored. */
export interface DeviceRecord {
  type: "device";
  id: string;
  userId: string;
  email: string;
  secretHash: string;
  createdAt: string;
  /** Epoch seconds; checked in code (dynalite never expires items). */
  expiresAt: number;
}

export async function putDevice(db: Db, device: DeviceRecord): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.device(device.id), ...device },
      // Invariant: a fresh random id never overwrites another device.
      ConditionExpression: "attribute_not_exists(PK)",
    }),
  );
}

export async function getDevice(db: Db, id: string): Promise<DeviceRecord | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.device(id), ConsistentRead: true }));
  if (!Item || Item.type !== "device") return undefined;
  const { PK: _pk, SK: _sk, ...device } = Item;
  return device as unknown as DeviceRecord;
}
