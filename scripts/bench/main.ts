// `npm run bench`: sign-in throughput and latency on the local server, DynamoDB requests per
// operation, the server's peak memory, and the Lambda bundle's size and cold start.
// Flags: --users N (50), --flows N (200 per scenario), --seconds N (60 per scenario), --json FILE.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { limitEnvNames } from "@access-identity/core/rate-limit/limits";
import { parseBenchArgs } from "./args.js";
import { countDbRequests } from "./db-requests.js";
import { httpGql } from "./graphql-client.js";
import { bundleSize, coldStart } from "./lambda.js";
import { formatReport, machine, targets, type BenchReport } from "./report.js";
import { fullSignIn, totpStepAlone, type ScenarioResult } from "./scenarios.js";
import { startServerProcess, type ServerProcess } from "./server-process.js";
import { round } from "./stats.js";
import { createUsers } from "./users.js";

const args = parseBenchArgs(process.argv.slice(2));
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

// Every rate limit raised: the benchmark signs the same users in hundreds of times from one IP.
const raisedLimits = Object.fromEntries(Object.values(limitEnvNames).map((name) => [name, "1000000/60"]));
Object.assign(process.env, raisedLimits, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", LOG_LEVEL: "warn" });

const dataDir = mkdtempSync(join(tmpdir(), "access-identity-bench-"));
let server: ServerProcess | undefined;
let counting: Awaited<ReturnType<typeof countDbRequests>>["server"] | undefined;
try {
  log(`starting the local server (data in ${dataDir})`);
  server = await startServerProcess({ ...raisedLimits, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, SMS_PROVIDER: "console", LOG_LEVEL: "warn" });
  const gql = httpGql(server.url);

  log(`creating ${args.users} users with TOTP`);
  const users = await createUsers(gql, args.users, server.now, Date.now() + Math.max(60, args.seconds) * 1000);

  const scenarios: ScenarioResult[] = [];
  for (const [run, concurrency] of [
    [totpStepAlone, 1],
    [totpStepAlone, 16],
    [fullSignIn, 1],
    [fullSignIn, 16],
  ] as const) {
    const result = await run({ server, gql, users, concurrency, flows: args.flows, seconds: args.seconds });
    log(`${result.name}, c=${concurrency}: ${result.flows} flows, ${result.flowsPerSecond}/s${result.failed ? `, ${result.failed} failed` : ""}`);
    scenarios.push(result);
  }
  const peak = server.peakRss();
  await server.stop();

  log("counting DynamoDB requests per operation");
  const counted = await countDbRequests(raisedLimits);
  counting = counted.server;

  log("measuring the Lambda bundle");
  const bundle = bundleSize();
  const cold = await coldStart(counting.dynamoEndpoint, counting.deps.config.tableName);

  const partial: Omit<BenchReport, "targets"> = {
    machine: machine(),
    settings: { users: args.users, flows: args.flows, seconds: args.seconds },
    scenarios,
    dbRequests: counted.counts,
    serverPeakRssMb: peak === undefined ? null : round(peak / 2 ** 20, 1),
    bundle,
    coldStart: cold,
  };
  const report: BenchReport = { ...partial, targets: targets(partial) };
  process.stdout.write(formatReport(report));
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${args.json}`);
  }
} finally {
  await server?.stop();
  await counting?.close();
  rmSync(dataDir, { recursive: true, force: true });
}
