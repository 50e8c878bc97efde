import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { createCore, ensureTable, loadConfig, type CoreOptions, type Deps } from "@access-identity/core";
import { MAX_BODY_BYTES } from "@access-identity/graphql";
import { clientAddress, parseTrustProxy } from "../client-address.js";
import { createHandler } from "../http.js";
import { startDeliveryLoop, type DeliveryLoop } from "./delivery.js";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "./embedded-dynamo.js";
import { localEncryptionKey } from "./encryption-key.js";
import { webAppHandler } from "./web-app.js";

export interface LocalServerOptions {
  env?: Record<string, string | undefined>;
  /** Keep the embedded store in memory instead of under DATA_DIR (tests). */
  inMemory?: boolean;
  core?: CoreOptions;
  /** Extra static routes (tests serve a page from the same origin). */
  routes?: Record<string, { contentType: string; body: string | Buffer }>;
  /** The built web app served at `/` (default packages/web/dist; `false`: API only). Served when built. */
  webRoot?: string | false;
}

export interface LocalServer {
  url: string;
  port: number;
  deps: Deps;
  dynamoEndpoint: string;
  /** Sends the email outbox in-process (the notifier's local stand-in). */
  delivery: DeliveryLoop;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer | "tooLarge"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return "tooLarge";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The local server: the same handler as the Lambda, on Node's http server, over the embedded
 * store (or AWS_ENDPOINT_URL_DYNAMODB when set). Tests, the benchmark and `npm start` all use it.
 */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const env = { ...process.env, ...options.env };
  const port = Number(env.PORT ?? 4000);
  const dataDir = resolve(env.DATA_DIR || ".data");
  // Everything that can refuse to start does so before the store starts.
  if (!env.ENCRYPTION_KEY && !env.ENCRYPTION_KEYS) {
    // A key generated beside the data protects nothing if the disk leaks: production brings its own.
    if (env.NODE_ENV === "production") throw new Error("Configuration refused (NODE_ENV=production): set ENCRYPTION_KEY or ENCRYPTION_KEYS.");
    env.ENCRYPTION_KEY = localEncryptionKey(dataDir);
  }
  let config = loadConfig(env);
  const trustedHops = parseTrustProxy(env.TRUST_PROXY);
  let embedded: EmbeddedDynamo | undefined;
  if (!config.dynamoEndpoint) {
    embedded = await startEmbeddedDynamo(options.inMemory ? undefined : resolve(dataDir, "dynamodb"));
    config = { ...config, dynamoEndpoint: embedded.endpoint };
  }
  const dynamoEndpoint = config.dynamoEndpoint!;
  const deps = createCore(config, options.core);
  await ensureTable(deps.db.raw, config.tableName);
  const delivery = startDeliveryLoop(deps);
  const handle = createHandler(deps);
  const serveWebApp = options.webRoot === false ? undefined : webAppHandler(options.webRoot);
  let stopping = false;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    // While stopping, finish this request but ask the client not to reuse the connection.
    if (stopping) res.setHeader("connection", "close");
    try {
      const path = (req.url ?? "/").split("?")[0]!;
      const route = options.routes?.[path];
      if (route && req.method === "GET") {
        res.writeHead(200, { "content-type": route.contentType }).end(route.body);
        return;
      }
      if (serveWebApp?.(req, res)) return;
      const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req);
      if (body === "tooLarge") {
        res.writeHead(413, { "content-type": "application/json", connection: "close" });
        res.end(JSON.stringify({ errors: [{ message: "Request body too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] }));
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, { method: req.method, headers, body: body as Uint8Array<ArrayBuffer> | undefined });
      const response = await handle(request, { ip: clientAddress([req.headers["x-forwarded-for"] ?? []].flat().join(","), req.socket.remoteAddress, trustedHops), userAgent: req.headers["user-agent"] });
      res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...(stopping ? { connection: "close" } : {}) });
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      deps.log.error({ err: error }, "request failed outside GraphQL");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message: "Unexpected error." }] }));
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, env.HOST ?? "127.0.0.1", () => ok());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    deps,
    dynamoEndpoint,
    delivery,
    async close() {
      // Stop taking requests and finish the ones in flight (up to a grace period), then close the
      // store so LevelDB is flushed: everything acknowledged before this point is on disk.
      stopping = true;
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(grace);
      // The email in flight finishes (its lease and outcome recorded) before the store closes.
      await delivery.stop();
      deps.db.raw.destroy();
      await embedded?.close();
    },
  };
}
