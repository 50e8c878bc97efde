// What users rely on: the artefact we deploy — the directory `npm run build` makes and the stack
// hands SST as its `bundle`, not the TypeScript sources — starts on the Lambda runtime's Node in a
// fresh process with only Lambda's environment, finds its native argon2 binary, reads its table
// name and encryption key the way SST delivers them (environment variables, and the encrypted
// resource file SST adds to the bundle), answers Function URL events with GraphQL results, keeps a
// caller's syntax error a syntax error, refuses to start half-configured, and never leaks a stack.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createCore, createLogger, ensureTable, loadConfig } from "@access-identity/core";
import { sesEmailSender } from "@access-identity/core/email/ses-sender";
import { linkIn, startSesEndpoint } from "@access-identity/testing/ses";
import { createNotifier } from "./notifier.js";
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  BUILD_SCRIPT,
  functionUrlEvent,
  graphqlEvent,
  startLambdaProcess,
  type HttpResultV2,
  type LambdaProcess,
} from "../../../scripts/bench/lambda-process.ts";
import { graphqlCopiesIn, METAFILE } from "../../../scripts/build-lambda.mjs";
import { lambdaNode } from "../../../scripts/lambda-node.mjs";
import { evaluateSstConfig, functions, type RecordedFunction } from "../../../scripts/sst-eval/evaluate.ts";
import { deployPackage, lambdaRuntimeEnv, type DeployPackage } from "../../../scripts/sst-eval/deploy-package.ts";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "./local/embedded-dynamo.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const TABLE = "identity-bundle-test";
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename
  ... on SignedIn { session { token aal } user { email } } ... on Error { message } } }`;
const ME = `query { me { email } }`;

let dynamo: EmbeddedDynamo;
let declared: RecordedFunction;
let deployed: DeployPackage;
let node: string;
let awsEnv: Record<string, string>;
const encryptionKey = randomBytes(32).toString("base64");
const started: LambdaProcess[] = [];

/** The deployed package on the runtime's Node, from its root, with `env` and nothing else. */
function boot(env: Record<string, string>): LambdaProcess {
  const child = startLambdaProcess(env, deployed.handlerFile, { node, cwd: deployed.dir, exportName: deployed.exportName });
  started.push(child);
  return child;
}

/** As deployed: the stack's environment, SST's resource file and key, Lambda's own variables. */
function asDeployed(overrides: Record<string, string | undefined> = {}): LambdaProcess {
  const env: Record<string, string | undefined> = { ...deployed.env, ...lambdaRuntimeEnv(declared, deployed.dir), ...awsEnv, ...overrides };
  return boot(Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)));
}

/** Outside SST: the same package with plain environment variables, as a local run would have. */
function lambda(env: Record<string, string>): LambdaProcess {
  return boot({ ...awsEnv, ...env });
}

/**
 * What the notifier function does in AWS (on the table's stream): sends the outbox, here to a
 * loopback SES endpoint through the real client; returns the verification link's token for `email`.
 */
async function verificationToken(email: string): Promise<string> {
  const mail = await startSesEndpoint();
  const log = createLogger({ level: "silent" });
  const credentials = { accessKeyId: "test", secretAccessKey: "test" };
  const deps = createCore(loadConfig({ TABLE_NAME: TABLE, AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint, AWS_REGION: "us-east-1", ENCRYPTION_KEY: encryptionKey }), {
    log,
    email: sesEmailSender({ region: "us-east-1", from: "no-reply@bundle.test", endpoint: mail.url, credentials }, log),
  });
  try {
    await createNotifier(deps).sweep();
    return linkIn(mail.lastTo(email), "/verify-email").searchParams.get("token") ?? "";
  } finally {
    deps.db.raw.destroy();
    await mail.close();
  }
}

/** Header names are case-insensitive; Function URLs pass on whatever case the handler used. */
function header(result: HttpResultV2, name: string): string | undefined {
  return Object.entries(result.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function json(result: HttpResultV2): any {
  expect(result.isBase64Encoded).toBe(false);
  return JSON.parse(result.body);
}

beforeAll(async () => {
  // `npm run build` from the current sources (about 2 s): the test must never pass on a stale one.
  execFileSync(process.execPath, [BUILD_SCRIPT], { stdio: "pipe" });
  // The function exactly as sst.config.ts declares it for production, evaluated as SST does.
  const evaluation = await evaluateSstConfig({
    stage: "production",
    env: { WEBAUTHN_RP_ID: "example.com", WEBAUTHN_ORIGINS: "https://app.example.com", SST_SECRET_EncryptionKey: encryptionKey },
  });
  declared = functions(evaluation).find((f) => f.name === "Graphql")!;
  deployed = deployPackage(root, evaluation.app, declared);
  // The runtime's Node (nodejs24.x -> 24), cached after the first download.
  node = lambdaNode();
  expect(execFileSync(node, ["--version"], { encoding: "utf8" })).toMatch(new RegExp(`^v${declared.args.runtime.match(/^nodejs(\d+)\.x$/)[1]}\.`));

  dynamo = await startEmbeddedDynamo();
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  await ensureTable(client, TABLE);
  // The table the stack names, for the function as deployed.
  await ensureTable(client, declared.args.environment.TABLE_NAME);
  client.destroy();
  // What Lambda's runtime provides, pointed at the in-memory store.
  awsEnv = {
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    NODE_ENV: "production",
    LOG_LEVEL: "error",
  };
}, 300_000);

afterAll(async () => {
  await Promise.all(started.map((child) => child.close()));
  await dynamo?.close();
  if (deployed) rmSync(deployed.dir, { recursive: true, force: true });
});

test("as deployed (stack environment, SST's resource file, Node of the runtime): signs up, answers `me`, and a syntax error stays one", async () => {
  const fn = asDeployed();
  const email = `deployed-${Date.now()}@example.com`;
  const signUp = json(await fn.invoke(graphqlEvent(SIGN_UP, { input: { email, password: "correct horse battery staple" } })));
  expect(signUp.data.signUp).toMatchObject({ __typename: "SignedIn", session: { aal: "AAL1" }, user: { email } });
  const me = json(await fn.invoke(graphqlEvent(ME, {}, { token: signUp.data.signUp.session.token })));
  expect(me).toEqual({ data: { me: { email } } });
  // A typed error keeps its GraphQL type name in the minified bundle (names are tags, not class names).
  const again = json(await fn.invoke(graphqlEvent(SIGN_UP, { input: { email, password: "correct horse battery staple" } })));
  expect(again.data.signUp.__typename).toBe("ConflictError");
  // Masked as "Unexpected error." if graphql were bundled twice (two GraphQLError classes).
  const broken = json(await fn.invoke(graphqlEvent("{ me { email ")));
  expect(broken.errors[0].message).toMatch(/^Syntax Error/);
  // The key came from resource.enc: no variable carries it.
  expect(Object.keys(deployed.env)).not.toContain("ENCRYPTION_KEY");
}, 60_000);

test("the deployed directory is the handler, its chunks and the argon2 binary, with one copy of graphql", () => {
  expect(readdirSync(deployed.dir).sort()).toEqual(["argon2.linux-x64-gnu.node", "chunks", "index.mjs", "notifier.mjs", "resource.enc"]);
  const inputs = Object.keys(JSON.parse(readFileSync(METAFILE, "utf8")).inputs);
  expect(graphqlCopiesIn(inputs)).toEqual(["node_modules/graphql (CommonJS)"]);
  expect(dirname(deployed.handlerFile)).toBe(deployed.dir);
});

test("refuses to start without its table name or its key, at init", async () => {
  await expect(asDeployed({ SST_KEY: undefined }).invoke(graphqlEvent(ME))).rejects.toThrow(/cannot start: ENCRYPTION_KEY is not configured .*EncryptionKey secret/);
  await expect(asDeployed({ TABLE_NAME: undefined }).invoke(graphqlEvent(ME))).rejects.toThrow(/cannot start without TABLE_NAME/);
}, 60_000);

test("outside SST (env vars): signs up through a Function URL event, then answers `me` with the token", async () => {
  const fn = lambda({ TABLE_NAME: TABLE, ENCRYPTION_KEY: encryptionKey });
  const email = `bundle-${Date.now()}@example.com`;

  const signUp = await fn.invoke(graphqlEvent(SIGN_UP, { input: { email, password: "correct horse battery staple" } }));
  expect(signUp.statusCode).toBe(200);
  expect(header(signUp, "content-type")).toMatch(/^application\/(graphql-response\+)?json/);
  expect(header(signUp, "x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  const signedIn = json(signUp).data.signUp;
  expect(signedIn).toMatchObject({ __typename: "SignedIn", session: { aal: "AAL1" }, user: { email } });

  // Function URLs may deliver the body base64-encoded.
  const me = await fn.invoke(graphqlEvent(ME, {}, { token: signedIn.session.token, base64: true }));
  expect(me.statusCode).toBe(200);
  expect(json(me)).toEqual({ data: { me: { email } } });
}, 30_000);

test("the parts loaded on first use (QR encoder, phone metadata, WebAuthn, public-mail list) load from their chunks", async () => {
  const fn = lambda({ TABLE_NAME: TABLE, ENCRYPTION_KEY: encryptionKey, SMS_PROVIDER: "console" });
  const email = `bundle-chunks-${Date.now()}@bundle-chunks.test`;
  const signUp = json(await fn.invoke(graphqlEvent(SIGN_UP, { input: { email, password: "correct horse battery staple" } })));
  const token = signUp.data.signUp.session.token as string;
  const call = async (query: string, variables: Record<string, unknown> = {}) => json(await fn.invoke(graphqlEvent(query, variables, { token }))).data;

  const totp = await call(`mutation { startTotpEnrolment(input: {}) { __typename ... on TotpEnrolment { qrCodeDataUrl qrCodeSvg } } }`);
  expect(totp.startTotpEnrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  expect(totp.startTotpEnrolment.qrCodeSvg).toMatch(/^<svg/);
  const sms = await call(`mutation($input: StartSmsEnrolmentInput!) { startSmsEnrolment(input: $input) { __typename ... on SmsEnrolment { maskedPhoneNumber } } }`, {
    input: { phoneNumber: "+44 7400 123456" },
  });
  expect(sms.startSmsEnrolment).toEqual({ __typename: "SmsEnrolment", maskedPhoneNumber: "+44 ••• ••• 3456" });
  const key = await call(`mutation { startWebAuthnEnrolment(input: {}) { __typename ... on WebAuthnEnrolment { options } } }`);
  expect(key.startWebAuthnEnrolment.options.rp.id).toBe("localhost");
  // Only a verified address may claim its domain: open the link the notifier sent.
  const verified = await call(`mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { __typename } }`, { input: { token: await verificationToken(email) } });
  expect(verified.verifyEmail.__typename).toBe("EmailVerified");
  const claim = await call(`mutation($input: ClaimDomainInput!) { claimDomain(input: $input) { __typename } }`, { input: { name: "bundle-chunks.test" } });
  expect(claim.claimDomain.__typename).toBe("DomainClaim");
}, 30_000);

test("a GET without a query and a syntax error are refused cleanly, and an unknown path is a 404", async () => {
  const fn = lambda({ TABLE_NAME: TABLE, ENCRYPTION_KEY: encryptionKey });
  // GraphQL over HTTP: a legacy JSON client gets 200 with the error, a graphql-response+json one a 400.
  for (const [accept, status] of [["application/json", 200], ["application/graphql-response+json", 400]] as const) {
    // GET must carry a header no cross-site form can set (CSRF prevention); without it, 403.
    const bare = await fn.invoke(functionUrlEvent({ method: "GET", headers: { accept } }));
    expect(bare.statusCode).toBe(403);
    const get = await fn.invoke(functionUrlEvent({ method: "GET", headers: { accept, "x-graphql-yoga-csrf": "1" } }));
    expect(get.statusCode).toBe(status);
    expect(json(get)).toEqual({ errors: [{ message: "Must provide query string.", extensions: { code: "BAD_REQUEST" } }] });
  }
  // A syntax error is the caller's to see (one copy of graphql in the bundle, or it would be masked).
  const broken = json(await fn.invoke(graphqlEvent("{ me { email ")));
  expect(broken.errors[0].message).toMatch(/^Syntax Error/);

  const elsewhere = await fn.invoke(functionUrlEvent({ method: "GET", path: "/admin" }));
  expect(elsewhere.statusCode).toBe(404);
}, 30_000);

test("inside SST: the table name and encryption key come from the linked resources, not env vars", async () => {
  // TABLE_NAME points at a table that does not exist: only the linked resource can make this work.
  const fn = lambda({
    SST_RESOURCE_App: JSON.stringify({ name: "access-identity", stage: "test" }),
    SST_RESOURCE_Table: JSON.stringify({ name: TABLE }),
    SST_RESOURCE_EncryptionKey: JSON.stringify({ value: encryptionKey }),
    TABLE_NAME: "no-such-table",
  });
  const email = `bundle-sst-${Date.now()}@example.com`;
  const signUp = json(await fn.invoke(graphqlEvent(SIGN_UP, { input: { email, password: "correct horse battery staple" } })));
  expect(signUp.data.signUp.__typename).toBe("SignedIn");
  const me = json(await fn.invoke(graphqlEvent(ME, {}, { token: signUp.data.signUp.session.token })));
  expect(me.data.me.email).toBe(email);
}, 30_000);

test("an unexpected failure is masked: a request id to quote, no stack, nothing about the infrastructure", async () => {
  const fn = lambda({ TABLE_NAME: "no-such-table", ENCRYPTION_KEY: encryptionKey });
  const res = await fn.invoke(graphqlEvent(SIGN_UP, { input: { email: "masked@example.com", password: "correct horse battery staple" } }));
  expect(res.statusCode).toBe(200);
  const [error] = json(res).errors;
  expect(error.message).toBe("Unexpected error.");
  expect(error.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: header(res, "x-request-id") });
  expect(res.body).not.toMatch(/no-such-table|ResourceNotFound|stack|\.m?js:\d+/);
  // The failure is logged (with its cause) for the operator instead.
  expect(fn.output()).toContain(header(res, "x-request-id"));
}, 30_000);
