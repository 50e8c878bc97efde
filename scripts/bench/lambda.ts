import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { BUILD_SCRIPT, BUNDLE_FILE, graphqlEvent, startLambdaProcess } from "./lambda-process.js";
import { median, round } from "./stats.js";

export interface BundleSize {
  /** What a cold start loads: index.mjs and the chunks it imports statically. */
  bytes: number;
  /** Chunks loaded on first use (WebAuthn, phone numbers, public-mail list, QR, SNS). */
  lazyBytes: number;
  /** The native argon2 binary shipped beside it (not JavaScript, not minified). */
  nativeBytes: number;
}

/** The bundle's size as the build measured it (dist/lambda-size.json), building it first when missing. */
export function bundleSize(): BundleSize {
  const sizes = join(dirname(BUNDLE_FILE), "..", "lambda-size.json");
  if (!existsSync(BUNDLE_FILE) || !existsSync(sizes)) execFileSync(process.execPath, [BUILD_SCRIPT], { stdio: "ignore" });
  const { eagerBytes, lazyBytes, nativeBytes } = JSON.parse(readFileSync(sizes, "utf8")) as Record<string, number>;
  return { bytes: eagerBytes!, lazyBytes: lazyBytes!, nativeBytes: nativeBytes! };
}

export interface ColdStart {
  medianMs: number;
  samplesMs: number[];
}

/**
 * Cold start: a fresh `node` process imports the bundle and answers its first Function URL event
 * (an authenticated `me`, so the first DynamoDB request is included). Milliseconds from spawn to
 * the answer, median of `runs`, one process at a time.
 */
export async function coldStart(dynamoEndpoint: string, tableName: string, runs = 5): Promise<ColdStart> {
  const env = {
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "bench",
    AWS_SECRET_ACCESS_KEY: "bench",
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    TABLE_NAME: tableName,
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  };
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fn = startLambdaProcess(env);
    try {
      const result = await fn.invoke(graphqlEvent(`query { me { email } }`, {}, { token: randomBytes(32).toString("base64url") }));
      const elapsed = fn.sinceSpawn();
      if (result.statusCode !== 200 || JSON.parse(result.body).data?.me !== null) throw new Error(`unexpected first answer: ${result.body}`);
      samplesMs.push(round(elapsed, 1));
    } finally {
      await fn.close();
    }
  }
  return { medianMs: median(samplesMs), samplesMs };
}
