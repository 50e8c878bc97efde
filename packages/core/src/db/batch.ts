import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "./client.js";
import type { Key } from "./keys.js";

/**
 * Reads up to 100 items of any kinds in one round trip (retrying unprocessed keys), strongly
 * consistent. Returns them in the order of `wanted`, undefined where absent.
 */
export async function batchGet(db: Db, wanted: Key[]): Promise<(Record<string, unknown> | undefined)[]> {
  const found = new Map<string, Record<string, unknown>>();
  const id = (k: { PK: unknown; SK: unknown }) => `${k.PK}\u0000${k.SK}`;
  const unique = [...new Map(wanted.map((k) => [id(k), k])).values()];
  let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
    [db.table]: { Keys: unique, ConsistentRead: true },
  };
  while (request && Object.keys(request).length > 0) {
    const out = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
    for (const item of out.Responses?.[db.table] ?? []) found.set(id(item as Key), item);
    request = out.UnprocessedKeys as typeof request;
  }
  return wanted.map((k) => found.get(id(k)));
}
