import { safeEqual } from "../../crypto/hashing.js";
import { randomDigits } from "../../crypto/random.js";
import type { Deps } from "../../deps.js";
import { SmsDeliveryFailedError } from "../../errors.js";

export const SMS_CODE_DIGITS = 6;
export const SMS_CODE_TTL_SECONDS = 5 * 60;
export const SMS_CODE_MAX_ATTEMPTS = 5;

/** Six digits from the CSPRNG, leading zeros kept. */
export function newSmsCode(): string {
  return randomDigits(SMS_CODE_DIGITS);
}

/** Codes may be typed with spaces ("123 456"); anything but six digits is simply wrong. */
const CODE_SHAPE = new RegExp(`^\\d{${SMS_CODE_DIGITS}}$`);

export function normaliseSmsCode(raw: string): string | undefined {
  const code = raw.replace(/\s+/g, "");
  return CODE_SHAPE.test(code) ? code : undefined;
}

/**
 * What a code is bound to: the enrolment (pending factor) or the sign-in challenge it was sent
 * for. The purpose is part of the keyed hash, so a code for one can never answer the other.
 */
export type SmsCodePurpose = { enrolment: string } | { challenge: string };

function purposeLabel(purpose: SmsCodePurpose): string {
  return "enrolment" in purpose ? `sms:enrol:${purpose.enrolment}` : `sms:sign-in:${purpose.challenge}`;
}

/** Keyed hash (HMAC with a pepper outside the table): six digits are too few for a bare hash. */
export function hashSmsCode(deps: Pick<Deps, "codeHasher">, purpose: SmsCodePurpose, code: string): string {
  return deps.codeHasher.hash(purposeLabel(purpose), code);
}

/** Constant-time check of a typed code against the stored hash. */
export function smsCodeMatches(deps: Pick<Deps, "codeHasher">, purpose: SmsCodePurpose, raw: string, storedHash: unknown): boolean {
  const code = normaliseSmsCode(raw);
  if (!code || typeof storedHash !== "string") return false;
  return safeEqual(hashSmsCode(deps, purpose, code), storedHash);
}

/**
 * The text sent. The last line is the origin-bound one-time-code format
 * (https://wicg.github.io/sms-one-time-codes/): browsers on the RP's site offer to fill the code
 * in, and refuse to on any other site, which blunts phishing pages asking for it.
 */
export function smsMessage(code: string, rpId: string): string {
  const minutes = Math.round(SMS_CODE_TTL_SECONDS / 60);
  return `Your Access Identity code is ${code}. It expires in ${minutes} minutes.\n@${rpId} #${code}`;
}

/**
 * Hands the text to the provider. Whatever went wrong there (refused number, throttled account,
 * outage after the SDK's retries) the caller sees one typed error; the details go to the log,
 * never the code.
 */
export async function deliverSmsCode(deps: Deps, phoneE164: string, code: string): Promise<void> {
  try {
    await deps.sms.send(phoneE164, smsMessage(code, deps.config.webauthn.rpId));
  } catch (error) {
    deps.log.warn({ event: "sms.failed", provider: deps.config.sms.provider, error: (error as Error)?.name }, "SMS not sent");
    throw error instanceof SmsDeliveryFailedError ? error : new SmsDeliveryFailedError();
  }
}
