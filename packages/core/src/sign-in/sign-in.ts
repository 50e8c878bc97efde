import { userRef, type Account } from "../accounts/account.js";
import { getAccount } from "../accounts/accounts.js";
import { domainOf, normaliseEmail } from "../accounts/email.js";
import { recordAudit, userStream } from "../audit/audit.js";
import { epochSeconds } from "../clock.js";
import { dummyPasswordHash, verifyPassword } from "../crypto/passwords.js";
import { readAccountWithDomain } from "../db/accounts.js";
import { turnChallengeIntoSession } from "../db/challenges.js";
import type { Deps, RequestInfo } from "../deps.js";
import type { Reservation } from "../rate-limit/limiter.js";
import { toDomain } from "../domains/domain.js";
import { enforcementFor, getDomain } from "../domains/policy.js";
import { ExpiredError, FactorLockedError, InvalidCodeError, InvalidCredentialsError, ValidationError } from "../errors.js";
import { methodForProof } from "../factors/registry.js";
import type { ProofField, SignInAccount, SignInProof } from "../factors/types.js";
import { sessionAttributes, createSession } from "../sessions/sessions.js";
import type { IssuedSession } from "../sessions/session.js";
import { CHALLENGE_MAX_ATTEMPTS, type SignInChallengeView } from "./challenge.js";
import { challengeView, createChallenge, failChallengeAttempt, loadLiveChallenge } from "./challenges.js";
import { afterRightProof, countWrongProof } from "./lockout.js";

export type SignInOutcome =
  | { kind: "signedIn"; session: IssuedSession; account: Account }
  | { kind: "secondFactorRequired"; challenge: SignInChallengeView };

/**
 * The password step. One BatchGet reads the account, the domain's policy and the second-factor
 * budget; two conditional writes, one after the other (limiter.hitAll), reserve a unit of the
 * address's budget, then of the account's; then a second-step challenge or a session is written
 * while the units not spent are given back, in parallel. A right password: 5 requests (challenge)
 * or 6 (session), in 4 round trips; a wrong one: 3.
 */
export async function signIn(deps: Deps, input: { email: string; password: string }, request: RequestInfo): Promise<SignInOutcome> {
  let email: string;
  try {
    email = normaliseEmail(input.email);
  } catch {
    throw new InvalidCredentialsError();
  }
  const { limits, limiter } = deps;
  const accountReadAt = deps.clock.now();
  const {
    account,
    domainItem,
    extraItem: secondFactorAttempts,
  } = await readAccountWithDomain(deps.db, email, domainOf(email), limiter.key(limits.secondFactorAttemptsPerAccount, email));
  // Every attempt takes a unit of the address's budget, then of the account's, before the password
  // is checked, so however many guesses arrive at once no more than the budgets are ever tried. The
  // address goes first: one already refused never touches (nor locks) the account it aims at. The
  // account's is counted per email whether or not it exists: a lockout reveals nothing either.
  const [ipUnit, accountUnit] = (await limiter.hitAll([
    [limits.signInFailuresPerIp, request.ipKey],
    [limits.signInAttemptsPerAccount, email],
  ])) as [Reservation, Reservation];

  // Unknown email and wrong password take the same path and the same time.
  const passwordOk = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!account || !passwordOk) throw new InvalidCredentialsError();

  const enforcement = enforcementFor(toDomain(domainItem), account, deps.clock.now());
  if (account.twoFactorEnabled) {
    // The right password gives the address its unit back; the account's stays spent: each
    // challenge uses one, which with the second-factor budget bounds guessing.
    const locked = limiter.refusal(limits.secondFactorAttemptsPerAccount, secondFactorAttempts);
    if (locked) {
      await limiter.release(ipUnit);
      throw locked;
    }
    const [challenge] = await Promise.all([createChallenge(deps, account, accountReadAt), limiter.release(ipUnit)]);
    return { kind: "secondFactorRequired", challenge: challengeView(challenge, account) };
  }
  const [session] = await Promise.all([
    createSession(deps, account, "AAL1", enforcement.mustEnrolNow),
    limiter.releaseAll([ipUnit, accountUnit]),
  ]);
  deps.log.info({ event: "signIn", userId: account.userId, aal: "AAL1" }, "signed in");
  return { kind: "signedIn", session, account };
}

