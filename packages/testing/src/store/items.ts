// The one place tests read or seed store items directly, so the raw DynamoDB commands a test needs
// live here and not in each test (the production ones live in packages/core/src/db/). Keys come
// from `@access-identity/core/db/keys` (or the limiter), never spelled out in a test.
import { GetCommand, PutCommand, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { Deps } from "@access-identity/core";

export type StoreItem = Record<string, any>;
type Key = Record<string, unknown>;

/** One item by its key (a consistent read), or undefined. */
export async function readItem(deps: Pick<Deps, "db">, key: Key): Promise<StoreItem | undefined> {
  const { doc, table } = deps.db;
  return (await doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;
}

/** The items of partition `prefix.PK` whose sort key starts with `prefix.SK` (a consistent query). */
export async function queryItems(deps: Pick<Deps, "db">, prefix: { PK: string; SK: string }): Promise<StoreItem[]> {
  const { doc, table } = deps.db;
  const out = await doc.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
      ExpressionAttributeValues: { ":pk": prefix.PK, ":prefix": prefix.SK },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

/** Every item in the table, all pages. */
export async function scanItems(deps: Pick<Deps, "db">): Promise<StoreItem[]> {
  const { doc, table } = deps.db;
  const items: StoreItem[] = [];
  let start: Key | undefined;
  do {
    const out = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Writes an item as is (seeding a state the API cannot reach on its own). */
export async function putItem(deps: Pick<Deps, "db">, item: StoreItem): Promise<void> {
  const { doc, table } = deps.db;
  await doc.send(new PutCommand({ TableName: table, Item: item }));
}
