// What this guards: the infrastructure drifting from the code. SST cannot run offline, so
// sst.config.ts and stacks/ are evaluated here with stand-in SST globals that record what would be
// created, and the records are checked against the code that relies on them: the table the core
// queries (the same keys ensureTable creates locally), the handler export the function points at,
// the linked resource names config.ts reads, and the permissions SMS sending needs.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureTable } from "@access-identity/core";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, expect, test } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Created {
  kind: string;
  name: string;
  args: any;
  instance: object;
}

const created: Created[] = [];
const deployerEnv = {
  CORS_ORIGINS: "https://app.example.com, https://admin.example.com",
  WEBAUTHN_RP_ID: "example.com",
  WEBAUTHN_ORIGINS: "https://app.example.com",
  RATE_LIMIT_SIGN_UPS_PER_IP: "5/3600",
  AWS_SECRET_ACCESS_KEY: "deployer's own secret",
};
const savedEnv: Record<string, string | undefined> = {};

function recorder(kind: string) {
  return class {
    readonly name: string;
    readonly url: string;
    constructor(name: string, args?: unknown) {
      this.name = name;
      this.url = `https://${name.toLowerCase()}.lambda-url.test`;
      created.push({ kind, name, args, instance: this });
    }
    /** Dynamo's stream subscription (stacks/notifier.ts). */
    subscribe(name: string, subscriber: unknown, args?: unknown) {
      created.push({ kind: `${kind}.subscribe`, name, args: { subscriber, ...(args as object) }, instance: this });
    }
  };
}

let config: SstConfig;
let outputs: Record<string, unknown> | void;

beforeAll(async () => {
  for (const [name, value] of Object.entries(deployerEnv)) {
    savedEnv[name] = process.env[name];
    process.env[name] = value;
  }
  Object.assign(globalThis, {
    $config: (input: SstConfig) => input,
    $app: { name: "access-identity", stage: "test", removal: "remove", protect: false },
    sst: { Secret: recorder("sst.Secret"), aws: { Dynamo: recorder("sst.aws.Dynamo"), Function: recorder("sst.aws.Function"), Cron: recorder("sst.aws.Cron") } },
  });
  config = (await import(pathToFileURL(`${root}/sst.config.ts`).href)).default as SstConfig;
  outputs = await config.run();
});

afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  for (const name of ["$config", "$app", "sst"]) delete (globalThis as Record<string, unknown>)[name];
});

function only(kind: string): Created {
  const matches = created.filter((c) => c.kind === kind);
  expect(matches, kind).toHaveLength(1);
  return matches[0]!;
}

test("the app is retained in production and removed with other stages", () => {
  expect(config.app({ stage: "production" })).toEqual({ name: "access-identity", removal: "retain", home: "aws" });
  expect(config.app({ stage: "pr-42" })).toMatchObject({ name: "access-identity", removal: "remove", home: "aws" });
});

test("the table has the keys, index and TTL attribute the core uses, as ensureTable creates them locally", async () => {
  const table = only("sst.aws.Dynamo");
  expect(table.name).toBe("Table");
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
  expect(table.args.fields).toEqual(
    Object.fromEntries(local.AttributeDefinitions.map((a: any) => [a.AttributeName, types[a.AttributeType as keyof typeof types]])),
  );
  const keys = (schema: any[]) => ({
    hashKey: schema.find((k) => k.KeyType === "HASH")?.AttributeName,
    rangeKey: schema.find((k) => k.KeyType === "RANGE")?.AttributeName,
  });
  expect(table.args.primaryIndex).toEqual(keys(local.KeySchema));
  expect(Object.keys(table.args.globalIndexes)).toEqual(local.GlobalSecondaryIndexes.map((index: any) => index.IndexName));
  for (const index of local.GlobalSecondaryIndexes) {
    expect(table.args.globalIndexes[index.IndexName]).toMatchObject(keys(index.KeySchema));
    // SST's list of attributes is DynamoDB's INCLUDE projection with those non-key attributes.
    expect(index.Projection.ProjectionType).toBe("INCLUDE");
    expect(table.args.globalIndexes[index.IndexName].projection).toEqual(index.Projection.NonKeyAttributes);
  }
});