/**
 * The session a sign-up starts with: the password was just set, so it is not checked again (an
 * argon2 verify saved). The domain may already enforce 2FA with no grace period.
 */
export async function sessionForNewAccount(deps: Deps, account: Account): Promise<IssuedSession> {
  const enforcement = enforcementFor(await getDomain(deps, account.domain), account, deps.clock.now());
  return createSession(deps, account, "AAL1", enforcement.mustEnrolNow);
}

export function chosenProof(proof: SignInProof): { field: ProofField; value: unknown } {
  const given = (Object.entries(proof) as [ProofField, unknown][]).filter(([, v]) => v !== undefined && v !== null);
  if (given.length !== 1) {
    throw new ValidationError("Give exactly one of totpCode, smsCode, backupCode or webAuthnResponse.", "challengeId");
  }
  const [[field, value]] = given as [[ProofField, unknown]];
  return { field, value };
}

/**
 * The second step. A unit of the account's second-factor budget is reserved; the proof's method
 * consumes its single-use material (a conditional write on the live account or challenge); then
 * one conditional write turns the challenge into the session, so a challenge yields at most one
 * session, while the unit is given back. With TOTP that is 5 requests in 4 round trips: read the
 * challenge, reserve the unit, spend the time step, then turn the challenge into the session and
 * give the unit back (in parallel). The account is read only if the caller asks for the user.
 */
export async function completeSignIn(
  deps: Deps,
  input: { challengeId: string } & SignInProof,
  request: RequestInfo,
): Promise<{ session: IssuedSession; loadAccount: () => Promise<Account> }> {
  const { challengeId, ...proofs } = input;
  const { field, value } = chosenProof(proofs);
  const method = methodForProof(field);
  if (!method) throw new ValidationError("That kind of proof is not available.", field);

  const challenge = await loadLiveChallenge(deps, challengeId);
  const judgedOn = challenge.accountReadAt ?? challenge.createdAt;
  const { limits, limiter } = deps;
  const account: SignInAccount = { userId: challenge.userId, email: challenge.email, factors: challenge.factors ?? {} };

  // Every proof takes a unit of the account's second-factor budget before it is checked, and a
  // good one gives it back: the budget counts wrong proofs (and those in flight), exactly, however
  // many challenges are open.
  const unit = await limiter.hit(limits.secondFactorAttemptsPerAccount, challenge.email);
  const verified = await method.verify(deps, { account, challenge, proof: value, request });
  // A right code of a factor locked by consecutive failures: refused like a wrong one would be.
  if (verified === "locked") throw new FactorLockedError();
  if (typeof verified === "string") {
    // A proof can also fail because the account changed under the challenge (2FA turned off or
    // reset by a domain owner): that challenge is stale, not answered wrongly.
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
    throw spent ? new InvalidCodeError(remaining, method.spentMessage) : new InvalidCodeError(remaining);
  }

  // An account with 2FA on is never held for enrolment: its sessions start unrestricted.
  // Judged on the factors read at the password step: a reset since then revokes the session.
  const { attributes, issue } = sessionAttributes(deps, "AAL2", false, judgedOn);
  // The good proof's unit goes back while the challenge becomes the session (no extra round trip).
  const [conversion, release, cleared] = await Promise.allSettled([
    turnChallengeIntoSession(deps.db, challenge.id, attributes, epochSeconds(deps.clock.now())),
    limiter.release(unit),
    afterRightProof(deps, account, method),
  ]);
  if (conversion.status === "rejected") throw conversion.reason;
  // Lost: the challenge expired, ran out of attempts, or already became a session (a parallel copy).
  if (!conversion.value) throw new ExpiredError();
  if (release.status === "rejected") throw release.reason;
  if (cleared.status === "rejected") throw cleared.reason;
  deps.log.info({ event: "signIn", userId: account.userId, aal: "AAL2", method: method.name }, "signed in");
  return { session: issue(challenge.id), loadAccount: () => getAccount(deps, challenge.email).then(existing) };
}

function existing(account: Account | undefined): Account {
  if (!account) throw new ExpiredError();
  return account;
}
