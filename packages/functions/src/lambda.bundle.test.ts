// What users rely on: the artefact we deploy — the esbuild bundle, not the TypeScript sources —
// starts in a fresh Node process with only Lambda's environment, finds its native argon2 binary,
// reads its configuration from SST's linked resources (or plain env vars outside SST), answers
// Function URL events with GraphQL results, and never leaks a stack trace.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createCore, createLogger, ensureTable, loadConfig } from "@access-identity/core";
import { sesEmailSender } from "@access-identity/core/email/ses-sender";
import { linkIn, startSesEndpoint } from "../../testing/src/ses-endpoint.js";
import { createNotifier } from "./notifier.js";
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  BUILD_SCRIPT,
  BUNDLE_FILE,
  functionUrlEvent,
  graphqlEvent,
  startLambdaProcess,
  type HttpResultV2,
  type LambdaProcess,
} from "../../../scripts/bench/lambda-process.ts";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "./local/embedded-dynamo.js";

const TABLE = "identity-bundle-test";
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename
  ... on SignedIn { session { token aal } user { email } } ... on Error { message } } }`;
const ME = `query { me { email } }`;

let dynamo: EmbeddedDynamo;
let packageDir: string;
let awsEnv: Record<string, string>;
const encryptionKey = randomBytes(32).toString("base64");
const started: LambdaProcess[] = [];

function lambda(env: Record<string, string>): LambdaProcess {
  const child = startLambdaProcess({ ...awsEnv, ...env }, join(packageDir, "index.mjs"));
  started.push(child);
  return child;
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
  // Build the bundle from the current sources (about 2 s): the test must never pass on a stale one.
  execFileSync(process.execPath, [BUILD_SCRIPT], { stdio: "pipe" });
  // Run it from outside the repo, as Lambda does from its zip: no node_modules to fall back on,
  // so argon2's native binary must be found beside the bundle.
  packageDir = mkdtempSync(join(tmpdir(), "lambda-package-"));
  for (const file of readdirSync(dirname(BUNDLE_FILE)).filter((name) => /\.(mjs|node)$/.test(name) || name === "chunks")) {
    cpSync(join(dirname(BUNDLE_FILE), file), join(packageDir, file), { recursive: true });
  }
  dynamo = await startEmbeddedDynamo();
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  await ensureTable(client, TABLE);
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
});

afterAll(async () => {
  await Promise.all(started.map((child) => child.close()));
  await dynamo?.close();
  if (packageDir) rmSync(packageDir, { recursive: true, force: true });
});

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
