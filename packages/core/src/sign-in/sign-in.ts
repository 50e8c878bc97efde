import { liveAccount, type Account } from "../accounts/account.js";
import { getAccount } from "../accounts/accounts.js";
import { domainOf, normaliseEmail } from "../accounts/email.js";
import { epochSeconds } from "../clock.js";
import { dummyPasswordHash, verifyPassword } from "../crypto/passwords.js";
import { readAccountWithDomain } from "../db/accounts.js";
import { windowUsed } from "../db/second-factor-budget.js";
import { turnChallengeIntoSession } from "../db/challenges.js";
import type { Deps, RequestInfo } from "../deps.js";
import type { Reservation } from "../rate-limit/limiter.js";
import { toDomain } from "../domains/domain.js";
import { enforcementFor, enforcementForAccount, policyDomainName } from "../domains/policy.js";
import { ExpiredError, InvalidCredentialsError, RateLimitedError } from "../errors.js";
import type { SignInProof } from "../factors/types.js";
import { completeChallengePurpose } from "../password-reset/reset.js";
import { sessionAttributes, createSession } from "../sessions/sessions.js";
import type { IssuedSession } from "../sessions/session.js";
import { challengeView, type SignInChallengeView } from "./challenge-view.js";
import { createChallenge, loadLiveChallenge } from "./challenges.js";
import { deviceLimit, knownDevice } from "./devices.js";
import { afterRightProof } from "./lockout.js";
import { budgetWindow, proofMethod, proveSecondFactor } from "./second-factor.js";


export type SignInOutcome =
  | { kind: "signedIn"; session: IssuedSession; account: Account }
  | { kind: "secondFactorRequired"; challenge: SignInChallengeView };

/**
 * The password step, in 3 round trips. One BatchGet reads the account (with its second-factor
 * budget), the domain's policy (none on a public mail domain: domains/policy.ts) and the address's
 * failure window; two conditional writes, in parallel, reserve a unit of the address's budget and
 * of the account's; then a second-step challenge or a session is written while the units not spent
 * are given back, in parallel. A right password: 5 requests (challenge) or 6 (session); a wrong one: 3.
 */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string; deviceToken?: string | null },
  request: RequestInfo,
): Promise<SignInOutcome> {
  let email: string;
  try {
    email = normaliseEmail(input.email);
  } catch {
    throw new InvalidCredentialsError();
  }
  const { limits, limiter } = deps;
  const policyDomain = await policyDomainName(domainOf(email));
  const accountReadAt = deps.clock.now();
  const read = await readAccountWithDomain(deps.db, email, policyDomain, limiter.key(limits.signInFailuresPerIp, request.ipKey));
  // A never-verified account past its expiry is as absent as an unknown email.
  const { domainItem, extraItem: ipWindow } = read;
  const account = liveAccount(read.account, accountReadAt);
  // An address already refused never touches (nor locks) the account it aims at.
  const refusedIp = limiter.refusal(limits.signInFailuresPerIp, ipWindow);
  if (refusedIp) throw refusedIp;
  // Every attempt takes a unit of the address's budget and of the account's before the password is
  // checked, so however many guesses arrive at once no more than the budgets are ever tried; a
  // request refused by one gives back the unit it took of the other. The account's is counted per
  // email whether or not it exists: a lockout reveals nothing either.
  const [ipUnit, accountUnit] = await Promise.allSettled([
    limiter.hit(limits.signInFailuresPerIp, request.ipKey),
    accountOrDeviceUnit(deps, email, account, input.deviceToken),
  ]);
  if (ipUnit.status === "rejected" || accountUnit.status === "rejected") {
    await limiter.releaseAll([ipUnit, accountUnit].flatMap((unit) => (unit.status === "fulfilled" ? [unit.value] : [])));
    throw ipUnit.status === "rejected" ? ipUnit.reason : (accountUnit as PromiseRejectedResult).reason;
  }

  // Unknown email and wrong password take the same path and the same time.
  const passwordOk = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!account || !passwordOk) throw new InvalidCredentialsError();

  const enforcement = enforcementFor(toDomain(domainItem), account, deps.clock.now());
  if (account.twoFactorEnabled) {
    // The right password gives the address its unit back; the account's stays spent: each
    // challenge uses one, which with the second-factor budget bounds guessing.
    // No challenge while the second-factor budget is used up (db/second-factor-budget.ts).
    const window = budgetWindow(deps);
    if (windowUsed(account, window) >= window.max) {
      await limiter.release(ipUnit.value);
      throw new RateLimitedError(window.retryAfter);
    }
    const [challenge] = await Promise.all([createChallenge(deps, account, accountReadAt), limiter.release(ipUnit.value)]);
    return { kind: "secondFactorRequired", challenge: challengeView(challenge, account) };
  }
  const [session] = await Promise.all([
    createSession(deps, account, "AAL1", enforcement.mustEnrolNow, accountReadAt.toISOString(), request),
    limiter.releaseAll([ipUnit.value, accountUnit.value]),
  ]);
  deps.log.info({ event: "signIn", userId: account.userId, aal: "AAL1" }, "signed in");
  return { kind: "signedIn", session, account };
}

