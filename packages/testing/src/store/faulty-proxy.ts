import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmbeddedStore } from "./embedded.js";

/**
 * What the proxy does with one DynamoDB request: pass it on, answer a fault instead, or hold it
 * (a slow store) until the promise settles, then pass it on — to put racing requests in an order.
 * "unprocessed" (BatchWriteItem only) does what AWS does to a throttled batch: it writes the first
 * item of each table and hands the rest back as UnprocessedItems, with a 200.
 */
export type Fault = "throttle" | "unavailable" | "unprocessed" | { holdUntil: Promise<unknown> } | undefined;

export type RequestMatch = (operation: string, body: string) => boolean;

/** A request held by `holdNext`: `reached` settles when it arrives, `release()` lets it through. */
export interface Hold {
  reached: Promise<void>;
  release(): void;
}

export interface FaultyProxy {
  endpoint: string;
  /** Decides per request, from the operation (X-Amz-Target) and the JSON body. */
  decide: (operation: string, body: string) => Fault;
  /** Holds the next request that matches (that one only) until released; replaces `decide`. */
  holdNext(match: RequestMatch): Hold;
  faultsServed: number;
  close(): Promise<void>;
}

/** The write that turns sign-in challenge `challengeId` into its session. */
export function sessionWriteOf(challengeId: string): RequestMatch {
  return (operation, body) => operation === "UpdateItem" && body.includes(`SESSION#${challengeId}`) && body.includes("tokenHash");
}

/** A fresh embedded store with the proxy in front: point the API at `endpoint`; close() closes both. */
export async function startProxiedStore(): Promise<FaultyProxy> {
  const store = await startEmbeddedStore();
  const proxy = await startFaultyProxy(store.endpoint);
  const closeProxy = proxy.close;
  proxy.close = async () => {
    await closeProxy();
    await store.close();
  };
  return proxy;
}

/**
 * A loopback proxy in front of a DynamoDB-protocol endpoint that can answer faults the way AWS
 * does (400 ThrottlingException, 500 InternalServerError), so the real SDK's retries and our
 * handling of a dependency that stays down are both exercised.
 */
export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  const upstream = new URL(target);
  const proxy: FaultyProxy = {
    endpoint: "",
    decide: () => undefined,
    holdNext(match) {
      let release!: () => void;
      let arrived!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      let holding = false;
      proxy.decide = (operation, body) => {
        if (holding || !match(operation, body)) return undefined;
        holding = true;
        arrived();
        return { holdUntil: released };
      };
      return { reached, release };
    },
    faultsServed: 0,
    close: async () => {},
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const operation = String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "";
    let fault = proxy.decide(operation, body.toString("utf8"));
    if (typeof fault === "object") {
      await fault.holdUntil.catch(() => {});
      fault = undefined;
    }
    if (fault === "unprocessed") {
      proxy.faultsServed += 1;
      const { kept, rest } = splitBatchWrite(body);
      const upstreamRes = await send(upstream, req, kept).catch(() => undefined);
      if (!upstreamRes) return void res.destroy();
      if (upstreamRes.status !== 200) {
        res.writeHead(upstreamRes.status, { "content-type": "application/x-amz-json-1.0" });
        res.end(upstreamRes.body);
        return;
      }
      res.writeHead(200, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "fault" });
      res.end(JSON.stringify({ UnprocessedItems: rest }));
      return;
    }
    if (fault) {
      proxy.faultsServed += 1;
      const [status, type, message] =
        fault === "throttle"
          ? [400, "com.amazonaws.dynamodb.v20120810#ThrottlingException", "Rate of requests exceeds the allowed throughput."]
          : [500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error"];
      res.writeHead(status, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "fault" });
      res.end(JSON.stringify({ __type: type, message }));
      return;
    }
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    forward.on("error", () => res.destroy());
    forward.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return proxy;
}

/** A BatchWriteItem body split in two: the first write of each table, and the rest. */
function splitBatchWrite(body: Buffer): { kept: Buffer; rest: Record<string, unknown[]> } {
  const request = JSON.parse(body.toString("utf8")) as { RequestItems: Record<string, unknown[]> } & Record<string, unknown>;
  const kept: Record<string, unknown[]> = {};
  const rest: Record<string, unknown[]> = {};
  for (const [table, writes] of Object.entries(request.RequestItems)) {
    kept[table] = writes.slice(0, 1);
    if (writes.length > 1) rest[table] = writes.slice(1);
  }
  return { kept: Buffer.from(JSON.stringify({ ...request, RequestItems: kept })), rest };
}

/** Sends a (rewritten) request body upstream and reads the whole answer. */
function send(upstream: URL, req: IncomingMessage, body: Buffer): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, "content-length": String(body.length) };
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, async (upstreamRes) => {
      const chunks: Buffer[] = [];
      for await (const chunk of upstreamRes) chunks.push(chunk as Buffer);
      resolve({ status: upstreamRes.statusCode ?? 502, body: Buffer.concat(chunks) });
    });
    forward.on("error", reject);
    forward.end(body);
  });
}
