// `npx tsx scripts/bench/memory.ts [--users 50] [--flows 200] [--seconds 30] [--runs 2] [VARIANT...]`:
// peak RSS (VmHWM) of the benchmark's API server and store processes under its c=16 load (the
// same scenarios as `npm run bench`), for each variant of the processes' environment or Node flags
// below, each on a fresh store and server, the variants interleaved `runs` times so that the
// machine's changing load hits them alike. Prints one line per run and the median per variant.
import { parseArgs } from "node:util";
import { npmStartVariant, peakRssUnderLoad, type Variant } from "./memory-run.js";
import { median, round } from "./stats.js";

const npmStart = npmStartVariant();

export const VARIANTS: Record<string, Variant> = {
  default: {},
  "npm-start": npmStart,
  "npm-start+mmap-128k": { ...npmStart, env: { MALLOC_MMAP_THRESHOLD_: "131072" } },
  "npm-start+arena-2": { ...npmStart, env: { MALLOC_ARENA_MAX: "2" } },
  "npm-start+optimize-for-size": { ...npmStart, execArgv: [...npmStart.execArgv!, "--optimize-for-size"] },
  "npm-start+old-space-128": { ...npmStart, execArgv: [...npmStart.execArgv!, "--max-old-space-size=128"] },
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
  "in-process+semi-4": { inProcessStore: true, env: { NODE_OPTIONS: "--max-semi-space-size=4" } },
  "in-process+semi-2": { inProcessStore: true, env: { NODE_OPTIONS: "--max-semi-space-size=2" } },
  "in-process+threads-4+semi-4": { inProcessStore: true, env: { NODE_OPTIONS: "--max-semi-space-size=4" }, serverEnv: { UV_THREADPOOL_SIZE: "4" } },
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

const results = new Map<string, { server: number; store: number }[]>();
for (let run = 0; run < runs; run++) {
  for (const name of names) {
    const peak = await peakRssUnderLoad(VARIANTS[name]!, { users, flows, seconds });
    results.set(name, [...(results.get(name) ?? []), peak]);
    const rates = peak.rates.map((rate) => `${rate}/s`).join(", ");
    process.stdout.write(`${name.padEnd(24)} run ${run + 1}: server ${peak.server} MiB, store ${peak.store} MiB, total ${round(peak.server + peak.store, 1)} MiB (${peak.seconds} s of load; c=16 TOTP, TOTP + me, full sign-in: ${rates})\n`);
  }
}
process.stdout.write("\nmedian peak RSS under the c=16 load:\n");
for (const name of names) {
  const peaks = results.get(name) ?? [];
  const server = median(peaks.map((p) => p.server));
  const store = median(peaks.map((p) => p.store));
  process.stdout.write(`${name.padEnd(24)} server ${server} MiB, store ${store} MiB, total ${round(server + store, 1)} MiB\n`);
}
