import { GENERATE_BACKUP_CODES, ENABLE_2FA, PASSWORD, SIGN_IN, startTestApi, uniqueEmail, type TestApi } from "./harness.js";
import type { LocalServerOptions } from "../local/server.js";
import { startSnsEndpoint, type SnsEndpoint } from "./sns-endpoint.js";

/** The AWS SDK reads these from the process environment, as it would on a server or in Lambda. */
const SDK_ENV = ["AWS_ENDPOINT_URL_SNS", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"] as const;

/**
 * Points the real SNS client at a loopback endpoint for this test file: the SDK's own env vars in
 * process.env (restored by the returned function), SMS_PROVIDER=sns for the API.
 */
async function useLoopbackSns(): Promise<{ sns: SnsEndpoint; apiEnv: Record<string, string>; restore(): Promise<void> }> {
  const sns = await startSnsEndpoint();
  const saved = Object.fromEntries(SDK_ENV.map((name) => [name, process.env[name]]));
  const values = {
    AWS_ENDPOINT_URL_SNS: sns.url,
    AWS_ACCESS_KEY_ID: "test-access-key",
    AWS_SECRET_ACCESS_KEY: "test-secret-key",
    AWS_REGION: "us-east-1",
  };
  Object.assign(process.env, values);
  return {
    sns,
    apiEnv: { SMS_PROVIDER: "sns", ...values },
    async restore() {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await sns.close();
    },
  };
}

export async function startSmsApi(apiEnv: Record<string, string>, options: LocalServerOptions = {}): Promise<TestApi> {
  return startTestApi({ ...options, env: { ...apiEnv, ...(options.env as Record<string, string> | undefined) } });
}

/**
 * What an SMS test file starts with: the loopback SNS endpoint and the API sending through it.
 * `apiEnv` starts more APIs on the same endpoint; `close()` closes the API and restores the env.
 */
export async function startSmsTestApi(
  options: LocalServerOptions = {},
): Promise<{ api: TestApi; sns: SnsEndpoint; apiEnv: Record<string, string>; close(): Promise<void> }> {
  const loopback = await useLoopbackSns();
  const api = await startSmsApi(loopback.apiEnv, options);
  return {
    api,
    sns: loopback.sns,
    apiEnv: loopback.apiEnv,
    async close() {
      await api.close();
      await loopback.restore();
    },
  };
}

/**
 * Moves the test clock just past the start of the next UTC day, so the hourly and daily SMS
 * windows of a file's tests all start empty and cannot roll over mid-test.
 */
export function startOfFreshDay(api: TestApi): void {
  const now = api.clock.now().getTime() / 1000;
  api.clock.advance(86400 - (now % 86400) + 5);
}

let ipCounter = 0;
/** A client IP of its own (TEST-NET-2), so per-IP caps of one test do not leak into another. */
export function uniqueIp(): string {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

let phoneCounter = 0;
/** A different valid UK mobile number each call (+44 7400 9xxxxx: type MOBILE). */
export function uniqueMobile(): string {
  phoneCounter += 1;
  return `+44 7400 9${String(phoneCounter).padStart(5, "0")}`;
}

export function e164(phone: string): string {
  return phone.replace(/[^\d+]/g, "");
}

export interface SmsUser {
  email: string;
  token: string;
  ip: string;
}

export const START_SMS = `mutation($input: StartSmsEnrolmentInput!) { startSmsEnrolment(input: $input) { __typename
  ... on SmsEnrolment { factorId maskedPhoneNumber expiresAt }
  ... on ValidationError { message field } ... on RateLimitedError { message retryAfterSeconds } ... on Error { message } } }`;
export const CONFIRM_SMS = `mutation($input: ConfirmSmsEnrolmentInput!) { confirmSmsEnrolment(input: $input) { __typename
  ... on FactorConfirmed { factor { id kind label createdAt lastUsedAt } }
  ... on InvalidCodeError { message attemptsRemaining } ... on Error { message } } }`;
export const SEND_SIGN_IN_SMS = `mutation($input: SendSignInSmsCodeInput!) { sendSignInSmsCode(input: $input) { __typename
  ... on SmsCodeSent { expiresAt resendAfter }
  ... on RateLimitedError { message retryAfterSeconds } ... on ValidationError { message field } ... on Error { message } } }`;

/** Signs a user up from an IP of their own (sign-ups are capped per IP). */
export async function signUpFrom(api: TestApi, ip = uniqueIp()): Promise<SmsUser> {
  const email = uniqueEmail();
  const res = await api.gql(
    `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on SignedIn { session { token } } ... on Error { message } } }`,
    { input: { email, password: PASSWORD } },
    { ip },
  );
  if (res.data?.signUp.__typename !== "SignedIn") throw new Error(`sign-up failed: ${JSON.stringify(res)}`);
  return { email, token: res.data.signUp.session.token, ip };
}

export function startSmsEnrolment(api: TestApi, user: SmsUser, phoneNumber: string) {
  return api.gql(START_SMS, { input: { phoneNumber } }, { token: user.token, ip: user.ip });
}

/** Enrols a number with the code read from the captured SMS; returns the confirmed factor. */
export async function enrolSms(api: TestApi, sns: SnsEndpoint, user: SmsUser, phoneNumber: string) {
  const start = await startSmsEnrolment(api, user, phoneNumber);
  if (start.data?.startSmsEnrolment.__typename !== "SmsEnrolment") throw new Error(JSON.stringify(start));
  const code = sns.lastCodeFor(e164(phoneNumber));
  const factorId = start.data.startSmsEnrolment.factorId as string;
  const confirm = await api.gql(CONFIRM_SMS, { input: { factorId, code } }, { token: user.token, ip: user.ip });
  if (confirm.data?.confirmSmsEnrolment.__typename !== "FactorConfirmed") throw new Error(JSON.stringify(confirm));
  return confirm.data.confirmSmsEnrolment.factor as { id: string; kind: string; label: string };
}

/** The whole "Get started" flow with a phone: enrol by SMS, backup codes, acknowledge, enable. */
export async function enableSmsTwoFactor(api: TestApi, sns: SnsEndpoint, user: SmsUser, phoneNumber: string) {
  const factor = await enrolSms(api, sns, user, phoneNumber);
  await finishEnabling(api, user);
  return factor;
}

/** The last steps of "Get started", once the factors are in: backup codes, acknowledge, enable. */
export async function finishEnabling(api: TestApi, user: SmsUser): Promise<void> {
  const codes = await api.gql(GENERATE_BACKUP_CODES, {}, { token: user.token, ip: user.ip });
  if (codes.data?.generateBackupCodes.__typename !== "BackupCodes") throw new Error(JSON.stringify(codes));
  const enabled = await api.gql(ENABLE_2FA, { input: { backupCodesAcknowledged: true } }, { token: user.token, ip: user.ip });
  if (enabled.data?.enableTwoFactor.__typename !== "TwoFactorEnabled") throw new Error(JSON.stringify(enabled));
}

/** The password step; returns the challenge (the account must have 2FA on). */
export async function passwordStep(api: TestApi, user: SmsUser) {
  const res = await api.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } }, { ip: user.ip });
  if (res.data?.signIn.__typename !== "SecondFactorRequired") throw new Error(JSON.stringify(res));
  return res.data.signIn.challenge as { id: string; methods: string[]; smsFactors: { factorId: string; maskedPhoneNumber: string }[] };
}

export function sendSignInSms(api: TestApi, challengeId: string, options: { factorId?: string; ip?: string } = {}) {
  return api.gql(SEND_SIGN_IN_SMS, { input: { challengeId, factorId: options.factorId } }, { ip: options.ip });
}
