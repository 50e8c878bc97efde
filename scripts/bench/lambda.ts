import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { lambdaNode } from "../lambda-node.mjs";
import { deployPackage, lambdaRuntimeEnv } from "../sst-eval/deploy-package.js";
import { evaluateSstConfig, functions } from "../sst-eval/evaluate.js";
import { BUILD_SCRIPT, BUNDLE_FILE, graphqlEvent, startLambdaProcess } from "./lambda-process.js";
import { median, round } from "./stats.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface BundleSize {
  /** What a cold start loads: index.mjs and the chunks it imports statically. */
  bytes: number;
  /** Chunks loaded on first use (WebAuthn, phone numbers, public-mail list, QR, SNS). */
  lazyBytes: number;
  /** The native argon2 binary shipped beside it (not JavaScript, not minified). */
  nativeBytes: number;
}

/** The deployed artefact's size as `npm run build` measures it (dist/lambda-size.json), built afresh. */
export function bundleSize(): BundleSize {
  const sizes = join(dirname(BUNDLE_FILE), "..", "lambda-size.json");
  execFileSync(process.execPath, [BUILD_SCRIPT], { stdio: "ignore" });
  const { eagerBytes, lazyBytes, nativeBytes } = JSON.parse(readFileSync(sizes, "utf8")) as Record<string, number>;
  return { bytes: eagerBytes!, lazyBytes: lazyBytes!, nativeBytes: nativeBytes! };
}

export interface ColdStart {
  medianMs: number;
  samplesMs: number[];
  /** CPU time (user + system, from /proc, 10 ms ticks) each process had used by its first answer: less swayed by the machine's load than the wall time. */
  cpuMs?: { median: number; samples: number[] };
}

function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Cold start of the function as deployed: the package SST would ship for production (the built
 * directory the stack names, plus SST's encrypted resource file), on the Lambda runtime's Node, with
 * the stack's environment, imports its handler in a fresh process and answers its first Function
 * URL event (an authenticated `me`, so the first DynamoDB request is included). Milliseconds from
 * spawn to the answer, median of `runs`, one process at a time.
 */
export async function coldStart(dynamoEndpoint: string, tableName: string, runs = 5, extraEnv: Record<string, string> = {}): Promise<ColdStart> {
  const evaluation = await evaluateSstConfig({
    stage: "production",
    env: { WEBAUTHN_RP_ID: "example.com", WEBAUTHN_ORIGINS: "https://app.example.com", SST_SECRET_EncryptionKey: randomBytes(32).toString("base64") },
  });
  const declared = functions(evaluation).find((f) => f.name === "Graphql")!;
  const deployed = deployPackage(root, evaluation.app, declared);
  const node = lambdaNode();
  const env = {
    ...deployed.env,
    ...lambdaRuntimeEnv(declared, deployed.dir),
    AWS_ACCESS_KEY_ID: "bench",
    AWS_SECRET_ACCESS_KEY: "bench",
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    // The benchmark's own store and table, instead of the stack's.
    TABLE_NAME: tableName,
    LOG_LEVEL: "warn",
    // e.g. NODE_OPTIONS=--cpu-prof (scripts/bench/cold-start.ts)
    ...extraEnv,
  };
  const samplesMs: number[] = [];
  const cpuSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fn = startLambdaProcess(env, deployed.handlerFile, { node, cwd: deployed.dir, exportName: deployed.exportName });
    try {
      const result = await fn.invoke(graphqlEvent(`query { me { email } }`, {}, { token: randomBytes(32).toString("base64url") }));
      const elapsed = fn.sinceSpawn();
      const cpu = cpuMsOf(fn.child.pid);
      if (cpu !== undefined) cpuSamples.push(cpu);
      if (result.statusCode !== 200 || JSON.parse(result.body).data?.me !== null) throw new Error(`unexpected first answer: ${result.body}`);
      samplesMs.push(round(elapsed, 1));
    } finally {
      await fn.close();
    }
  }
  rmSync(deployed.dir, { recursive: true, force: true });
  return { medianMs: median(samplesMs), samplesMs, ...(cpuSamples.length === samplesMs.length ? { cpuMs: { median: median(cpuSamples), samples: cpuSamples } } : {}) };
}
