// What this guards: the infrastructure drifting from the code, and a deploy that would fail or run
// half-configured. SST cannot run offline, so sst.config.ts is evaluated the way SST 4.17 does it
// (scripts/sst-eval: bundled by esbuild, app() then run() in a fresh node, with recording stand-ins
// for the sst.*, aws.* and $-globals), and what it declares is checked against the code that relies
// on it: the table the core queries, the artefact `npm run build` makes, the DynamoDB commands the
// core sends (exactly those, no dynamodb:*), the settings WebAuthn needs, and the alarms' log events.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureTable } from "@access-identity/core";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, test } from "vitest";
import { NATIVE_BINARIES, OUTDIR } from "./build-lambda.mjs";
import { LAMBDA_NODE_VERSION } from "./lambda-node.mjs";
import { evaluateSstConfig, functions, type Evaluation, type Permission, type RecordedFunction, type RecordedResource } from "./sst-eval/evaluate.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const read = (path: string) => readFileSync(join(root, path), "utf8");

const deployer = {
  CORS_ORIGINS: "https://app.example.com, https://admin.example.com",
  WEBAUTHN_RP_ID: "example.com",
  WEBAUTHN_ORIGINS: "https://app.example.com",
  RATE_LIMIT_SIGN_UPS_PER_IP: "5/3600",
  SMS_DAILY_LIMIT: "500",
  RESERVED_CONCURRENCY: "50",
  ALARM_EMAIL: "oncall@example.com",
  EMAIL_FROM: "Access Identity <no-reply@mail.example.com>",
  AWS_SECRET_ACCESS_KEY: "deployer's own secret",
  SST_SECRET_EncryptionKey: "c2VjcmV0",
};

let production: Evaluation;
let dev: Evaluation;

beforeAll(async () => {
  [production, dev] = await Promise.all([
    evaluateSstConfig({ stage: "production", env: deployer }),
    // A developer's stage: no WebAuthn settings, no email, no concurrency setting.
    evaluateSstConfig({ stage: "dev", env: { SST_SECRET_EncryptionKey: "c2VjcmV0" } }),
  ]);
}, 120_000);

function only(evaluation: Evaluation, kind: string, name?: string): RecordedResource {
  const matches = evaluation.resources.filter((r) => r.kind === kind && (name === undefined || r.name === name));
  expect(matches, `${kind} ${name ?? ""}`).toHaveLength(1);
  return matches[0]!;
}

function api(evaluation: Evaluation): RecordedFunction {
  const [fn, ...others] = functions(evaluation);
  expect(others).toEqual([]);
  return fn!;
}

