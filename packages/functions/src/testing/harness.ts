import { execFileSync } from "node:child_process";
import { createLogger, type Clock } from "@access-identity/core";
import { sesEmailSender } from "@access-identity/core/email/ses-sender";
import { linkIn, startSesEndpoint, type SesEndpoint } from "../../../testing/src/ses-endpoint.js";
import { startLocalServer, type LocalServer, type LocalServerOptions } from "../local/server.js";
import { createHandler } from "../http.js";

/** A clock tests can move forward (expiry, rate-limit windows, TOTP steps). */
export class TestClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  headers: Headers;
}

export interface TestApi {
  server: LocalServer;
  clock: TestClock;
  /** The loopback SES v2 endpoint every email goes to, through the real SES client. */
  mail: SesEndpoint;
  /** Sends every email due (the local delivery loop's sweep) and waits for it. */
  deliverEmails(): Promise<void>;
  /** POSTs one GraphQL operation through the same handler the Lambda and the local server use. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: { token?: string; ip?: string; headers?: Record<string, string> }): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/**
 * A fresh in-memory store and server per test file. Requests go through `createHandler` (yoga.fetch
 * without a socket); `server.url` is there too for tests that need real HTTP (browsers, CORS).
 */
export async function startTestApi(options: LocalServerOptions & { env?: Record<string, string> } = {}): Promise<TestApi> {
  const clock = new TestClock();
  const mail = await startSesEndpoint();
  const email = sesEmailSender(
    { region: "us-east-1", from: "Access Identity <no-reply@example.test>", endpoint: mail.url, credentials: { accessKeyId: "test", secretAccessKey: "test" } },
    createLogger({ level: "silent" }),
  );
  const server = await startLocalServer({
    inMemory: true,
    ...options,
    env: { PORT: "0", ENCRYPTION_KEY: "A".repeat(43) + "=", LOG_LEVEL: "silent", SMS_PROVIDER: "console", ...options.env },
    core: { clock, email, ...options.core },
  });
  const handle = createHandler(server.deps);
  return {
    server,
    clock,
    mail,
    deliverEmails: () => server.delivery.flush(),
    async gql(query, variables, opts = {}) {
      const response = await handle(
        new Request(`${server.url}/graphql`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
            ...opts.headers,
          },
          body: JSON.stringify({ query, variables }),
        }),
        // Each call comes from its own address unless a test says otherwise, so per-IP limits only
        // bite in the tests that are about them.
        { ip: opts.ip ?? randomTestIp(), userAgent: opts.headers?.["user-agent"] },
      );
      const body = (await response.json()) as { data?: any; errors?: GqlResult["errors"] };
      return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
    },
    close: async () => {
      await server.close();
      await mail.close();
    },
  };
}

function randomTestIp(): string {
  const n = Math.floor(Math.random() * 2 ** 16);
  return `198.18.${n >> 8}.${n & 255}`;
}

let counter = 0;
/** A unique email per call, so tests in one file never collide. */
export function uniqueEmail(domain = "example.com"): string {
  counter += 1;
  return `user${Date.now().toString(36)}${counter}@${domain}`;
}

export const PASSWORD = "correct horse battery staple";

/** Signs a new user up and returns their AAL1 session token and email. */
export async function signUpUser(api: TestApi, email = uniqueEmail()): Promise<{ email: string; token: string; userId: string }> {
  const res = await api.gql(
    `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on SignedIn { session { token } user { id email } } ... on Error { message } } }`,
    { input: { email, password: PASSWORD } },
  );
  const result = res.data?.signUp;
  if (result?.__typename !== "SignedIn") throw new Error(`sign-up failed: ${JSON.stringify(res)}`);
  // As its owner would: open the verification link emailed at sign-up (only verified addresses count for domains).
  await verifyEmailFromInbox(api, result.user.email);
  return { email, token: result.session.token, userId: result.user.id };
}

export const VERIFY_EMAIL = `mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { __typename
  ... on EmailVerified { user { email emailVerified } } ... on InvalidCodeError { message } ... on Error { message } } }`;

/** The token of the latest link to `path` emailed to `address` (after delivering what is due). */
export async function tokenFromInbox(api: TestApi, address: string, path: "/verify-email" | "/reset-password"): Promise<string> {
  await api.deliverEmails();
  return linkIn(api.mail.lastTo(address), path).searchParams.get("token") ?? "";
}

