import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";

export interface DbOptions {
  tableName: string;
  endpoint?: string;
  region: string;
  /** Called once per request sent to DynamoDB (retries included); the benchmark counts with it. */
  onRequest?: (operation: string) => void;
}

export interface Db {
  doc: DynamoDBDocumentClient;
  table: string;
  raw: DynamoDBClient;
}

export function createDb(options: DbOptions): Db {
  const local = Boolean(options.endpoint);
  const raw = new DynamoDBClient({
    region: options.region,
    endpoint: options.endpoint,
    // A local endpoint (dynalite) accepts any credentials; real AWS uses the default chain.
    credentials: local && !process.env.AWS_ACCESS_KEY_ID ? { accessKeyId: "local", secretAccessKey: "local" } : undefined,
    maxAttempts: 4,
  });
  if (options.onRequest) {
    const onRequest = options.onRequest;
    raw.middlewareStack.add(
      (next, context) => async (args) => {
        onRequest(String(context.commandName ?? "unknown").replace(/Command$/, ""));
        return next(args);
      },
      { step: "finalizeRequest", name: "countRequests" },
    );
  }
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, raw, table: options.tableName };
}

/** A conditional write lost: the invariant it guards already holds for someone else. */
export function isConditionFailed(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === "ConditionalCheckFailedException";
}

/**
 * Sends one conditional write: what DynamoDB answered (the attributes its ReturnValues asked for)
 * when it happened, undefined when its condition did not hold (the invariant it guards is already
 * someone else's); any other failure propagates. The one place a lost condition is caught.
 */
export async function sendIf(
  db: Db,
  command: PutCommand | UpdateCommand | DeleteCommand,
): Promise<{ attributes?: Record<string, unknown> } | undefined> {
  try {
    // The document client's overloads take one command type at a time.
    const out = await db.doc.send(command as UpdateCommand);
    return { attributes: out.Attributes };
  } catch (error) {
    if (isConditionFailed(error)) return undefined;
    throw error;
  }
}

/**
 * Sends one conditional write: true when it happened, false when its condition did not hold.
 * Callers that consume a single-use thing read the boolean as "this request won".
 */
export async function writeIf(db: Db, command: PutCommand | UpdateCommand | DeleteCommand): Promise<boolean> {
  return (await sendIf(db, command)) !== undefined;
}
