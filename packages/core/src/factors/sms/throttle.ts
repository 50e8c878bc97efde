import { randomToken } from "../../crypto/random.js";
import { claimSmsResendGuard, getSmsResendGuardSentAt, releaseSmsResendGuard } from "../../db/sms-resend-guards.js";
import type { Deps } from "../../deps.js";
import { RateLimitedError } from "../../errors.js";
import type { Reservation } from "../../rate-limit/limiter.js";
import type { Limit } from "../../rate-limit/limits.js";

/**
 * SMS-pumping defences. Every text costs money and some destinations pay the sender's attacker
 * (toll fraud), so each send first takes one unit from every cap that applies: per phone number,
 * per user and per client IP, hourly and daily, and one global daily budget. Each unit is a
 * conditional ADD (see RateLimiter), so parallel requests can never push a cap past its max.
 * A number's budget is split by purpose: texts while enrolling it never spend the budget of sign-in
 * texts to it (a confirmed factor), so strangers who type your number into their own enrolment
 * cannot keep your sign-in codes from you.
 */

export const RESEND_INTERVAL_MS = 30_000;

export interface SmsSubjects {
  phoneE164: string;
  userId: string;
  ip: string;
}

export type TakenAllowance = Reservation[];

/** Why a text is sent: to confirm a number being enrolled, or to sign in with a confirmed one. */
export type SmsPurpose = "enrolment" | "signIn";

/** The per-number caps of each purpose: each its own counters (limit names key them apart). */
function perPhoneLimits(deps: Deps, purpose: SmsPurpose): [Limit, Limit] {
  const { limits } = deps;
  return purpose === "enrolment"
    ? [limits.smsEnrolmentsPerPhoneHour, limits.smsEnrolmentsPerPhoneDay]
    : [limits.smsPerPhoneHour, limits.smsPerPhoneDay];
}

/** The global budget's max is a deployment setting (SMS_DAILY_LIMIT), not a per-limit override. */
function globalDailyLimit(deps: Deps): Limit {
  return { ...deps.limits.smsGlobalDay, max: deps.config.sms.dailyLimit };
}

/**
 * Takes one unit of every SMS cap, or none (throws RateLimitedError). The global budget comes
 * last, so requests refused by a narrower cap never touch the shared counter.
 */
export async function takeSmsAllowance(deps: Deps, subjects: SmsSubjects, purpose: SmsPurpose): Promise<TakenAllowance> {
  const { limits } = deps;
  const [phoneHour, phoneDay] = perPhoneLimits(deps, purpose);
  const checks: [Limit, string][] = [
    [phoneHour, subjects.phoneE164],
    [phoneDay, subjects.phoneE164],
    [limits.smsPerUserHour, subjects.userId],
    [limits.smsPerUserDay, subjects.userId],
    [limits.smsPerIpHour, subjects.ip],
    [limits.smsPerIpDay, subjects.ip],
    [globalDailyLimit(deps), "all"],
  ];
  return deps.limiter.hitAll(checks);
}

/** A send the provider refused was not a send: give the units back so a retry is not punished. */
export async function giveBackSmsAllowance(deps: Deps, taken: TakenAllowance): Promise<void> {
  await deps.limiter.releaseAll(taken);
}

/**
 * Runs clean-up steps after a send that did not happen; each is independent, and a failure of
 * one is logged rather than allowed to hide the error the user should see.
 */
export async function undoAll(deps: Deps, steps: Promise<unknown>[]): Promise<void> {
  for (const result of await Promise.allSettled(steps)) {
    if (result.status === "rejected") deps.log.error({ err: result.reason }, "undoing an SMS send failed");
  }
}

export function resendRefusal(sentAtMs: number, nowMs: number): RateLimitedError {
  const retryAfterSeconds = Math.max(1, Math.ceil((sentAtMs + RESEND_INTERVAL_MS - nowMs) / 1000));
  return new RateLimitedError(retryAfterSeconds, "A code was just sent. Wait a little before asking for another.");
}

/** Proof of holding the enrolment resend slot: only its holder may give it back. */
export interface ResendSlot {
  userId: string;
  token: string;
}

/**
 * The 30-second resend guard for enrolment: at most one enrolment text per user per 30 s,
 * whichever number it goes to. Sign-in keeps its guard on the challenge item instead.
 */
export async function claimEnrolmentResendSlot(deps: Deps, userId: string): Promise<ResendSlot> {
  const nowMs = deps.clock.now().getTime();
  const token = randomToken(12);
  const claimed = await claimSmsResendGuard(deps.db, userId, {
    nowMs,
    cutoffMs: nowMs - RESEND_INTERVAL_MS,
    token,
    expiresAt: Math.ceil((nowMs + RESEND_INTERVAL_MS) / 1000) + 60,
  });
  if (!claimed) {
    const sentAtMs = await getSmsResendGuardSentAt(deps.db, userId);
    throw resendRefusal(sentAtMs ?? nowMs, deps.clock.now().getTime());
  }
  return { userId, token };
}

/** Frees the slot after a send that did not happen, so the user may retry at once. */
export async function releaseEnrolmentResendSlot(deps: Deps, slot: ResendSlot): Promise<void> {
  await releaseSmsResendGuard(deps.db, slot.userId, slot.token);
}
