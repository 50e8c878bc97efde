import { Secret, TOTP } from "otpauth";

// What every authenticator app reads: SHA-1, 6 digits, 30-second steps (RFC 6238 defaults).
const PERIOD = 30;
const DIGITS = 6;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32; // 160 bits, as RFC 4226 recommends
}

export function totpFor(secretBase32: string, issuer: string, accountName: string): TOTP {
  return new TOTP({
    issuer,
    label: accountName,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** Codes may arrive with spaces ("123 456"); anything but six digits is simply wrong. */
export function normaliseTotpCode(raw: string): string | undefined {
  const code = raw.replace(/\s+/g, "");
  return /^\d{6}$/.test(code) ? code : undefined;
}

/**
 * The time step a code belongs to, allowing one step of clock drift either way, or undefined.
 * The step, not the code, is what is recorded as used: that is what makes replay detectable.
 */
export function matchingStep(secretBase32: string, rawCode: string, now: Date): number | undefined {
  const token = normaliseTotpCode(rawCode);
  if (!token) return undefined;
  const totp = totpFor(secretBase32, "", "x");
  const delta = totp.validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return undefined;
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}
