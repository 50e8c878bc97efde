// `npx tsx scripts/bench/cold-start.ts [--runs 10] [--cpu-prof DIR]`: the benchmark's Lambda cold
// start alone (lambda.ts coldStart: the deployed package built afresh by `npm run build`, on the
// Lambda runtime's Node, to its first answer, an authenticated `me` against an in-memory store).
// With --cpu-prof each Lambda process writes a V8 CPU profile (node --cpu-prof) of its whole life:
// import, first request, exit.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { startLocalServer } from "@access-identity/functions/local/server";
import { coldStart } from "./lambda.js";
import { BUILD_SCRIPT } from "./lambda-process.js";
import { execFileSync } from "node:child_process";

const { values } = parseArgs({ options: { runs: { type: "string" }, "cpu-prof": { type: "string" } } });
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
execFileSync(process.execPath, [BUILD_SCRIPT], { stdio: "ignore" });
const store = await startLocalServer({ inMemory: true, webRoot: false, env: { PORT: "0", LOG_LEVEL: "warn", DATA_DIR: resolve("dist/cold-start-data") } });
try {
  const profileDir = values["cpu-prof"] && resolve(values["cpu-prof"]);
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const result = await coldStart(store.dynamoEndpoint, store.deps.config.tableName, Number(values.runs ?? 10), profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {});
  console.log(`cold start to first answer: median ${result.medianMs} ms of ${result.samplesMs.length} (${result.samplesMs.join(", ")}); CPU by then: median ${result.cpuMs?.median ?? "-"} ms (${result.cpuMs?.samples.join(", ") ?? "-"})`);
} finally {
  await store.close();
}
