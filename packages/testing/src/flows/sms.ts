import type { SnsEndpoint } from "../aws/sns-endpoint.js";
import type { GqlApi } from "../gql.js";
import { CONFIRM_SMS, SEND_SIGN_IN_SMS, SIGN_IN, START_SMS } from "../operations.js";
import { PASSWORD } from "../identities.js";
import { sendAs, signUpUser } from "./accounts.js";
import { expectResult, finishGettingStarted } from "./journey.js";

/**
 * Moves the test clock just past the start of the next UTC day, so the hourly and daily SMS
 * windows of a file's tests all start empty and cannot roll over mid-test.
 */
export function startOfFreshDay(api: GqlApi): void {
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

/** Signs a user up from an IP of their own (sign-ups are capped per IP). */
export async function signUpFrom(api: GqlApi, ip = uniqueIp()): Promise<SmsUser> {
  const { email, token } = await signUpUser(api, undefined, ip);
  return { email, token, ip };
}

export function startSmsEnrolment(api: GqlApi, user: SmsUser, phoneNumber: string) {
  return api.gql(START_SMS, { input: { phoneNumber } }, { token: user.token, ip: user.ip });
}

/** Enrols a number with the code read from the captured SMS; returns the confirmed factor. */
export async function enrolSms(api: GqlApi, sns: SnsEndpoint, user: SmsUser, phoneNumber: string) {
  const start = expectResult(await startSmsEnrolment(api, user, phoneNumber), "startSmsEnrolment", "SmsEnrolment");
  const code = sns.lastCodeFor(e164(phoneNumber));
  const factorId = start.factorId as string;
  const confirm = await api.gql(CONFIRM_SMS, { input: { factorId, code } }, { token: user.token, ip: user.ip });
  return expectResult(confirm, "confirmSmsEnrolment", "FactorConfirmed").factor as { id: string; kind: string; label: string };
}

/** The whole "Get started" flow with a phone: enrol by SMS, backup codes, acknowledge, enable. */
export async function enableSmsTwoFactor(api: GqlApi, sns: SnsEndpoint, user: SmsUser, phoneNumber: string) {
  const factor = await enrolSms(api, sns, user, phoneNumber);
  await finishEnabling(api, user);
  return factor;
}

/** The last steps of "Get started", once the factors are in: backup codes, acknowledge, enable. */
export async function finishEnabling(api: GqlApi, user: SmsUser): Promise<void> {
  await finishGettingStarted(sendAs(api, user));
}

/** The password step; returns the challenge (the account must have 2FA on). */
export async function passwordStep(api: GqlApi, user: SmsUser) {
  const res = await api.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } }, { ip: user.ip });
  return expectResult(res, "signIn", "SecondFactorRequired").challenge as {
    id: string;
    methods: string[];
    smsFactors: { factorId: string; maskedPhoneNumber: string }[];
  };
}

export function sendSignInSms(api: GqlApi, challengeId: string, options: { factorId?: string; ip?: string } = {}) {
  return api.gql(SEND_SIGN_IN_SMS, { input: { challengeId, factorId: options.factorId } }, { ip: options.ip });
}