test("the function's handler is a file that exports `handler`, and its bundling plugins load", async () => {
  const fn = only("sst.aws.Function");
  const [file, exported] = (fn.args.handler as string).split(/\.(?=[^.]+$)/) as [string, string];
  expect(exported).toBe("handler");
  const source = readFileSync(`${root}/${file}.ts`, "utf8");
  expect(source).toMatch(/export (async )?function handler\b/);

  expect(fn.args.nodejs.install).toContain("@node-rs/argon2");
  expect(fn.args.nodejs.esbuild).toMatchObject({ keepNames: true });
  const plugins = (await import(pathToFileURL(`${root}/${fn.args.nodejs.plugins}`).href)).default;
  expect(plugins.length).toBeGreaterThan(0);
  for (const plugin of plugins) expect(typeof plugin.setup).toBe("function");
});

test("the function is linked to the table and every secret, under the names config.ts reads", () => {
  const fn = only("sst.aws.Function");
  const table = only("sst.aws.Dynamo");
  const secrets = created.filter((c) => c.kind === "sst.Secret");
  expect(secrets.map((s) => s.name)).toEqual(["EncryptionKey"]);
  expect(fn.args.link).toEqual([table.instance, ...secrets.map((s) => s.instance)]);

  const configSource = readFileSync(`${root}/packages/core/src/config.ts`, "utf8");
  expect(configSource).toContain(`sstResource("Table", "name")`);
  expect(configSource).toContain(`sstResource("EncryptionKey", "value")`);
});

test("the function may publish SMS, runs in production mode, and takes its origins from the deployer", () => {
  const fn = only("sst.aws.Function");
  expect(fn.args.permissions).toContainEqual({ actions: ["sns:Publish"], resources: ["*"] });
  expect(fn.args.url.cors.allowOrigins).toEqual(["https://app.example.com", "https://admin.example.com"]);
  expect(fn.args.url.cors.allowHeaders).toEqual(expect.arrayContaining(["authorization", "content-type"]));
  expect(fn.args.environment).toMatchObject({
    NODE_ENV: "production",
    SMS_PROVIDER: "sns",
    CORS_ORIGINS: "https://app.example.com,https://admin.example.com",
    WEBAUTHN_RP_ID: "example.com",
    WEBAUTHN_ORIGINS: "https://app.example.com",
    RATE_LIMIT_SIGN_UPS_PER_IP: "5/3600",
  });
  // Only named settings pass through: never the deployer's credentials, never a local table or key.
  expect(Object.keys(fn.args.environment)).not.toEqual(expect.arrayContaining(["AWS_SECRET_ACCESS_KEY"]));
  for (const name of Object.keys(fn.args.environment)) expect(name).not.toMatch(/^(AWS_(SECRET|ACCESS|SESSION)|ENCRYPTION_KEY|TABLE_NAME)/);
  expect(fn.args.memory).toBe("1024 MB");
});

test("run() returns the API URL, and stacks import nothing but other stacks", () => {
  expect(outputs).toEqual({ api: (only("sst.aws.Function").instance as { url: string }).url });
  for (const file of readdirSync(`${root}/stacks`).filter((name) => name.endsWith(".ts"))) {
    const imports = [...readFileSync(`${root}/stacks/${file}`, "utf8").matchAll(/from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]!);
    for (const specifier of imports) {
      expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/[\w-]+\.js$/);
      expect(existsSync(`${root}/stacks/${specifier.slice(2).replace(/\.js$/, ".ts")}`)).toBe(true);
    }
  }
});

test("the notifier gets pending outbox items from the table's stream and a sweep, may send email as the sender only", () => {
  const table = only("sst.aws.Dynamo");
  expect(table.args.stream).toBe("new-image");
  const subscription = only("sst.aws.Dynamo.subscribe");
  expect(subscription.instance).toBe(table.instance);
  expect(subscription.args.filters).toEqual([{ dynamodb: { NewImage: { type: { S: ["outbox"] }, status: { S: ["pending"] } } } }]);
  const sweep = only("sst.aws.Cron");
  for (const [fn, exported] of [
    [subscription.args.subscriber, "handler"],
    [sweep.args.function, "sweep"],
  ] as const) {
    expect(fn.handler).toBe(`packages/functions/src/notifier.${exported}`);
    expect(readFileSync(`${root}/packages/functions/src/notifier.ts`, "utf8")).toMatch(new RegExp(`export async function ${exported}\\b`));
    expect(fn.link).toContain(table.instance);
    expect(fn.permissions).toEqual([{ actions: ["ses:SendEmail"], resources: [expect.stringMatching(/^arn:aws:ses:\*:\*:identity\//)] }]);
    expect(fn.environment).toMatchObject({ EMAIL_PROVIDER: "ses", NODE_ENV: "production" });
  }
});
