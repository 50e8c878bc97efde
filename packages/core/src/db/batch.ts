import { setTimeout as sleep } from "node:timers/promises";
import { BatchGetCommand, BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "./client.js";
import type { Key } from "./keys.js";

/** An item as DynamoDB returns it, before its module parses it into a typed record. */
export type Item = Record<string, unknown>;

type GetRequest = Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }>;
type WriteRequest = NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]["RequestItems"]>;

/** Pauses before each resend of what a batch left unprocessed: AWS asks for exponential backoff. */
const RESEND_DELAYS_MS = [25, 50, 100, 200, 400];

/**
 * Part of a batch stayed unprocessed through every resend: the table is throttled. Marked retryable
 * like the SDK's own throttling errors, so the user is told to try again (ServiceUnavailableError).
 */
export class UnprocessedBatchError extends Error {
  readonly $retryable = { throttling: true };
  constructor() {
    super("DynamoDB left part of a batch unprocessed through every retry.");
    this.name = "UnprocessedBatchError";
  }
}

/**
 * Sends a batch, then whatever it left unprocessed, until nothing is left. A BatchGet or
 * BatchWrite that AWS throttles succeeds with the remainder handed back (UnprocessedKeys /
 * UnprocessedItems) rather than failing, so the SDK's own retries never see it.
 */
async function untilProcessed<R extends Record<string, unknown>>(first: R, send: (request: R) => Promise<R | undefined>): Promise<void> {
  let request: R | undefined = first;
  for (let resend = 0; request && Object.keys(request).length > 0; resend++) {
    if (resend > 0) {
      if (resend > RESEND_DELAYS_MS.length) throw new UnprocessedBatchError();
      const delay = RESEND_DELAYS_MS[resend - 1]!;
      await sleep(delay / 2 + Math.random() * (delay / 2)); // jittered: parallel callers do not resend in step
    }
    request = await send(request);
  }
}

/**
 * Reads up to 100 items of any kinds in one round trip (retrying unprocessed keys), strongly
 * consistent. Returns them in the order of `wanted`, undefined where absent.
 */
export async function batchGet(db: Db, wanted: Key[]): Promise<(Item | undefined)[]> {
  const found = new Map<string, Item>();
  const id = (k: { PK: unknown; SK: unknown }) => `${k.PK}\u0000${k.SK}`;
  const unique = [...new Map(wanted.map((k) => [id(k), k])).values()];
  await untilProcessed<GetRequest>({ [db.table]: { Keys: unique, ConsistentRead: true } }, async (request) => {
    const out = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
    for (const item of out.Responses?.[db.table] ?? []) found.set(id(item as Key), item);
    return out.UnprocessedKeys as GetRequest | undefined;
  });
  return wanted.map((k) => found.get(id(k)));
}

/** Puts up to 25 items in one round trip, resending any AWS left unprocessed (throttling). */
export async function batchPut(db: Db, items: Item[]): Promise<void> {
  await untilProcessed<WriteRequest>({ [db.table]: items.map((Item) => ({ PutRequest: { Item } })) }, async (request) => {
    const out = await db.doc.send(new BatchWriteCommand({ RequestItems: request }));
    return out.UnprocessedItems as WriteRequest | undefined;
  });
}
