import type { Account } from "../accounts/account.js";
import { epochSeconds } from "../clock.js";
import * as challengeItems from "../db/challenges.js";
import type { Deps } from "../deps.js";
import { ExpiredError } from "../errors.js";
import { newId } from "../ids.js";
import { CHALLENGE_MAX_ATTEMPTS, CHALLENGE_TTL_SECONDS, type ChallengeRecord } from "./challenge.js";

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

const TOO_MANY_WRONG_CODES = "Too many wrong codes for this sign-in. Sign in again with your password.";

/** A challenge that can still be answered: unexpired, unconsumed, within its attempt budget. */
export async function loadLiveChallenge(deps: Deps, challengeId: string): Promise<ChallengeRecord> {
  if (!/^chl_[0-9a-z]{26}$/.test(challengeId)) throw new ExpiredError();
  const challenge = await challengeItems.getChallenge(deps.db, challengeId);
  if (!challenge || epochSeconds(deps.clock.now()) >= challenge.expiresAt) throw new ExpiredError();
  if (challenge.attempts >= CHALLENGE_MAX_ATTEMPTS) throw new ExpiredError(TOO_MANY_WRONG_CODES);
  return challenge;
}


/** Counts a wrong proof; returns the attempts left, or throws ExpiredError once the challenge is spent. */
export async function failChallengeAttempt(deps: Deps, challenge: ChallengeRecord): Promise<number> {
  const left = await challengeItems.failChallengeAttempt(deps.db, challenge.id);
  if (left === undefined) throw new ExpiredError(TOO_MANY_WRONG_CODES);
  return left;
}
