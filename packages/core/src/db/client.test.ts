import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createDb } from "./client.js";

// A loopback endpoint that records the headers of what it is sent and answers an empty GetItem.
let seen: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
  seen.push(req.headers);
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/x-amz-json-1.0" }).end("{}"));
});
let endpoint = "";
beforeAll(async () => {
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

async function authorizationSent(env: Record<string, string | undefined>): Promise<string> {
  const saved = { ...process.env };
  // process.env turns undefined into "undefined": unset those instead.
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    seen = [];
    const db = createDb({ tableName: "t", endpoint, region: "us-east-1" });
    await db.doc.send(new GetCommand({ TableName: "t", Key: { PK: "a", SK: "b" } }));
    db.raw.destroy();
    return String(seen[0]?.authorization);
  } finally {
    for (const name of Object.keys(env)) if (saved[name] === undefined) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

test("a loopback store outside Lambda gets the fixed, secret-free Authorization header", async () => {
  const authorization = await authorizationSent({ AWS_LAMBDA_FUNCTION_NAME: undefined });
  expect(authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=local\/.* Signature=0$/);
});

test("in a Lambda function every request is SigV4-signed, even to a loopback endpoint", async () => {
  const authorization = await authorizationSent({ AWS_LAMBDA_FUNCTION_NAME: "api", AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" });
  expect(authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/dynamodb\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/);
});
