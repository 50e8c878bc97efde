import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Item } from "./batch.js";
import { sendIf, writeIf, type Db } from "./client.js";
import { keys, type Key } from "./keys.js";

/** The rate-limit window counter (`RATE#<limit>#<subject>` / `W#<windowStart>`): one per limit, subject and fixed window. */
export interface RateWindow {
  limit: string;
  subject: string;
  /** Epoch seconds. */
  start: number;
}

export function windowKey(window: RateWindow): Key {
  return keys.rateCounter(window.limit, window.subject, window.start);
}

/** How many units a window's item (read elsewhere, e.g. in a BatchGet) has counted; 0 when absent. */
export function windowCount(item: Item | undefined): number {
  return typeof item?.count === "number" ? item.count : 0;
}

/**
 * Takes one unit of a window: the window's count with it, or undefined when it already holds `max`.
 * The item expires (TTL, `expiresAt` epoch seconds) after its window.
 */
export async function reserveUnit(db: Db, window: RateWindow, max: number, expiresAt: number): Promise<number | undefined> {
  const out = await sendIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: windowKey(window),
      UpdateExpression: "ADD #count :one SET expiresAt = :expires",
      // Invariant: a window never counts more than its limit.
      ConditionExpression: "attribute_not_exists(#count) OR #count < :max",
      ExpressionAttributeNames: { "#count": "count" },
      ExpressionAttributeValues: { ":one": 1, ":max": max, ":expires": expiresAt },
      ReturnValues: "UPDATED_NEW",
    }),
  );
  return out && Number(out.attributes?.count);
}

/** Gives one unit back to the window it was taken from (a window already at zero stays there). */
export async function releaseUnit(db: Db, window: RateWindow): Promise<void> {
  await writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: windowKey(window),
      UpdateExpression: "ADD #count :minus",
      // Invariant: never below zero.
      ConditionExpression: "#count > :zero",
      ExpressionAttributeNames: { "#count": "count" },
      ExpressionAttributeValues: { ":minus": -1, ":zero": 0 },
    }),
  );
}
