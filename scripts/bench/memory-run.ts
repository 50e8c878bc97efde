// Peak RSS (VmHWM) of a fresh API server (and store process) under the benchmark's c=16 load: the
// same scenarios as `npm run bench`, on a store of its own. Used by memory.ts (variants side by side)
// and by main.ts (the local server as `npm start` runs it).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { limitEnvNames } from "@access-identity/core/rate-limit/limits";
import { httpGql } from "./graphql-client.js";
import { fullSignIn, graphqlDriver, totpAndSessionCheck, totpStepAlone } from "./scenarios.js";
import { startServerProcess, startStoreProcess } from "./server-process.js";
import { round } from "./stats.js";
import { createUsers } from "./users.js";

export interface Variant {
  /** Environment of both processes (the store's process too: it holds LevelDB and its threads). */
  env?: Record<string, string>;
  /** Environment of the API server only. */
  serverEnv?: Record<string, string>;
  execArgv?: string[];
  /** The store on the server's own worker thread, as under `npm start` (its RSS is then the server's). */
  inProcessStore?: boolean;
}

export interface PeakRss {
  server: number;
  store: number;
  /** Flows per second of the three c=16 scenarios (TOTP, TOTP + me, full sign-in). */
  rates: number[];
  seconds: number;
}

/**
 * The server as `npm start` runs it: the store on its worker thread, with the Node flags and the
 * UV_THREADPOOL_SIZE default of the `start` script in package.json (read from there, so the two
 * cannot drift apart).
 */
export function npmStartVariant(): Variant {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const start: string = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.start;
  const node = start.match(/\bnode((?:\s+--\S+)*)\s+dist\/local\/main\.mjs/);
  if (!node) throw new Error(`the start script no longer runs dist/local/main.mjs on node: ${start}`);
  const threads = start.match(/UV_THREADPOOL_SIZE=\$\{UV_THREADPOOL_SIZE:-(\d+)\}/)?.[1];
  return { inProcessStore: true, execArgv: node[1]!.trim().split(/\s+/).filter(Boolean), serverEnv: threads ? { UV_THREADPOOL_SIZE: threads } : {} };
}

const mib = (bytes: number | undefined) => (bytes === undefined ? NaN : round(bytes / 2 ** 20, 1));

export async function peakRssUnderLoad(variant: Variant, load: { users: number; flows: number; seconds: number }): Promise<PeakRss> {
  const raisedLimits = Object.fromEntries(Object.values(limitEnvNames).map((name) => [name, "1000000/60"]));
  const serverEnv = { ...raisedLimits, PORT: "0", HOST: "127.0.0.1", SMS_PROVIDER: "console", LOG_LEVEL: "warn" };
  const dataDir = mkdtempSync(join(tmpdir(), "access-identity-memory-"));
  const saved = { ...process.env };
  // The store process inherits process.env (child-process.ts); the server gets its own env too.
  Object.assign(process.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", LOG_LEVEL: "warn" }, variant.env);
  try {
    const store = await startStoreProcess(join(dataDir, "dynamodb"), 0);
    // An empty endpoint: the server starts the embedded store itself (the store process idles).
    const server = await startServerProcess(
      { ...serverEnv, ...variant.env, ...variant.serverEnv, DATA_DIR: join(dataDir, "server") },
      store,
      variant.inProcessStore ? "" : store.url,
      variant.execArgv,
    );
    try {
      const gql = httpGql(server.url);
      const created = await createUsers(gql, load.users, server.now, Date.now() + Math.max(60, load.seconds) * 1000);
      const started = performance.now();
      const rates: number[] = [];
      for (const scenario of [totpStepAlone, totpAndSessionCheck, fullSignIn]) {
        const result = await scenario({ server, driver: graphqlDriver(gql), users: created, concurrency: 16, flows: load.flows, seconds: load.seconds });
        rates.push(result.flowsPerSecond);
      }
      return {
        server: mib(server.peakRss()),
        store: variant.inProcessStore ? 0 : mib(store.peakRss()),
        rates,
        seconds: round((performance.now() - started) / 1000, 1),
      };
    } finally {
      await server.stop();
      await store.stop();
    }
  } finally {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
