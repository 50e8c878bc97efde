// `npm run bench`: sign-in throughput, latency and server CPU on the local server (its store in a
// process of its own), the same with a delay added to every store request, DynamoDB requests and
// request units per operation and what they cost, peak memory, and the Lambda bundle's size and
// cold start. Flags: see args.ts (--help).
import { npmStartVariant, peakRssUnderLoad } from "./memory-run.js";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { limitEnvNames } from "@access-identity/core/rate-limit/limits";
import { parseBenchArgs } from "./args.js";
import { countDbRequests } from "./db-requests.js";
import { httpGql } from "./graphql-client.js";
import { bundleSize, coldStart } from "./lambda.js";
import { runPeer } from "./peer.js";
import { sideBySide } from "./peer-report.js";
import { signInCost } from "./prices.js";
import { formatReport, machine, targets, type BenchReport } from "./report.js";
import { fullSignIn, graphqlDriver, totpAndSessionCheck, totpStepAlone, type ScenarioOptions, type ScenarioResult } from "./scenarios.js";
import { startServerProcess, startStoreProcess, type ServerProcess, type StoreProcess } from "./server-process.js";
import { round } from "./stats.js";
import { createUsers } from "./users.js";

const args = parseBenchArgs(process.argv.slice(2));
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

// Every rate limit raised: the benchmark signs the same users in hundreds of times from one IP.
const raisedLimits = Object.fromEntries(Object.values(limitEnvNames).map((name) => [name, "1000000/60"]));
Object.assign(process.env, raisedLimits, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", LOG_LEVEL: "warn" });
const serverEnv = { ...raisedLimits, PORT: "0", HOST: "127.0.0.1", SMS_PROVIDER: "console", LOG_LEVEL: "warn" };

const startedAt = new Date();
const machineAtStart = machine();
const dataDir = mkdtempSync(join(tmpdir(), "access-identity-bench-"));
let store: StoreProcess | undefined;
let server: ServerProcess | undefined;
let slowServer: ServerProcess | undefined;
let counting: Awaited<ReturnType<typeof countDbRequests>>["server"] | undefined;
try {
  log(`starting the embedded store and the local server (data in ${dataDir})`);
  store = await startStoreProcess(join(dataDir, "dynamodb"), args.storeLatencyMs);
  server = await startServerProcess({ ...serverEnv, DATA_DIR: dataDir }, store, store.url);
  const gql = httpGql(server.url);

  log(`creating ${args.users} users with TOTP`);
  const users = await createUsers(gql, args.users, server.now, Date.now() + Math.max(60, args.seconds) * 1000);

  const scenarios: ScenarioResult[] = [];
  const run = async (scenario: (options: ScenarioOptions) => Promise<ScenarioResult>, on: ServerProcess, concurrency: number, label = "", profile?: string) => {
    const result = await scenario({ server: on, driver: graphqlDriver(httpGql(on.url)), users, concurrency, flows: args.flows, seconds: args.seconds, profile });
    if (label) result.name += label;
    log(`${result.name}, c=${concurrency}: ${result.flows} flows, ${result.flowsPerSecond}/s${result.failed ? `, ${result.failed} failed` : ""}`);
    scenarios.push(result);
  };
  if (args.cpuProf) mkdirSync(args.cpuProf, { recursive: true });
  await run(totpStepAlone, server, 1, "", args.cpuProf && resolve(args.cpuProf, "totp-step-c1"));
  await run(totpStepAlone, server, 16);
  await run(totpAndSessionCheck, server, 16);
  await run(fullSignIn, server, 1);
  await run(fullSignIn, server, 16);
  const peakServer = server.peakRss();
  const serverMemory = await server.ask<NodeJS.MemoryUsage>({ memory: true }, "memoryUsage");
  await server.stop();

  if (args.storeLatencyMs > 0) {
    log(`the same store, ${args.storeLatencyMs} ms added to every request`);
    slowServer = await startServerProcess({ ...serverEnv, DATA_DIR: dataDir }, store, store.slowUrl);
    // The users' TOTP steps follow the first server's clock: start where it stopped.
    await slowServer.advance(Math.ceil((server.now() - Date.now()) / 1000));
    const label = ` + ${args.storeLatencyMs} ms store latency`;
    await run(totpStepAlone, slowServer, 1, label);
    await run(fullSignIn, slowServer, 1, label);
    await slowServer.stop();
  }
  const peakStore = store.peakRss();
  await store.stop();

  // What a developer's machine holds: the server as `npm start` runs it (one process, the store on
  // its worker thread, the start script's Node flags), under the same c=16 load, on a store of its own.
  log("the local server as `npm start` runs it, under the c=16 load: peak RSS");
  const npmStart = await peakRssUnderLoad(npmStartVariant(), args);

  // The peer (issue 16's side-by-side table): better-auth, measured after ours in this same run.
  const peer = args.peer === "better-auth" ? await runPeer(args, log) : null;

  log("counting DynamoDB requests and request units per operation");
  const counted = await countDbRequests(raisedLimits);
  counting = counted.server;
  const cost = signInCost({
    read: counted.counts.signIn.units.read + counted.counts.completeSignIn.units.read,
    write: counted.counts.signIn.units.write + counted.counts.completeSignIn.units.write,
  });

  log("measuring the Lambda bundle");
  const bundle = bundleSize();
  const cold = await coldStart(counting.dynamoEndpoint, counting.deps.config.tableName);

  const mb = (bytes: number | undefined) => (bytes === undefined ? null : round(bytes / 2 ** 20, 1));
  const partial: Omit<BenchReport, "targets" | "sideBySide"> = {
    date: startedAt.toISOString(),
    machine: { ...machineAtStart, loadAverageAtEnd: machine().loadAverageAtStart },
    settings: { users: args.users, flows: args.flows, seconds: args.seconds, storeLatencyMs: args.storeLatencyMs },
    scenarios,
    dbRequests: counted.counts,
    cost,
    peakRssMb: { server: mb(peakServer), store: mb(peakStore), npmStart: npmStart.server },
    serverMemoryAfterLoadMb: Object.fromEntries(Object.entries(serverMemory).map(([name, bytes]) => [name, mb(bytes)])),
    bundle,
    coldStart: cold,
    peer,
  };
  const report: BenchReport = { ...partial, sideBySide: sideBySide(partial), targets: targets(partial) };
  process.stdout.write(formatReport(report));
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${args.json}`);
  }
} finally {
  await slowServer?.stop();
  await server?.stop();
  await store?.stop();
  await counting?.close();
  rmSync(dataDir, { recursive: true, force: true });
}
