// `npx tsx scripts/bench/store-client.ts [requests]`: what one store round trip costs the API's
// thread with the DynamoDB client as createDb builds it, against variants (a tuned request handler,
// a fixed Authorization header instead of SigV4 for a loopback store). The store runs on its own
// thread (as under `npm start`); the figures are the main thread's: wall time per request and its
// event loop's active time per request (eventLoopUtilization is per thread, unlike cpuUsage).
import { Agent } from "node:http";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
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
  "createDb (as today)": () => createDb({ tableName: table, endpoint: store.endpoint, region: "us-east-1" }).doc,
  "+ NodeHttpHandler, keep-alive agent, maxSockets 64": () =>
    DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 64 }) }) })),
  "+ fixed Authorization header (no SigV4)": () =>
    DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, httpAuthSchemes: [staticSigner] } as ConstructorParameters<typeof DynamoDBClient>[0])),
};

await ensureTable(new DynamoDBClient(base), table);
for (const round_ of [1, 2]) {
  for (const [name, make] of Object.entries(variants)) {
    const doc = make();
    const key = { PK: `USER#${name}`, SK: "PROFILE" };
    // Warm-up: connections, endpoint resolution, lazy imports.
    for (let i = 0; i < 50; i++) await doc.send(new UpdateCommand({ TableName: table, Key: key, UpdateExpression: "ADD n :one", ExpressionAttributeValues: { ":one": 1 } }));
    const times: number[] = [];
    const elu = performance.eventLoopUtilization();
    const started = performance.now();
    for (let i = 0; i < requests; i++) {
      const t = performance.now();
      if (i % 2) await doc.send(new GetCommand({ TableName: table, Key: key }));
      else await doc.send(new UpdateCommand({ TableName: table, Key: key, UpdateExpression: "ADD n :one", ExpressionAttributeValues: { ":one": 1 }, ConditionExpression: "attribute_exists(PK)" }));
      times.push(performance.now() - t);
    }
    const wall = performance.now() - started;
    const used = performance.eventLoopUtilization(elu);
    const d = distribution(times);
    console.log(`round ${round_} ${name.padEnd(52)} p50 ${round(d.p50, 3)} ms, p95 ${round(d.p95, 3)} ms, API thread active ${round((used.active) / requests, 3)} ms/request (wall ${round(wall / requests, 3)})`);
    doc.destroy();
  }
}
await store.close();
