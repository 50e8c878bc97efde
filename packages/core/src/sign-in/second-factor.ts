import { userRef } from "../accounts/account.js";
import { getAccount } from "../accounts/accounts.js";
import { recordAudit, userStream } from "../audit/audit.js";
import { countRefusedProof, type BudgetWindow } from "../db/second-factor-budget.js";
import type { Deps, RequestInfo } from "../deps.js";
import { ExpiredError, FactorLockedError, InvalidCodeError, RateLimitedError, ValidationError } from "../errors.js";
import { methodForProof, proofInputs } from "../factors/registry.js";
import type { ProofField, SecondStepMethod as SecondFactorMethod, SignInAccount, SignInProof } from "../factors/types.js";
import { CHALLENGE_MAX_ATTEMPTS, type ChallengeRecord } from "./challenge.js";
import { failChallengeAttempt } from "./challenges.js";
import { afterWrongProof } from "./lockout.js";

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

/** The window of the account's second-factor budget (db/second-factor-budget.ts) a request is judged in. */
export function budgetWindow(deps: Deps): BudgetWindow & { retryAfter: number } {
  const limit = deps.limits.secondFactorAttemptsPerAccount;
  return { ...deps.limiter.window(limit), max: limit.max };
}

/**
 * Checks a second-factor proof against a live challenge, for a sign-in or a step-up alike.
 *
 * The account's second-factor budget counts the proofs that do not pass, exactly, however many
 * arrive at once (db/second-factor-budget.ts): a right proof is spent by the method's own write,
 * which passes only while the budget has room (so a right proof costs no extra request); a wrong
 * or spent one is answered only after a unit of the budget was taken for it, and once the budget
 * is used up every proof, right or wrong, is refused with RateLimitedError.
 *
 * A wrong one is also counted on the challenge, audited, and thrown as InvalidCodeError (or
 * ExpiredError when the challenge is spent or the account changed under it), and counts toward
 * the consecutive-failure lock (lockout.ts): a locked TOTP or SMS factor is refused with FactorLockedError.
 */
export async function proveSecondFactor(
  deps: Deps,
  challenge: ChallengeRecord,
  proofs: SignInProof,
  request: RequestInfo,
): Promise<{ method: SecondFactorMethod }> {
  const { method, value } = proofMethod(proofs);
  const judgedOn = challenge.accountReadAt ?? challenge.createdAt;
  const { limits } = deps;
  const account: SignInAccount = { userId: challenge.userId, email: challenge.email, factors: challenge.factors ?? {} };
  const window = budgetWindow(deps);

  const verified = await method.verify(deps, { account, challenge, proof: value, request, window });
  if (typeof verified !== "string") return { method };
  // A right code of a factor locked by consecutive failures: refused like a wrong one would be.
  if (verified === "locked") throw new FactorLockedError();

  // A proof can also fail because the account changed under the challenge (2FA turned off or
  // reset by a domain owner, a factor removed): that challenge is stale, not answered wrongly.
  const live = await getAccount(deps, challenge.email);
  if (!live || live.userId !== challenge.userId || !live.twoFactorEnabled || (live.sessionsValidFrom ?? "") > judgedOn) {
    throw new ExpiredError();
  }
  // A spent proof takes a unit of the budget (replays are limited like guesses) and is audited like
  // any refused proof, but it is not a guess at this challenge: it must not use up the challenge
  // under the request that won, nor count as a consecutive failure. A wrong one is counted on both.
  const spent = verified === "spent";
  const counted = await countRefusedProof(deps.db, account, window, !spent, live);
  if (counted === "gone") throw new ExpiredError();
  if (counted === "full") throw new RateLimitedError(window.retryAfter);
  const [left, locked] = await Promise.all([
    spent ? CHALLENGE_MAX_ATTEMPTS - challenge.attempts : failChallengeAttempt(deps, challenge).catch((error: unknown) => error),
    spent ? undefined : afterWrongProof(deps, account, method, counted.failures),
  ]);
  const who = { actor: userRef(account), subject: userRef(account) };
  await recordAudit(deps, { action: "SECOND_FACTOR_FAILED", ...who, detail: `${method.name}${spent ? " already used" : ""} from ${request.ip}` }, [
    userStream(account.userId),
  ]);
  if (counted.windowCount === limits.secondFactorAttemptsPerAccount.max) {
    await recordAudit(deps, { action: "SECOND_FACTOR_LOCKED", ...who, detail: `after ${counted.windowCount} second factors that did not pass` }, [
      userStream(account.userId),
    ]);
  }
  if (locked) throw locked;
  if (typeof left !== "number") throw left;
  // What the user can still try: this challenge's attempts, unless the account's budget runs out first.
  const remaining = Math.min(left, limits.secondFactorAttemptsPerAccount.max - counted.windowCount);
  throw spent ? new InvalidCodeError(remaining, method.spentMessage, InvalidCodeError.alreadyUsed) : (method.wrongProof?.(remaining) ?? new InvalidCodeError(remaining));
}
