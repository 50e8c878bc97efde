// The peer of issue 16's side-by-side table: better-auth (twoFactor, TOTP) on SQLite (WAL), the
// library a TypeScript team would otherwise pick, measured in the same run as our server, with
// the same scenarios, concurrency, flow counts, CPU and peak-RSS accounting. It lives in its own
// pinned install (tools/better-auth-peer), installed here on first use and when its lockfile changes.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startBenchChild } from "./child-process.js";
import { createPeerUsers, peerDriver, peerHttp } from "./peer-client.js";
import { fullSignIn, totpAndSessionCheck, totpStepAlone, type ScenarioOptions, type ScenarioResult } from "./scenarios.js";
import type { ServerProcess } from "./server-process.js";
import { round } from "./stats.js";

const PEER_DIR = fileURLToPath(new URL("../../tools/better-auth-peer/", import.meta.url));

export interface PeerReport {
  name: string;
  /** Installed versions (from the pinned install) and the SQLite settings the server reported. */
  versions: Record<string, string>;
  sqlite: { version: string; journalMode: string; synchronous: number };
  scenarios: ScenarioResult[];
  /** Peak resident set size (VmHWM) of the peer's one process (its SQLite included). */
  peakRssMb: number | null;
  serverMemoryAfterLoadMb: Record<string, number | null>;
}

/** `npm ci --prefix tools/better-auth-peer` unless node_modules was installed from this very lockfile. */
export function ensurePeerInstalled(log: (message: string) => void): void {
  const lock = createHash("sha256").update(readFileSync(`${PEER_DIR}package-lock.json`)).digest("hex");
  const stamp = `${PEER_DIR}node_modules/.bench-installed-from`;
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === lock) return;
  log("installing the better-auth peer (npm ci --prefix tools/better-auth-peer; builds better-sqlite3 when no prebuilt binary downloads)");
  execFileSync("npm", ["ci", "--prefix", PEER_DIR, "--no-audit", "--no-fund", "--silent"], { stdio: ["ignore", "inherit", "inherit"] });
  writeFileSync(stamp, lock);
}

const installedVersion = (name: string) => (JSON.parse(readFileSync(`${PEER_DIR}node_modules/${name}/package.json`, "utf8")) as { version: string }).version;

async function startPeerProcess(): Promise<ServerProcess> {
  // Forked as our server is (plain node, same UV_THREADPOOL_SIZE): see child-process.ts.
  const child = await startBenchChild("../../tools/better-auth-peer/server.mjs", { NODE_ENV: "production" });
  let offsetMs = 0;
  return {
    ...child,
    now: () => Date.now() + offsetMs,
    async advance(seconds) {
      offsetMs = (await child.ask<number | undefined>({ advanceSeconds: seconds }, "offsetMs")) ?? offsetMs;
    },
  };
}

/** Runs our five scenarios, in the same order and with the same settings, against better-auth. */
export async function runPeer(settings: { users: number; flows: number; seconds: number }, log: (message: string) => void): Promise<PeerReport> {
  ensurePeerInstalled(log);
  const server = await startPeerProcess();
  try {
    const call = peerHttp(server.url);
    log(`better-auth peer: creating ${settings.users} users with TOTP`);
    const users = await createPeerUsers(call, settings.users, server.now, Date.now() + Math.max(60, settings.seconds) * 1000);
    const scenarios: ScenarioResult[] = [];
    // Our scenarios, step for step, only the calls differ (peer-client.ts).
    const driver = peerDriver(call);
    const run = async (scenario: (options: ScenarioOptions) => Promise<ScenarioResult>, concurrency: number) => {
      const result = await scenario({ server, driver, users, concurrency, flows: settings.flows, seconds: settings.seconds });
      log(`better-auth ${result.name}, c=${concurrency}: ${result.flows} flows, ${result.flowsPerSecond}/s${result.failed ? `, ${result.failed} failed` : ""}`);
      scenarios.push(result);
    };
    await run(totpStepAlone, 1);
    await run(totpStepAlone, 16);
    await run(totpAndSessionCheck, 16);
    await run(fullSignIn, 1);
    await run(fullSignIn, 16);
    const peak = server.peakRss();
    const memory = await server.ask<NodeJS.MemoryUsage>({ memory: true }, "memoryUsage");
    const mb = (bytes: number | undefined) => (bytes === undefined ? null : round(bytes / 2 ** 20, 1));
    const ready = server.ready as { sqlite: string; journalMode: string; synchronous: number };
    return {
      name: "better-auth",
      versions: { "better-auth": installedVersion("better-auth"), "better-sqlite3": installedVersion("better-sqlite3"), node: process.version },
      sqlite: { version: ready.sqlite, journalMode: ready.journalMode, synchronous: ready.synchronous },
      scenarios,
      peakRssMb: mb(peak),
      serverMemoryAfterLoadMb: Object.fromEntries(Object.entries(memory).map(([name, bytes]) => [name, mb(bytes)])),
    };
  } finally {
    await server.stop();
  }
}
