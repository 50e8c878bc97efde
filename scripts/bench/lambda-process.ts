import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Runs the built Lambda bundle in a fresh `node` process, the way Lambda does: import the module
 * once, then hand it events. Events go in as JSON lines on stdin; each answer comes back on stdout
 * as one line prefixed with ANSWER (the handler's own log lines share stdout, as in CloudWatch).
 * Used by lambda.bundle.test.ts and by the benchmark's cold-start measurement.
 */

export const BUNDLE_FILE = fileURLToPath(new URL("../../dist/lambda/index.mjs", import.meta.url));
export const BUILD_SCRIPT = fileURLToPath(new URL("../build-lambda.mjs", import.meta.url));

const ANSWER = "@@lambda-answer ";

// The child: nothing but the bundle, Node's built-ins and this loop.
const CHILD_SOURCE = `
import { createInterface } from "node:readline";
const handler = (await import(process.env.LAMBDA_BUNDLE_URL))[process.env.LAMBDA_HANDLER_EXPORT];
for await (const line of createInterface({ input: process.stdin })) {
  let answer;
  try {
    answer = { result: await handler(JSON.parse(line)) };
  } catch (error) {
    answer = { thrown: String(error && error.stack || error) };
  }
  process.stdout.write(${JSON.stringify(ANSWER)} + JSON.stringify(answer) + "\\n");
}
`;

export interface HttpResultV2 {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

export interface LambdaProcess {
  child: ChildProcess;
  /** Milliseconds since spawn, by the parent's clock. */
  sinceSpawn(): number;
  invoke(event: FunctionUrlEvent): Promise<HttpResultV2>;
  /** Everything the child wrote that was not an answer (its log lines) and its stderr. */
  output(): string;
  close(): Promise<void>;
}

export interface LambdaProcessOptions {
  /** The `node` to run (scripts/lambda-node.mjs: the runtime's); the current one by default. */
  node?: string;
  /** The working directory: Lambda runs from the package root (/var/task). */
  cwd?: string;
  /** The handler's export name (`index.handler` -> handler). */
  exportName?: string;
}

export function startLambdaProcess(env: Record<string, string>, bundle = BUNDLE_FILE, options: LambdaProcessOptions = {}): LambdaProcess {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\``);
  const spawnedAt = performance.now();
  // A clean environment: only what a Lambda would have, plus PATH for node itself.
  const child = spawn(options.node ?? process.execPath, ["--input-type=module", "-e", CHILD_SOURCE], {
    env: { PATH: process.env.PATH ?? "", AWS_LAMBDA_FUNCTION_NAME: "access-identity-graphql", LAMBDA_BUNDLE_URL: pathToFileURL(bundle).href, LAMBDA_HANDLER_EXPORT: options.exportName ?? "handler", ...env },
    cwd: options.cwd,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let logs = "";
  const waiting: { resolve(value: HttpResultV2): void; reject(error: Error): void }[] = [];
  const fail = (error: Error) => {
    for (const waiter of waiting.splice(0)) waiter.reject(error);
  };
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (!line.startsWith(ANSWER)) {
      logs += `${line}\n`;
      return;
    }
    const answer = JSON.parse(line.slice(ANSWER.length)) as { result?: HttpResultV2; thrown?: string };
    const waiter = waiting.shift();
    if (answer.result) waiter?.resolve(answer.result);
    else waiter?.reject(new Error(`the handler threw: ${answer.thrown}`));
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    logs += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      fail(new Error(`the Lambda process exited (${signal ?? code}) before answering:\n${logs}`));
      resolve();
    });
  });
  return {
    child,
    sinceSpawn: () => performance.now() - spawnedAt,
    invoke(event) {
      return new Promise<HttpResultV2>((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          reject(new Error(`the Lambda process has exited:\n${logs}`));
          return;
        }
        waiting.push({ resolve, reject });
        child.stdin!.write(`${JSON.stringify(event)}\n`);
      });
    },
    output: () => logs,
    async close() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A Lambda Function URL event (payload format 2.0), as AWS sends it. */
export interface FunctionUrlEvent {
  version: "2.0";
  routeKey: "$default";
  rawPath: string;
  rawQueryString: string;
  headers: Record<string, string>;
  requestContext: {
    accountId: string;
    apiId: string;
    domainName: string;
    domainPrefix: string;
    http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
    requestId: string;
    routeKey: "$default";
    stage: "$default";
    time: string;
    timeEpoch: number;
  };
  body?: string;
  isBase64Encoded: boolean;
}

let eventCounter = 0;

export function functionUrlEvent(options: {
  method?: string;
  path?: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  base64?: boolean;
  sourceIp?: string;
}): FunctionUrlEvent {
  const domainPrefix = "abcdefghijklmnopqrstuvwxyz012345";
  const domainName = `${domainPrefix}.lambda-url.us-east-1.on.aws`;
  const method = options.method ?? "POST";
  const path = options.path ?? "/graphql";
  const userAgent = "bundle-test/1.0";
  const now = new Date();
  eventCounter += 1;
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: options.query ?? "",
    // Function URLs lower-case header names.
    headers: { host: domainName, "user-agent": userAgent, "x-forwarded-proto": "https", ...options.headers },
    requestContext: {
      accountId: "anonymous",
      apiId: domainPrefix,
      domainName,
      domainPrefix,
      http: { method, path, protocol: "HTTP/1.1", sourceIp: options.sourceIp ?? "198.51.100.23", userAgent },
      requestId: `00000000-0000-4000-8000-${String(eventCounter).padStart(12, "0")}`,
      routeKey: "$default",
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(options.body === undefined
      ? {}
      : { body: options.base64 ? Buffer.from(options.body).toString("base64") : options.body }),
    isBase64Encoded: Boolean(options.base64),
  };
}

/** A POST /graphql event carrying one operation. */
export function graphqlEvent(query: string, variables: Record<string, unknown> = {}, options: { token?: string; base64?: boolean; sourceIp?: string } = {}): FunctionUrlEvent {
  return functionUrlEvent({
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    base64: options.base64,
    sourceIp: options.sourceIp,
  });
}
