import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
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
    // The SDK's default handler already keeps connections alive (http.Agent keepAlive, 50 sockets);
    // a tuned NodeHttpHandler measured no better (docs/performance.md), so there is none here.
    ...(isLoopbackStore(options.endpoint) ? { httpAuthSchemes: [unsignedLoopbackScheme] } : {}),
  } as DynamoDBClientConfig);
  if (options.onRequest) {
    const onRequest = options.onRequest;
    raw.middlewareStack.add(
      (next, context) => async (args) => {
        onRequest(operationName(context.commandName));
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

/**
 * True for an embedded store on this machine (dynalite), never in AWS: the endpoint is a loopback
 * address and the process is not a Lambda function. Only then is SigV4 signing skipped.
 */
function isLoopbackStore(endpoint: string | undefined): boolean {
  if (!endpoint || process.env.AWS_LAMBDA_FUNCTION_NAME) return false;
  const host = new URL(endpoint).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}

/**
 * SigV4 computes two SHA-256 digests and four HMACs per request: about a sixth of a store round
 * trip's cost to the API on a loopback store (docs/performance.md). dynalite only checks that an
 * Authorization header has SigV4's shape, so a loopback store gets a fixed one. It carries no
 * secret and no credentials are read: pointed by mistake at a real DynamoDB (a tunnel), every
 * request fails with InvalidSignatureException instead of being sent signed.
 */
const unsignedLoopbackScheme = {
  schemeId: "aws.auth#sigv4",
  identityProvider: () => async () => ({ accessKeyId: "local", secretAccessKey: "local" }),
  signer: {
    async sign<T extends { headers: Record<string, string> }>(request: T): Promise<T> {
      request.headers["x-amz-date"] = "20250101T000000Z";
      request.headers.authorization = "AWS4-HMAC-SHA256 Credential=local/20250101/local/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";
      return request;
    },
  },
};

/** Read and write request units one DynamoDB request consumed, as DynamoDB reported them. */
export interface ConsumedUnits {
  read: number;
  write: number;
}

/**
 * Measurement only (the benchmark; never called in production): asks DynamoDB for the capacity
 * every request of this client consumes (`ReturnConsumedCapacity: "TOTAL"`) and reports it per
 * operation. A request that fails (a lost condition included) reports nothing: DynamoDB bills a
 * failed conditional write, but its error carries no ConsumedCapacity.
 */
export function reportConsumedCapacity(raw: DynamoDBClient, onUnits: (operation: string, units: ConsumedUnits) => void): void {
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= "TOTAL";
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: CapacityEntry | CapacityEntry[] }).ConsumedCapacity;
      const entries = consumed === undefined ? [] : [consumed].flat();
      const units = { read: 0, write: 0 };
      for (const entry of entries) {
        units.read += entry.ReadCapacityUnits ?? 0;
        units.write += entry.WriteCapacityUnits ?? 0;
        // Older answers give only the total: a read operation's total is read units, any other's write units.
        if (entry.ReadCapacityUnits === undefined && entry.WriteCapacityUnits === undefined) {
          units[READ_OPERATIONS.has(operationName(context.commandName)) ? "read" : "write"] += entry.CapacityUnits ?? 0;
        }
      }
      onUnits(operationName(context.commandName), units);
      return result;
    },
    { step: "initialize", name: "reportConsumedCapacity" },
  );
}

interface CapacityEntry {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const READ_OPERATIONS = new Set(["GetItem", "BatchGetItem", "Query", "Scan"]);

function operationName(commandName: unknown): string {
  return String(commandName ?? "unknown").replace(/Command$/, "");
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

/**
 * Sends one conditional update that asks for the item back (`ReturnValues`): the attributes when
 * it happened, undefined when its condition did not hold (as writeIf).
 */
export async function updateIf(db: Db, command: UpdateCommand): Promise<Record<string, unknown> | undefined> {
  const out = await sendIf(db, command);
  return out && (out.attributes ?? {});
}
