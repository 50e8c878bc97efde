import { requireTwoFactorOn } from "../access/guards.js";
import type { Caller } from "../access/caller.js";
import { epochSeconds } from "../clock.js";
import { consumeStepUpChallenge } from "../db/challenges.js";
import { writeSessionSteppedUp } from "../db/sessions.js";
import type { Deps, RequestInfo } from "../deps.js";
import { ExpiredError, NotSignedInError } from "../errors.js";
import type { SignInProof } from "../factors/types.js";
import { aalNow } from "../sessions/aal.js";
import type { IssuedSession } from "../sessions/session.js";
import { challengeView, type SignInChallengeView } from "./challenge-view.js";
import { createChallenge, loadLiveChallenge } from "./challenges.js";
import { afterRightProof } from "./lockout.js";
import { proofMethod, proveSecondFactor } from "./second-factor.js";

/**
 * Step-up in place: a signed-in user proves a second factor again on the session they hold,
 * without signing in again. The challenge is the sign-in challenge (so sendSignInSmsCode and
 * startSignInWebAuthn work on it) marked with the session it may raise (`stepUpOf`): it can never
 * mint a session of its own, and a sign-in challenge can never raise one.
 */
export async function startStepUp(deps: Deps, caller: Caller): Promise<SignInChallengeView> {
  requireTwoFactorOn(caller, "Two-factor authentication is not on for this account: there is nothing to step up with.");
  // Judged on the account this request read: a credential change after it makes the challenge stale.
  const challenge = await createChallenge(deps, caller.account, deps.clock.now(), { stepUpOf: caller.session.id });
  return challengeView(challenge, caller.account);
}

/**
 * Completes a step-up: the proof is checked exactly as at sign-in (same budgets, attempts and
 * audit), the challenge is used up by one conditional delete, and the caller's session (the same
 * token) becomes AAL2 with a fresh proof time.
 */
export async function completeStepUp(
  deps: Deps,
  caller: Caller,
  input: { challengeId: string } & SignInProof,
  request: RequestInfo,
): Promise<IssuedSession> {
  const { challengeId, ...proofs } = input;
  proofMethod(proofs);
  const challenge = await loadLiveChallenge(deps, challengeId);
  // Another session's step-up, or a sign-in challenge: nothing to say about it.
  if (challenge.stepUpOf !== caller.session.id || challenge.userId !== caller.account.userId) throw new ExpiredError();
  // The account changed since the challenge was made (a factor removed, 2FA reset): its factor snapshot is stale.
  if ((caller.account.sessionsValidFrom ?? "") > (challenge.accountReadAt ?? challenge.createdAt)) throw new ExpiredError();
  const { method } = await proveSecondFactor(deps, challenge, proofs, request);
  const now = deps.clock.now();
  const [consumed, cleared] = await Promise.allSettled([
    consumeStepUpChallenge(deps.db, challenge.id, caller.session.id, epochSeconds(now)),
    // A backup code or a security key lifts a consecutive-failure lock (lockout.ts), as at sign-in.
    afterRightProof(deps, caller.account, method),
  ]);
  if (consumed.status === "rejected") throw consumed.reason;
  // Lost: a parallel copy used the challenge first, or it expired or ran out of attempts meanwhile.
  if (!consumed.value) throw new ExpiredError();
  if (cleared.status === "rejected") throw cleared.reason;
  const aal2At = now.toISOString();
  if (!(await writeSessionSteppedUp(deps.db, caller.session.id, aal2At, epochSeconds(now)))) throw new NotSignedInError();
  deps.log.info({ event: "stepUp", userId: caller.account.userId }, "stepped up");
  const stepped = { aal: "AAL2" as const, aal2At, lastSeenAt: epochSeconds(now) };
  return {
    id: caller.session.id,
    token: caller.token,
    userId: caller.account.userId,
    email: caller.account.email,
    aal: "AAL2",
    aal2Until: aalNow(deps, stepped).aal2Until,
    expiresAt: new Date(caller.session.expiresAt * 1000),
    enrolmentRequired: caller.session.enrolmentRequired,
  };
}
