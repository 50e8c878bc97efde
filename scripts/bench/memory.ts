// `npx tsx scripts/bench/memory.ts [--users 50] [--flows 200] [--seconds 30] [--runs 2] [VARIANT...]`:
// peak RSS (VmHWM) of the benchmark's API server and store processes under its c=16 load (the
// same scenarios as `npm run bench`), for each variant of the processes' environment or Node flags
// below, each on a fresh store and server, the variants interleaved `runs` times so that the
// machine's changing load hits them alike. Prints one line per run and the median per variant.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { limitEnvNames } from "@access-identity/core/rate-limit/limits";
import { httpGql } from "./graphql-client.js";
import { fullSignIn, totpAndSessionCheck, totpStepAlone } from "./scenarios.js";
import { startServerProcess, startStoreProcess } from "./server-process.js";
import { median, round } from "./stats.js";
import { createUsers } from "./users.js";

interface Variant {
  /** Environment of both processes (the store's process too: it holds LevelDB and its threads). */
  env?: Record<string, string>;
  /** Environment of the API server only. */
  serverEnv?: Record<string, string>;
  execArgv?: string[];
  /** The store on the server's own worker thread, as under `npm start` (its RSS is then the server's). */
  inProcessStore?: boolean;
}

export const VARIANTS: Record<string, Variant> = {
  default: {},
  "arena-2": { env: { MALLOC_ARENA_MAX: "2" } },
  "threads-4": { serverEnv: { UV_THREADPOOL_SIZE: "4" } },
  "threads-2": { serverEnv: { UV_THREADPOOL_SIZE: "2" } },
  "arena-2+threads-4": { env: { MALLOC_ARENA_MAX: "2" }, serverEnv: { UV_THREADPOOL_SIZE: "4" } },
  "arena-2+threads-2": { env: { MALLOC_ARENA_MAX: "2" }, serverEnv: { UV_THREADPOOL_SIZE: "2" } },
  "semi-space-4": { execArgv: ["--max-semi-space-size=4"] },
  "arena-2+semi-space-4": { env: { MALLOC_ARENA_MAX: "2" }, execArgv: ["--max-semi-space-size=4"] },
  "trim-threshold": { env: { MALLOC_ARENA_MAX: "2", MALLOC_TRIM_THRESHOLD_: "131072", MALLOC_MMAP_THRESHOLD_: "131072" } },
  "threads-2+semi-4": { env: { NODE_OPTIONS: "--max-semi-space-size=4" }, serverEnv: { UV_THREADPOOL_SIZE: "2" } },
  "threads-2+semi-2": { env: { NODE_OPTIONS: "--max-semi-space-size=2" }, serverEnv: { UV_THREADPOOL_SIZE: "2" } },
  "in-process": { inProcessStore: true },
  "in-process+threads-2+semi-4": { inProcessStore: true, env: { NODE_OPTIONS: "--max-semi-space-size=4" }, serverEnv: { UV_THREADPOOL_SIZE: "2" } },
  "in-process+threads-4": { inProcessStore: true, serverEnv: { UV_THREADPOOL_SIZE: "4" } },
  "in-process+threads-2": { inProcessStore: true, serverEnv: { UV_THREADPOOL_SIZE: "2" } },
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { users: { type: "string" }, flows: { type: "string" }, seconds: { type: "string" }, runs: { type: "string" } },
});
const users = Number(values.users ?? 50);
const flows = Number(values.flows ?? 200);
const seconds = Number(values.seconds ?? 30);
const runs = Number(values.runs ?? 2);
const names = positionals.length > 0 ? positionals : ["default", "arena-2"];
for (const name of names) if (!VARIANTS[name]) throw new Error(`unknown variant ${name}: ${Object.keys(VARIANTS).join(", ")}`);

const raisedLimits = Object.fromEntries(Object.values(limitEnvNames).map((name) => [name, "1000000/60"]));
Object.assign(process.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", LOG_LEVEL: "warn" });
const serverEnv = { ...raisedLimits, PORT: "0", HOST: "127.0.0.1", SMS_PROVIDER: "console", LOG_LEVEL: "warn" };
const mib = (bytes: number | undefined) => (bytes === undefined ? NaN : round(bytes / 2 ** 20, 1));

const results = new Map<string, { server: number; store: number }[]>();
for (let run = 0; run < runs; run++) {
  for (const name of names) {
    const variant = VARIANTS[name]!;
    const dataDir = mkdtempSync(join(tmpdir(), "access-identity-memory-"));
    const saved = { ...process.env };
    // The store process inherits process.env (child-process.ts); the server gets its own env too.
    Object.assign(process.env, variant.env);
    try {
      const store = await startStoreProcess(join(dataDir, "dynamodb"), 0);
      // An empty endpoint: the server starts the embedded store itself (the store process idles).
      const server = await startServerProcess({ ...serverEnv, ...variant.env, ...variant.serverEnv, DATA_DIR: join(dataDir, "server") }, store, variant.inProcessStore ? "" : store.url, variant.execArgv);
      try {
        const gql = httpGql(server.url);
        const created = await createUsers(gql, users, server.now, Date.now() + Math.max(60, seconds) * 1000);
        const started = performance.now();
        const rates: string[] = [];
        for (const scenario of [totpStepAlone, totpAndSessionCheck, fullSignIn]) {
          const result = await scenario({ server, gql, users: created, concurrency: 16, flows, seconds });
          rates.push(`${result.flowsPerSecond}/s`);
        }
        const peak = { server: mib(server.peakRss()), store: variant.inProcessStore ? 0 : mib(store.peakRss()) };
        results.set(name, [...(results.get(name) ?? []), peak]);
        process.stdout.write(`${name.padEnd(24)} run ${run + 1}: server ${peak.server} MiB, store ${peak.store} MiB, total ${round(peak.server + peak.store, 1)} MiB (${round((performance.now() - started) / 1000, 1)} s of load; c=16 TOTP, TOTP + me, full sign-in: ${rates.join(", ")})\n`);
      } finally {
        await server.stop();
        await store.stop();
      }
    } finally {
      process.env = saved;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
process.stdout.write("\nmedian peak RSS under the c=16 load:\n");
for (const name of names) {
  const peaks = results.get(name) ?? [];
  const server = median(peaks.map((p) => p.server));
  const store = median(peaks.map((p) => p.store));
  process.stdout.write(`${name.padEnd(24)} server ${server} MiB, store ${store} MiB, total ${round(server + store, 1)} MiB\n`);
}
