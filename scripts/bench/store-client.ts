// `npx tsx scripts/bench/store-client.ts [requests]`: what one store round trip costs the API's
// thread with the DynamoDB client as createDb builds it, against variants (a tuned request handler,
// a fixed Authorization header instead of SigV4 for a loopback store). The store runs on its own
// thread (as under `npm start`); the figures are the main thread's: wall time per request and its
// event loop's active time per request (eventLoopUtilization is per thread, unlike cpuUsage).
import { Agent } from "node:http";
import { performance } from "node:perf_hooks";
import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { createDb } from "@access-identity/core/db/client";
import { ensureTable } from "@access-identity/core/db/table";
import { startEmbeddedDynamo } from "@access-identity/functions/local/embedded-dynamo";
import { distribution, round } from "./stats.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const requests = Number(process.argv[2] ?? 1000);
const store = await startEmbeddedDynamo();
const table = "bench";
const base = { region: "us-east-1", endpoint: store.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" }, maxAttempts: 4 };
// Types: the SDK's HttpRequest has more fields than this signer touches.
const staticSigner = {
  schemeId: "aws.auth#sigv4",
  identityProvider: () => async () => base.credentials,
  signer: {
    async sign(request: { headers: Record<string, string> }) {
      request.headers["x-amz-date"] = "20250101T000000Z";
      request.headers.authorization = "AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";
      return request;
    },
  },
};
const variants: Record<string, () => DynamoDBDocumentClient> = {
  "SigV4-signed, SDK's default handler": () => DynamoDBDocumentClient.from(new DynamoDBClient(base)),
  "+ NodeHttpHandler, keep-alive agent, maxSockets 64": () =>
    DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 64 }) }) })),
  "+ fixed Authorization header (no SigV4)": () =>
    DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, httpAuthSchemes: [staticSigner] } as unknown as DynamoDBClientConfig)),
  "createDb (loopback: fixed header)": () => createDb({ tableName: table, endpoint: store.endpoint, region: "us-east-1" }).doc,
};

await ensureTable(new DynamoDBClient(base), table);
const clients = Object.entries(variants).map(([name, make]) => ({ name, doc: make(), key: { PK: `USER#${name}`, SK: "PROFILE" }, times: [] as number[], activeMs: 0 }));
const once = (c: (typeof clients)[number], i: number) =>
  i % 2
    ? c.doc.send(new GetCommand({ TableName: table, Key: c.key }))
    : c.doc.send(new UpdateCommand({ TableName: table, Key: c.key, UpdateExpression: "ADD n :one", ExpressionAttributeValues: { ":one": 1 } }));
// Warm-up: connections, endpoint resolution, lazy imports.
for (const c of clients) for (let i = 0; i < 50; i++) await once(c, i);
// The variants take turns in batches of 50, so a change in the machine's load hits them alike.
for (let batch = 0; batch < requests / 50; batch++) {
  for (const c of clients) {
    const elu = performance.eventLoopUtilization();
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await once(c, i);
      c.times.push(performance.now() - t);
    }
    c.activeMs += performance.eventLoopUtilization(elu).active;
  }
}
for (const c of clients) {
  const d = distribution(c.times);
  console.log(`${c.name.padEnd(52)} p50 ${round(d.p50, 3)} ms, p95 ${round(d.p95, 3)} ms, API thread active ${round(c.activeMs / c.times.length, 3)} ms/request`);
  c.doc.destroy();
}
await store.close();