/** The server packages' production sources (tests apart) whose text matches `pattern`. */
function sourcesMatching(pattern: RegExp): string[] {
  return ["core", "graphql", "functions"].flatMap((pkg) =>
    readdirSync(join(root, "packages", pkg, "src"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => `packages/${pkg}/src/${f}`)
      .filter((file) => pattern.test(read(file))),
  );
}

/** Everything the function's role allows or denies: its permissions and what its links include. */
function grants(fn: RecordedFunction): Permission[] {
  return [...fn.args.permissions, ...fn.linkPermissions];
}

/** IAM action names of the DynamoDB commands packages/core sends (from its imports), table admin apart. */
function dynamoCommandsOfCore(): { item: Set<string>; admin: Map<string, string[]> } {
  const item = new Set<string>();
  const admin = new Map<string, string[]>();
  const toAction: Record<string, string> = {
    Get: "GetItem", Put: "PutItem", Update: "UpdateItem", Delete: "DeleteItem", Query: "Query", Scan: "Scan",
    BatchGet: "BatchGetItem", BatchWrite: "BatchWriteItem", TransactGet: "TransactGetItems", TransactWrite: "TransactWriteItems",
    GetItem: "GetItem", PutItem: "PutItem", UpdateItem: "UpdateItem", DeleteItem: "DeleteItem", BatchGetItem: "BatchGetItem", BatchWriteItem: "BatchWriteItem",
  };
  const files = readdirSync(join(root, "packages/core/src"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  for (const file of files) {
    const source = read(`packages/core/src/${file}`);
    for (const [, names] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@aws-sdk\/(?:lib-dynamodb|client-dynamodb)"/g)) {
      for (const name of names!.split(",").map((n) => n.trim()).filter((n) => /Command$/.test(n))) {
        const base = name.replace(/Command$/, "");
        if (/Table|TimeToLive|Backup/.test(base)) admin.set(base, [...(admin.get(base) ?? []), file]);
        else if (toAction[base]) item.add(`dynamodb:${toAction[base]}`);
        else throw new Error(`${file} sends ${name}: map it to its IAM action here and grant it in stacks/permissions.ts`);
      }
    }
  }
  return { item, admin };
}

describe("the app", () => {
  test("production is the one stage that retains and protects its data; SST's version is pinned to the installed one", () => {
    const sstVersion = JSON.parse(read("node_modules/sst/package.json")).version;
    expect(production.app).toMatchObject({ name: "access-identity", stage: "production", removal: "retain", protect: true, home: "aws", version: sstVersion });
    expect(dev.app).toMatchObject({ stage: "dev", removal: "remove", protect: false, version: sstVersion });
    expect(production.outputs._protect).toBe(true);
  });

  test("the README deploys to the stage that protects its data", () => {
    const section = read("README.md").split("## Deploying with SST")[1]!.split("\n## ")[0]!;
    const stages = [...section.matchAll(/--stage (\S+)/g)].map((m) => m[1]);
    expect(stages.length).toBeGreaterThan(0);
    expect(new Set(stages)).toEqual(new Set(["production"]));
    // The artefact is built before SST ships it.
    expect(section.indexOf("npm run build")).toBeGreaterThan(-1);
    expect(section.indexOf("npm run build")).toBeLessThan(section.indexOf("sst deploy"));
  });

  test("run() returns the API URL, and stacks import nothing but other stacks", () => {
    expect(production.outputs.api).toBe(api(production).outputs.url);
    for (const file of readdirSync(join(root, "stacks")).filter((name) => name.endsWith(".ts"))) {
      const imports = [...read(`stacks/${file}`).matchAll(/from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]!);
      for (const specifier of imports) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/[\w-]+\.js$/);
        expect(existsSync(join(root, "stacks", specifier.slice(2).replace(/\.js$/, ".ts")))).toBe(true);
      }
    }
  });
});

describe("the table", () => {
  test("has the keys, index and TTL attribute the core uses, as ensureTable creates them locally", async () => {
    const table = only(production, "sst.aws.Dynamo", "Table");
    expect(table.args.ttl).toBe("expiresAt");
    // What ensureTable would send to DynamoDB for a missing table.
    const sent: any[] = [];
    const client = {
      async send(command: { constructor: { name: string }; input: unknown }) {
        sent.push(command);
        if (command.constructor.name === "DescribeTableCommand") throw Object.assign(new Error("missing"), { name: "ResourceNotFoundException" });
        return {};
      },
    } as unknown as DynamoDBClient;
    await ensureTable(client, "t");
    const local = sent.find((command) => command.constructor.name === "CreateTableCommand").input;
    const types = { S: "string", N: "number", B: "binary" } as const;
    expect(table.args.fields).toEqual(Object.fromEntries(local.AttributeDefinitions.map((a: any) => [a.AttributeName, types[a.AttributeType as keyof typeof types]])));
    const keys = (schema: any[]) => ({ hashKey: schema.find((k) => k.KeyType === "HASH")?.AttributeName, rangeKey: schema.find((k) => k.KeyType === "RANGE")?.AttributeName });
    expect(table.args.primaryIndex).toEqual(keys(local.KeySchema));
    expect(Object.keys(table.args.globalIndexes)).toEqual(local.GlobalSecondaryIndexes.map((index: any) => index.IndexName));
    for (const index of local.GlobalSecondaryIndexes) {
      expect(table.args.globalIndexes[index.IndexName]).toMatchObject(keys(index.KeySchema));
      // SST's "all" / "keys-only" / list of attributes are DynamoDB's ALL / KEYS_ONLY / INCLUDE.
      const projection = { ALL: "all", KEYS_ONLY: "keys-only" }[index.Projection.ProjectionType as string] ?? index.Projection.NonKeyAttributes;
      expect(table.args.globalIndexes[index.IndexName].projection ?? "all").toEqual(projection);
    }
  });

  test("production refuses DeleteTable; every stage keeps point-in-time recovery", () => {
    expect(only(production, "sst.aws.Dynamo").args).toMatchObject({ deletionProtection: true, transform: { table: { pointInTimeRecovery: { enabled: true } } } });
    expect(only(dev, "sst.aws.Dynamo").args).toMatchObject({ deletionProtection: false, transform: { table: { pointInTimeRecovery: { enabled: true } } } });
  });
});

describe("the function", () => {
  test("ships the directory `npm run build` makes, with the handler it exports, and lets SST build nothing", () => {
    const fn = api(production);
    expect(fn.args.bundle).toBe(relative(root, OUTDIR));
    expect(fn.args.handler).toBe("index.handler");
    // The build's entry is lambda.ts, emitted as index.mjs at the bundle's root.
    expect(read("scripts/build-lambda.mjs")).toContain(`entryPoints: { index: "packages/functions/src/lambda.ts", notifier: "packages/functions/src/notifier.ts" }`);
    expect(read("packages/functions/src/lambda.ts")).toMatch(/export (async )?function handler\b/);
    // SST's own build options (nodejs.plugins/install/esbuild) are ignored with `bundle`: none is set.
    expect(fn.args.nodejs).toBeUndefined();
  });

  test("runs on a supported runtime, whose Node the artefact is tested on, with the argon2 binary of its architecture", () => {
    const fn = api(production);
    expect(["nodejs22.x", "nodejs24.x"]).toContain(fn.args.runtime);
    expect(`nodejs${LAMBDA_NODE_VERSION.split(".")[0]}.x`).toBe(fn.args.runtime);
    const binaryFor = { x86_64: "@node-rs/argon2-linux-x64-gnu/", arm64: "@node-rs/argon2-linux-arm64-gnu/" } as const;
    expect(NATIVE_BINARIES).toEqual([expect.stringMatching(new RegExp(`^${binaryFor[fn.args.architecture as keyof typeof binaryFor]}`))]);
    // The binary shipped is the one the lockfile pins with @node-rs/argon2, pinned exactly.
    const pinned = JSON.parse(read("package.json")).dependencies["@node-rs/argon2"];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const lock = JSON.parse(read("package-lock.json")).packages;
    expect(lock["node_modules/@node-rs/argon2"].version).toBe(pinned);
    expect(lock[`node_modules/${NATIVE_BINARIES[0]!.split("/").slice(0, 2).join("/")}`].version).toBe(pinned);
  });

  test("reads its table from TABLE_NAME and its key from the linked secret, the names config.ts reads", () => {
    const fn = api(production);
    const table = only(production, "sst.aws.Dynamo");
    expect(fn.args.link).toEqual([{ $ref: "sst.Secret:EncryptionKey" }, { $ref: "sst.Secret:EncryptionKeys" }]);
    // The key ring is empty until a rotation sets it (its placeholder).
    expect(fn.links).toEqual({ EncryptionKey: { value: deployer.SST_SECRET_EncryptionKey }, EncryptionKeys: { value: "" } });
    expect(fn.args.environment.TABLE_NAME).toBe(table.outputs.name);
    const config = read("packages/core/src/config.ts");
    expect(config).toContain(`sstResource("EncryptionKey", "value")`);
    expect(config).toContain("env.TABLE_NAME");
  });

  test("may send exactly the DynamoDB commands the core sends, on the table and GSI1, and nothing else of DynamoDB", () => {
    const fn = api(production);
    const table = only(production, "sst.aws.Dynamo").outputs.arn as string;
    const { item, admin } = dynamoCommandsOfCore();
    // Table administration is the local store's business only (ensureTable).
    expect([...admin.keys()].sort()).toEqual(["CreateTable", "DescribeTable"]);
    for (const files of admin.values()) expect(files).toEqual(["db/table.ts"]);

    const dynamo = grants(fn).filter((p) => p.actions.some((a) => a.startsWith("dynamodb:")));
    for (const permission of grants(fn)) for (const action of permission.actions) expect(action).not.toMatch(/\*/);
    expect(dynamo.every((p) => (p.effect ?? "allow") === "allow")).toBe(true);
    const on = (resource: string) => new Set(dynamo.filter((p) => p.resources.includes(resource)).flatMap((p) => p.actions));
    expect(on(table)).toEqual(item);
    // GSI1 is only ever queried (an index takes Query and Scan only).
    expect(on(`${table}/index/GSI1`)).toEqual(new Set(["dynamodb:Query"]));
    expect(new Set(dynamo.flatMap((p) => p.resources))).toEqual(new Set([table, `${table}/index/GSI1`]));
    // Every index the core names is GSI1, and the modules that name it only query.
    const sources = readdirSync(join(root, "packages/core/src"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "db/table.ts")
      .map((f) => read(`packages/core/src/${f}`));
    const indexUsers = sources.filter((source) => /IndexName:/.test(source));
    expect(indexUsers.length).toBeGreaterThan(0);
    for (const source of indexUsers) {
      expect(new Set([...source.matchAll(/IndexName:\s*"([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(["GSI1"]));
      expect(source).toMatch(/\bQueryCommand\b/);
      expect(source).not.toMatch(/\bScanCommand\b/);
    }
  });

  test("may publish SMS to phone numbers but to no topic, and send email only as EMAIL_FROM", () => {
    const fn = api(production);
    expect(grants(fn)).toContainEqual({ actions: ["sns:Publish"], resources: ["*"] });
    expect(grants(fn)).toContainEqual({ effect: "deny", actions: ["sns:Publish"], resources: ["arn:*:sns:*:*:*"] });
    // The API writes email to the outbox; only the notifier may send it.
    expect(grants(fn).filter((p) => p.actions.some((a) => a.startsWith("ses:")))).toEqual([]);
    // Nothing beyond DynamoDB and SNS.
    for (const permission of grants(fn)) for (const action of permission.actions) expect(action).toMatch(/^(dynamodb|sns):/);
  });

  test("runs in production mode, takes its origins from the deployer, and never their credentials", () => {
    const fn = api(production);
    expect(fn.args.url.cors.allowOrigins).toEqual(["https://app.example.com", "https://admin.example.com"]);
    expect(fn.args.url.cors.allowHeaders).toEqual(expect.arrayContaining(["authorization", "content-type"]));
    expect(fn.args.environment).toMatchObject({
      NODE_ENV: "production",
      SMS_PROVIDER: "sns",
      CORS_ORIGINS: "https://app.example.com,https://admin.example.com",
      WEBAUTHN_RP_ID: "example.com",
      WEBAUTHN_ORIGINS: "https://app.example.com",
      RATE_LIMIT_SIGN_UPS_PER_IP: "5/3600",
      SMS_DAILY_LIMIT: "500",
      EMAIL_FROM: deployer.EMAIL_FROM,
      SMS_MAX_PRICE_USD: "0.50",
    });
    for (const name of Object.keys(fn.args.environment)) expect(name).not.toMatch(/^(AWS_(SECRET|ACCESS|SESSION)|ENCRYPTION_KEY|SST_SECRET)/);
    expect(fn.args.memory).toBe("1024 MB");
    expect(fn.args.concurrency).toEqual({ reserved: 50 });
    expect(api(dev).args.concurrency).toBeUndefined();
  });
});

describe("deploy guards", () => {
  const refused = (stage: string, env: Record<string, string>) =>
    evaluateSstConfig({ stage, env: { SST_SECRET_EncryptionKey: "c2VjcmV0", ...env } }).then(
      () => "deployed",
      (error: Error) => error.message,
    );

  test("a stage that serves users refuses to deploy without WebAuthn's relying party and origins, or with wrong ones", async () => {
    const [noSettings, noOrigins, http, elsewhere, devStage, badConcurrency] = await Promise.all([
      refused("production", {}),
      refused("pr-42", { WEBAUTHN_RP_ID: "example.com" }),
      refused("production", { WEBAUTHN_RP_ID: "example.com", WEBAUTHN_ORIGINS: "http://app.example.com" }),
      refused("production", { WEBAUTHN_RP_ID: "example.com", WEBAUTHN_ORIGINS: "https://app.example.org" }),
      refused("dev-ada", {}),
      refused("production", { WEBAUTHN_RP_ID: "example.com", WEBAUTHN_ORIGINS: "https://example.com", RESERVED_CONCURRENCY: "lots" }),
    ]);
    expect(noSettings).toMatch(/stage "production" needs WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS/);
    expect(noOrigins).toMatch(/stage "pr-42" needs WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS/);
    expect(http).toMatch(/must be an https origin/);
    expect(elsewhere).toMatch(/not on the relying party's domain "example.com"/);
    expect(devStage).toBe("deployed");
    expect(badConcurrency).toMatch(/RESERVED_CONCURRENCY must be a positive whole number/);
  }, 60_000);

  test("sst.config.ts has no top-level import (SST refuses one when it reads app())", async () => {
    expect(read("sst.config.ts")).not.toMatch(/^import /m);
  });
});

describe("alarms", () => {
  const alarms = (evaluation: Evaluation): Record<string, any> => Object.fromEntries(evaluation.resources.filter((r) => r.kind === "aws.cloudwatch.MetricAlarm").map((r) => [r.name, r.args]));
  const filters = (evaluation: Evaluation): Record<string, any> => Object.fromEntries(evaluation.resources.filter((r) => r.kind === "aws.cloudwatch.LogMetricFilter").map((r) => [r.args.metricTransformation.name, r.args]));

  test("the function's errors and throttles alarm from Lambda's own metrics, notifying the alarm topic", () => {
    const fn = api(production);
    const topic = only(production, "aws.sns.Topic", "AlarmTopic").outputs.arn;
    const all = alarms(production);
    expect(Object.keys(all).sort()).toEqual(["FunctionErrors", "FunctionThrottles", "SecondFactorLockouts", "SmsDailySpend", "UnexpectedErrors"]);
    for (const [name, metric] of [["FunctionErrors", "Errors"], ["FunctionThrottles", "Throttles"]] as const) {
      expect(all[name]).toMatchObject({ namespace: "AWS/Lambda", metricName: metric, dimensions: { FunctionName: fn.outputs.name }, statistic: "Sum", threshold: 1 });
    }
    for (const args of Object.values(all)) {
      expect(args.alarmActions).toEqual([topic]);
      expect(args.alarmDescription).toBeTruthy();
    }
    expect(only(production, "aws.sns.TopicSubscription").args).toEqual({ topic, protocol: "email", endpoint: deployer.ALARM_EMAIL });
    expect(dev.resources.filter((r) => r.kind === "aws.sns.TopicSubscription")).toEqual([]);
  });

  test("SMS spend warns at 80% of SMS_DAILY_LIMIT a day, lockouts per five minutes, from the function's log lines", () => {
    const fn = api(production);
    const all = alarms(production);
    const metricFilters = filters(production);
    const namespace = "AccessIdentity/production";
    for (const filter of Object.values(metricFilters)) {
      expect(filter.logGroupName).toBe(fn.outputs.nodes.logGroup.name);
      expect(filter.metricTransformation).toMatchObject({ namespace, value: "1" });
    }
    expect(all.SmsDailySpend).toMatchObject({ namespace, metricName: "SmsSent", period: 86_400, threshold: 400 });
    expect(alarms(dev).SmsDailySpend.threshold).toBe(800); // the code's default limit, 1000
    expect(all.SecondFactorLockouts).toMatchObject({ namespace, metricName: "SecondFactorLockouts", period: 300 });
    expect(all.UnexpectedErrors).toMatchObject({ namespace, metricName: "UnexpectedErrors" });

    // The patterns name events the code really logs (a renamed event would silence its alarm).
    expect(metricFilters.SmsSent.pattern).toBe('{ $.event = "sms.sns.published" }');
    expect(sourcesMatching(/log\.info\(\{ event: "sms\.sns\.published"/)).toHaveLength(1);
    expect(metricFilters.SecondFactorLockouts.pattern).toBe('{ $.event = "audit" && $.action = "SECOND_FACTOR_LOCKED" }');
    expect(sourcesMatching(/log\.info\(\{ event: "audit", action: full\.action/)).toHaveLength(1);
    expect(sourcesMatching(/recordAudit\(deps, \{ action: "SECOND_FACTOR_LOCKED"/).length).toBeGreaterThan(0);
    // pino writes numeric levels; 50 is error, what yoga's masking logs.
    expect(metricFilters.UnexpectedErrors.pattern).toBe("{ $.level >= 50 }");
    expect(sourcesMatching(/log\.error\(\{ err: original, requestId \}, "unexpected error"\)/)).toEqual(["packages/graphql/src/yoga.ts"]);
    // Lines stay one JSON object each: SST's text format, not Lambda's JSON wrapping.
    expect(fn.args.logging).toMatchObject({ format: "text" });
  });
});

test("the notifier ships from the same directory, gets pending outbox items from the table's stream and a sweep, and may send email as the sender only", () => {
  const table = only(production, "sst.aws.Dynamo");
  expect(table.args.stream).toBe("new-image");
  const subscription = only(production, "sst.aws.Dynamo.subscribe");
  expect(subscription.args.table).toBe(table.name);
  expect(subscription.args.filters).toEqual([{ dynamodb: { NewImage: { type: { S: ["outbox"] }, status: { S: ["pending"] } } } }]);
  const sweep = only(production, "sst.aws.Cron");
  expect(sweep.args.schedule).toBe("rate(1 minute)");
  const source = readFileSync(join(root, "packages/functions/src/notifier.ts"), "utf8");
  for (const [fn, exported] of [
    [subscription.args.subscriber, "handler"],
    [sweep.args.function, "sweep"],
  ] as const) {
    expect(fn).toMatchObject({ bundle: api(production).args.bundle, handler: `notifier.${exported}`, runtime: api(production).args.runtime });
    expect(source).toMatch(new RegExp(`export async function ${exported}\\b`));
    // The table by name and listed actions (no link: that grants dynamodb:*), email as the sender only.
    expect(fn.environment).toMatchObject({ TABLE_NAME: table.outputs.name, EMAIL_PROVIDER: "ses", NODE_ENV: "production", EMAIL_FROM: deployer.EMAIL_FROM });
    expect(fn.permissions.flatMap((p: Permission) => p.actions)).not.toContain("dynamodb:*");
    expect(fn.permissions.filter((p: Permission) => p.actions.some((a) => a.startsWith("ses:")))).toEqual([
      {
        actions: ["ses:SendEmail"],
        resources: ["arn:aws:ses:us-east-1:123456789012:identity/no-reply@mail.example.com", "arn:aws:ses:us-east-1:123456789012:identity/mail.example.com"],
        conditions: [{ test: "StringEquals", variable: "ses:FromAddress", values: ["no-reply@mail.example.com"] }],
      },
    ]);
    for (const permission of fn.permissions as Permission[]) for (const action of permission.actions) expect(action).toMatch(/^(dynamodb|ses):/);
  }
});

describe("the web app on AWS (stacks/web.ts)", () => {
  const key = { SST_SECRET_EncryptionKey: "c2VjcmV0" };
  let site: Evaluation;
  let explicit: Evaluation;

  beforeAll(async () => {
    [site, explicit] = await Promise.all([
      // WEB_DOMAIN alone: WebAuthn and CORS follow the site, so production deploys without them.
      evaluateSstConfig({ stage: "production", env: { ...key, WEB_DOMAIN: "App.Example.com" } }),
      evaluateSstConfig({
        stage: "production",
        env: { ...key, WEB_DOMAIN: "app.example.com", WEBAUTHN_RP_ID: "example.com", WEBAUTHN_ORIGINS: "https://app.example.com,https://admin.example.com", CORS_ORIGINS: "https://admin.example.com" },
      }),
    ]);
  }, 120_000);

  test("is off unless WEB_DOMAIN is set", () => {
    for (const evaluation of [production, dev]) {
      expect(evaluation.resources.filter((r) => r.kind === "sst.aws.StaticSite")).toEqual([]);
      expect(evaluation.outputs).not.toHaveProperty("web");
    }
  });

  test("builds packages/web with VITE_API_URL set to the Function URL, which the app's client calls, on the domain", () => {
    const web = only(site, "sst.aws.StaticSite", "Web");
    const fn = api(site);
    expect(web.args).toEqual({
      path: "packages/web",
      build: { command: "npm run build", output: "dist" },
      environment: { VITE_API_URL: fn.outputs.url },
      domain: "app.example.com",
    });
    expect(site.outputs).toMatchObject({ api: fn.outputs.url, web: "https://app.example.com" });
    // The build command is the package's own Vite build, writing the output uploaded.
    expect(JSON.parse(read("packages/web/package.json")).scripts.build).toBe("vite build");
    expect(read("packages/web/vite.config.ts")).toContain(`outDir: here("dist")`);
    // The client takes the variable the site sets; without it, the page's own /graphql.
    expect(read("packages/web/src/api/client.ts")).toContain("apiUrl(import.meta.env.VITE_API_URL");
  });

  test("the API's WebAuthn relying party, origins and CORS follow the site, unless set explicitly", () => {
    const fn = api(site);
    expect(fn.args.environment).toMatchObject({ WEBAUTHN_RP_ID: "app.example.com", WEBAUTHN_ORIGINS: "https://app.example.com", CORS_ORIGINS: "https://app.example.com" });
    expect(fn.args.url.cors.allowOrigins).toEqual(["https://app.example.com"]);

    const own = api(explicit);
    expect(own.args.environment).toMatchObject({ WEBAUTHN_RP_ID: "example.com", WEBAUTHN_ORIGINS: "https://app.example.com,https://admin.example.com", CORS_ORIGINS: "https://admin.example.com" });
    expect(own.args.url.cors.allowOrigins).toEqual(["https://admin.example.com"]);
    expect(only(explicit, "sst.aws.StaticSite").args.domain).toBe("app.example.com");
  });

  test("WEB_DOMAIN is a host name", async () => {
    const error = await evaluateSstConfig({ stage: "production", env: { ...key, WEB_DOMAIN: "https://app.example.com" } }).then(
      () => "deployed",
      (e: Error) => e.message,
    );
    expect(error).toMatch(/WEB_DOMAIN must be a host name/);
  }, 60_000);
});