/** Opens the latest verification link sent to `address`. */
export async function verifyEmailFromInbox(api: TestApi, address: string): Promise<void> {
  const res = await api.gql(VERIFY_EMAIL, { input: { token: await tokenFromInbox(api, address, "/verify-email") } });
  if (res.data?.verifyEmail.__typename !== "EmailVerified") throw new Error(`verification failed: ${JSON.stringify(res)}`);
  // Its "email verified" notice is sent now, not in the background of the test's next steps.
  await api.deliverEmails();
}

/** The independent TOTP implementation: Debian's oathtool (`-N` for another moment). */
export function oathtool(secretBase32: string, at: Date = new Date()): string {
  return execFileSync("oathtool", ["--totp", "-b", secretBase32, "-N", `@${Math.floor(at.getTime() / 1000)}`], {
    encoding: "utf8",
  }).trim();
}

export const ENROL_TOTP = `mutation($input: StartTotpEnrolmentInput) { startTotpEnrolment(input: $input) { __typename
  ... on TotpEnrolment { factorId secret otpauthUri qrCodeDataUrl qrCodeSvg expiresAt } ... on Error { message } } }`;
export const CONFIRM_TOTP = `mutation($input: ConfirmTotpEnrolmentInput!) { confirmTotpEnrolment(input: $input) { __typename
  ... on FactorConfirmed { factor { id kind label } } ... on InvalidCodeError { message attemptsRemaining } ... on Error { message } } }`;
export const GENERATE_BACKUP_CODES = `mutation { generateBackupCodes { __typename ... on BackupCodes { codes generatedAt } ... on Error { message } } }`;
export const ENABLE_2FA = `mutation($input: EnableTwoFactorInput!) { enableTwoFactor(input: $input) { __typename
  ... on TwoFactorEnabled { status { enabled backupCodesRemaining factors { id kind } } } ... on ValidationError { message field } ... on Error { message } } }`;
export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename
  ... on SignedIn { session { token aal enrolmentRequired } }
  ... on SecondFactorRequired { challenge { id expiresAt methods backupCodesAvailable smsFactors { factorId maskedPhoneNumber } } }
  ... on RateLimitedError { message retryAfterSeconds } ... on Error { message } } }`;
export const COMPLETE_SIGN_IN = `mutation($input: CompleteSignInInput!) { completeSignIn(input: $input) { __typename
  ... on SignedIn { session { token aal expiresAt } user { email } }
  ... on InvalidCodeError { message attemptsRemaining } ... on RateLimitedError { message retryAfterSeconds } ... on Error { message } } }`;

/**
 * The whole "Get started" flow with an authenticator app: enrol (codes from oathtool), generate
 * backup codes, acknowledge, enable. Returns what a later sign-in needs.
 */
export async function enableTotpTwoFactor(api: TestApi, user: { token: string }) {
  const start = await api.gql(ENROL_TOTP, { input: { label: "Phone" } }, { token: user.token });
  const { factorId, secret } = start.data.startTotpEnrolment;
  const confirm = await api.gql(CONFIRM_TOTP, { input: { factorId, code: oathtool(secret, api.clock.now()) } }, { token: user.token });
  if (confirm.data?.confirmTotpEnrolment.__typename !== "FactorConfirmed") throw new Error(JSON.stringify(confirm));
  const codes = (await api.gql(GENERATE_BACKUP_CODES, {}, { token: user.token })).data.generateBackupCodes.codes as string[];
  const enabled = await api.gql(ENABLE_2FA, { input: { backupCodesAcknowledged: true } }, { token: user.token });
  if (enabled.data?.enableTwoFactor.__typename !== "TwoFactorEnabled") throw new Error(JSON.stringify(enabled));
  // The confirming code's time step is spent; later sign-ins start from the next step.
  api.clock.advance(30);
  return { factorId, secret, backupCodes: codes };
}

/** Password step; returns the challenge id (the account must have 2FA on). */
export async function startSignIn(api: TestApi, email: string, ip?: string): Promise<string> {
  const res = await api.gql(SIGN_IN, { input: { email, password: PASSWORD } }, { ip });
  if (res.data?.signIn.__typename !== "SecondFactorRequired") throw new Error(JSON.stringify(res));
  return res.data.signIn.challenge.id;
}