/**
 * A unit of the account's sign-in budget; once that is full, a request carrying a valid token of a
 * known device of this account takes a unit of that device's own budget instead (one more read,
 * only then). A device token of another account, or none, changes nothing.
 */
async function accountOrDeviceUnit(deps: Deps, email: string, account: Account | undefined, deviceToken?: string | null): Promise<Reservation> {
  const { limits, limiter } = deps;
  try {
    return await limiter.hit(limits.signInAttemptsPerAccount, email);
  } catch (error) {
    const device = error instanceof RateLimitedError && account && deviceToken ? await knownDevice(deps, deviceToken, account) : undefined;
    if (!device) throw error;
    return limiter.hit(deviceLimit(limits.signInAttemptsPerAccount), device);
  }
}

/**
 * The session a sign-up starts with: the password was just set, so it is not checked again (an
 * argon2 verify saved). The domain may already enforce 2FA with no grace period.
 */
export async function sessionForNewAccount(deps: Deps, account: Account, request?: RequestInfo): Promise<IssuedSession> {
  const enforcement = await enforcementForAccount(deps, account);
  return createSession(deps, account, "AAL1", enforcement.mustEnrolNow, undefined, request);
}

/**
 * The second step. The proof's method consumes its single-use material with a conditional write on
 * the live account that also checks the account's second-factor budget (second-factor.ts); then one
 * conditional write turns the challenge into the session, so a challenge yields at most one session.
 * With TOTP that is 3 requests, one after the other: read the challenge, spend the time step, turn
 * the challenge into the session. The account is read only if the caller asks for the user.
 */
export async function completeSignIn(
  deps: Deps,
  input: { challengeId: string } & SignInProof,
  request: RequestInfo,
): Promise<{ session: IssuedSession; loadAccount: () => Promise<Account> }> {
  const { challengeId, ...proofs } = input;
  proofMethod(proofs);
  const challenge = await loadLiveChallenge(deps, challengeId);
  // A step-up challenge raises the session it belongs to (completeStepUp); it never mints a new one.
  if (challenge.stepUpOf) throw new ExpiredError();
  const judgedOn = challenge.accountReadAt ?? challenge.createdAt;
  const { method } = await proveSecondFactor(deps, challenge, proofs, request);
  const account = { userId: challenge.userId, email: challenge.email };

  // An account with 2FA on is never held for enrolment: its sessions start unrestricted.
  // Judged on the factors read at the password step: a reset since then revokes the session.
  // A password-reset challenge sets its new password here (revoking every other session).
  const startedAt = await completeChallengePurpose(deps, challenge, judgedOn);
  const { attributes, issue } = sessionAttributes(deps, account, "AAL2", false, startedAt, request);
  // A backup code or a security key lifts a consecutive-failure lock meanwhile (no extra round trip).
  const [conversion, cleared] = await Promise.allSettled([
    turnChallengeIntoSession(deps.db, challenge, attributes, epochSeconds(deps.clock.now())),
    afterRightProof(deps, account, method),
  ]);
  if (conversion.status === "rejected") throw conversion.reason;
  // Lost: the challenge expired, ran out of attempts, or already became a session (a parallel copy).
  if (!conversion.value) throw new ExpiredError();
  if (cleared.status === "rejected") throw cleared.reason;
  deps.log.info({ event: "signIn", userId: account.userId, aal: "AAL2", method: method.name }, "signed in");
  return { session: issue(challenge.id), loadAccount: () => getAccount(deps, challenge.email).then(existing) };
}

function existing(account: Account | undefined): Account {
  if (!account) throw new ExpiredError();
  return account;
}
