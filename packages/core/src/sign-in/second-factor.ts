import { userRef } from "../accounts/account.js";
import { getAccount } from "../accounts/accounts.js";
import { recordAudit, userStream } from "../audit/audit.js";
import type { Deps, RequestInfo } from "../deps.js";
import { ExpiredError, FactorLockedError, InvalidCodeError, ValidationError } from "../errors.js";
import { methodForProof, proofInputs } from "../factors/registry.js";
import type { ProofField, SecondStepMethod as SecondFactorMethod, SignInAccount, SignInProof } from "../factors/types.js";
import type { Reservation } from "../rate-limit/limiter.js";
import { CHALLENGE_MAX_ATTEMPTS, type ChallengeRecord } from "./challenge.js";
import { failChallengeAttempt } from "./challenges.js";
import { countWrongProof } from "./lockout.js";

export function chosenProof(proof: SignInProof): { field: ProofField; value: unknown } {
  const given = (Object.entries(proof) as [ProofField, unknown][]).filter(([, v]) => v !== undefined && v !== null);
  if (given.length !== 1) {
    // The field at fault: the second proof given, or (none given) the first one the registry offers.
    const field = given[1]?.[0] ?? proofInputs[0]!.field;
    throw new ValidationError(`Give exactly one of ${proofInputs.map((p) => p.field).join(", ")}.`, field);
  }
  const [[field, value]] = given as [[ProofField, unknown]];
  return { field, value };
}

/** The method a proof is for, or a ValidationError when that kind of proof is not offered. */
export function proofMethod(proofs: SignInProof): { method: SecondFactorMethod; value: unknown } {
  const { field, value } = chosenProof(proofs);
  const method = methodForProof(field);
  if (!method) throw new ValidationError("That kind of proof is not available.", field);
  return { method, value };
}

/**
 * Checks a second-factor proof against a live challenge, for a sign-in or a step-up alike. A unit
 * of the account's second-factor budget is reserved first; a right proof returns it for the caller
 * to give back alongside its own write (no extra round trip); a wrong one is counted on the
 * challenge, audited, and thrown as InvalidCodeError (or ExpiredError when the challenge is spent
 * or the account changed under it); a wrong one also counts toward the consecutive-failure lock
 * (lockout.ts), and a locked TOTP or SMS factor is refused with FactorLockedError.
 */
export async function proveSecondFactor(
  deps: Deps,
  challenge: ChallengeRecord,
  proofs: SignInProof,
  request: RequestInfo,
): Promise<{ unit: Reservation; method: SecondFactorMethod }> {
  const { method, value } = proofMethod(proofs);
  const judgedOn = challenge.accountReadAt ?? challenge.createdAt;
  const { limits, limiter } = deps;
  const account: SignInAccount = { userId: challenge.userId, email: challenge.email, factors: challenge.factors ?? {} };

  // Every proof takes a unit of the account's second-factor budget before it is checked, and a
  // good one gives it back: the budget counts wrong proofs (and those in flight), exactly, however
  // many challenges are open.
  const unit = await limiter.hit(limits.secondFactorAttemptsPerAccount, challenge.email);
  const verified = await method.verify(deps, { account, challenge, proof: value, request });
  if (typeof verified !== "string") return { unit, method };
  // A right code of a factor locked by consecutive failures: refused like a wrong one would be.
  if (verified === "locked") throw new FactorLockedError();

  // A proof can also fail because the account changed under the challenge (2FA turned off or
  // reset by a domain owner, a factor removed): that challenge is stale, not answered wrongly.
  const live = await getAccount(deps, challenge.email);
  if (!live || live.userId !== challenge.userId || !live.twoFactorEnabled || (live.sessionsValidFrom ?? "") > judgedOn) {
    throw new ExpiredError();
  }
  // A spent proof keeps its unit of the account's budget (replays are limited like guesses) and
  // is audited like any refused proof, but it is not a guess at this challenge: it must not use
  // up the challenge under the request that won. A wrong one is counted; on a challenge already
  // out of attempts that is an ExpiredError, audited all the same.
  const spent = verified === "spent";
  // A wrong one also counts toward the account's consecutive failures (lockout.ts), in parallel.
  const [counted, locked] = spent
    ? [CHALLENGE_MAX_ATTEMPTS - challenge.attempts, undefined]
    : await Promise.all([failChallengeAttempt(deps, challenge).catch((error: unknown) => error), countWrongProof(deps, account, method)]);
  const who = { actor: userRef(account), subject: userRef(account) };
  await recordAudit(deps, { action: "SECOND_FACTOR_FAILED", ...who, detail: `${method.name}${spent ? " already used" : ""} from ${request.ip}` }, [
    userStream(account.userId),
  ]);
  if (unit.count === limits.secondFactorAttemptsPerAccount.max) {
    await recordAudit(deps, { action: "SECOND_FACTOR_LOCKED", ...who, detail: `after ${unit.count} second factors that did not pass` }, [
      userStream(account.userId),
    ]);
  }
  if (locked) throw locked;
  if (typeof counted !== "number") throw counted;
  // What the user can still try: this challenge's attempts, unless the account's budget runs out first.
  const remaining = Math.min(counted, limits.secondFactorAttemptsPerAccount.max - unit.count);
  throw spent ? new InvalidCodeError(remaining, method.spentMessage, InvalidCodeError.alreadyUsed) : (method.wrongProof?.(remaining) ?? new InvalidCodeError(remaining));
}
