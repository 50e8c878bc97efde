/**
 * Every limit in one table, with its default. Each can be overridden by an environment variable
 * `RATE_LIMIT_<NAME>` = `max/windowSeconds` (e.g. `RATE_LIMIT_SIGN_IN_FAILURES_PER_IP=100/900`).
 */
export interface Limit {
  name: string;
  max: number;
  windowSeconds: number;
}

const defaults = {
  // NIST SP 800-63B 5.2.2: no more than 100 consecutive failures per account; we are far stricter.
  // Every wrong password uses a unit, and so does every right one that opens a second-factor
  // challenge (each challenge allows 5 guesses, exactly), so at most 5 x max second-factor guesses
  // fit in a window however many are fired in parallel; a right password that signs straight in
  // gives its unit back.
  signInAttemptsPerAccount: { max: 20, windowSeconds: 15 * 60 },
  signInFailuresPerIp: { max: 50, windowSeconds: 15 * 60 },
  signUpsPerIp: { max: 50, windowSeconds: 60 * 60 },
  // Every second-factor proof that does not pass uses a unit before it is answered, and a right one
  // passes only while the window has room (checked in the write that spends it; kept on the account
  // item: db/second-factor-budget.ts): an exact cap on guesses however many challenges and requests
  // an attacker who knows the password opens at once.
  secondFactorAttemptsPerAccount: { max: 10, windowSeconds: 15 * 60 },
  enrolmentStartsPerAccount: { max: 20, windowSeconds: 60 * 60 },
  // Per number, sign-in texts (to numbers that are confirmed factors) and enrolment texts have
  // budgets of their own: strangers enrolling your number cannot use up your sign-in texts.
  smsPerPhoneHour: { max: 5, windowSeconds: 3600 },
  smsPerPhoneDay: { max: 10, windowSeconds: 86400 },
  smsEnrolmentsPerPhoneHour: { max: 5, windowSeconds: 3600 },
  smsEnrolmentsPerPhoneDay: { max: 10, windowSeconds: 86400 },
  smsPerUserHour: { max: 5, windowSeconds: 3600 },
  smsPerUserDay: { max: 10, windowSeconds: 86400 },
  smsPerIpHour: { max: 10, windowSeconds: 3600 },
  smsPerIpDay: { max: 30, windowSeconds: 86400 },
  smsGlobalDay: { max: 1000, windowSeconds: 86400 }, // max: config.sms.dailyLimit (SMS_DAILY_LIMIT) wins
  passkeyStartsPerIp: { max: 60, windowSeconds: 60 },
  domainVerificationsPerAccount: { max: 10, windowSeconds: 3600 },
  domainClaimsPerAccount: { max: 10, windowSeconds: 3600 },
  // Emails a stranger can make us send (verification links, reset links): per address, so one
  // mailbox is not flooded, per IP, so one client cannot flood many, and a global daily budget.
  // Security notifications are not counted: they follow the account owner's own actions, and
  // none may be dropped.
  verificationEmailResendPerAddress: { max: 1, windowSeconds: 60 },
  verificationEmailsPerAddress: { max: 5, windowSeconds: 3600 },
  verificationEmailsPerIp: { max: 20, windowSeconds: 3600 },
  passwordResetEmailsPerAddress: { max: 5, windowSeconds: 3600 },
  passwordResetEmailsPerIp: { max: 20, windowSeconds: 3600 },
  emailGlobalDay: { max: 1000, windowSeconds: 86400 }, // max: config.email.dailyLimit (EMAIL_DAILY_LIMIT) wins
} satisfies Record<string, Omit<Limit, "name">>;

export type LimitName = keyof typeof defaults;
export type Limits = Record<LimitName, Limit> & {
  /**
   * NIST SP 800-63B 5.2.2: consecutive failed second-factor proofs on an account, counted across
   * every window and reset by any success, after which its TOTP and SMS factors are refused
   * (`SECOND_FACTOR_LOCK_AFTER`, default 100). The windowed budgets above slow guessing; this caps it.
   */
  secondFactorLockAfter: number;
};

export const SECOND_FACTOR_LOCK_AFTER_DEFAULT = 100;

function lockAfter(raw: string | undefined): number {
  if (raw === undefined || raw === "") return SECOND_FACTOR_LOCK_AFTER_DEFAULT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`SECOND_FACTOR_LOCK_AFTER must be a positive whole number, not "${raw}".`);
  return value;
}

function envName(name: string): string {
  return `RATE_LIMIT_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

export function loadLimits(env: Record<string, string | undefined> = process.env): Limits {
  const limits = { secondFactorLockAfter: lockAfter(env.SECOND_FACTOR_LOCK_AFTER) } as Limits;
  for (const [name, limit] of Object.entries(defaults) as [LimitName, Omit<Limit, "name">][]) {
    const override = env[envName(name)]?.match(/^(\d+)\/(\d+)$/);
    limits[name] = override
      ? { name, max: Number(override[1]), windowSeconds: Math.max(1, Number(override[2])) }
      : { name, ...limit };
  }
  return limits;
}

export const limitEnvNames = Object.fromEntries(Object.keys(defaults).map((n) => [n, envName(n)]));
