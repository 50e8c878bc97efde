import { confirmedFactors, type Account, type FactorKind } from "../accounts/account.js";
import { epochSeconds } from "../clock.js";
import * as challengeItems from "../db/challenges.js";
import type { Deps } from "../deps.js";
import { ExpiredError } from "../errors.js";
import { newId } from "../ids.js";
import { CHALLENGE_MAX_ATTEMPTS, CHALLENGE_TTL_SECONDS, type ChallengeRecord, type SignInChallengeView } from "./challenge.js";

/**
 * A second-step challenge: for a sign-in, or (with `stepUpOf`) to raise that live session to AAL2.
 * `purpose` marks a sign-in that also finishes a password reset (with the new password's hash).
 */
export async function createChallenge(
  deps: Deps,
  account: Account,
  accountReadAt: Date,
  options: { stepUpOf?: string; purpose?: Pick<ChallengeRecord, "purpose" | "pendingPasswordHash"> } = {},
): Promise<ChallengeRecord> {
  const now = deps.clock.now();
  const challenge: ChallengeRecord = {
    type: "challenge",
    id: newId("chl"),
    userId: account.userId,
    email: account.email,
    createdAt: now.toISOString(),
    accountReadAt: accountReadAt.toISOString(),
    expiresAt: epochSeconds(now) + CHALLENGE_TTL_SECONDS,
    attempts: 0,
    factors: account.factors ?? {},
    state: {},
    ...(options.stepUpOf ? { stepUpOf: options.stepUpOf } : {}),
    ...options.purpose,
  };
  await challengeItems.putChallenge(deps.db, challenge);
  return challenge;
}

export function challengeView(challenge: ChallengeRecord, account: Account): SignInChallengeView {
  const factors = confirmedFactors(account);
  const methods = [...new Set(factors.map((f) => f.kind))] as FactorKind[];
  return {
    id: challenge.id,
    expiresAt: new Date(challenge.expiresAt * 1000),
    methods,
    backupCodesAvailable: (account.backupCodes?.size ?? 0) > 0,
    smsFactors: factors
      .filter((f) => f.kind === "SMS")
      .map((f) => ({ factorId: f.id, maskedPhoneNumber: String(f.data.maskedPhoneNumber ?? f.label) })),
  };
}

const TOO_MANY_WRONG_CODES = "Too many wrong codes for this sign-in. Sign in again with your password.";

/** A challenge that can still be answered: unexpired, unconsumed, within its attempt budget. */
export async function loadLiveChallenge(deps: Deps, challengeId: string): Promise<ChallengeRecord> {
  if (!/^chl_[0-9a-z]{26}$/.test(challengeId)) throw new ExpiredError();
  const challenge = await challengeItems.getChallenge(deps.db, challengeId);
  if (!challenge || epochSeconds(deps.clock.now()) >= challenge.expiresAt) throw new ExpiredError();
  if (challenge.attempts >= CHALLENGE_MAX_ATTEMPTS) throw new ExpiredError(TOO_MANY_WRONG_CODES);
  return challenge;
}

/**
 * Stores a method's state on a live challenge (an SMS code's hash, a WebAuthn challenge). The
 * optional guard is an extra condition on the existing state, e.g. "no resend within 30 s".
 */
export async function setChallengeState(
  deps: Deps,
  challenge: ChallengeRecord,
  method: string,
  state: Record<string, unknown>,
  guard?: challengeItems.StateGuard,
): Promise<boolean> {
  return challengeItems.setChallengeState(deps.db, challenge.id, method, state, epochSeconds(deps.clock.now()), guard);
}

/** Counts a wrong proof; returns the attempts left, or throws ExpiredError once the challenge is spent. */
export async function failChallengeAttempt(deps: Deps, challenge: ChallengeRecord): Promise<number> {
  const left = await challengeItems.failChallengeAttempt(deps.db, challenge.id);
  if (left === undefined) throw new ExpiredError(TOO_MANY_WRONG_CODES);
  return left;
}
