import { userRef, type Account } from "../accounts/account.js";
import { getAccount, validatePassword } from "../accounts/accounts.js";
import { normaliseEmail } from "../accounts/email.js";
import { refuseGuessablePassword } from "../accounts/guessable-password.js";
import { recordAudit, userStream } from "../audit/audit.js";
import { hashPassword } from "../crypto/passwords.js";
import { writePasswordReset } from "../db/accounts.js";
import { useEmailToken } from "../db/email-tokens.js";
import type { Deps, RequestInfo } from "../deps.js";
import { emailDailyBudget, findLinkToken, isLinkExpired, isWellFormedToken, MAX_TOKEN_INPUT, sendLinkEmail } from "../email-links/links.js";
import { ExpiredError, ValidationError } from "../errors.js";
import type { ChallengeRecord } from "../sign-in/challenge.js";
import { challengeView, type SignInChallengeView } from "../sign-in/challenge-view.js";
import { createChallenge } from "../sign-in/challenges.js";

/** A reset link works for one hour (API.md). */
export const RESET_TTL_SECONDS = 3600;

const LINK_GONE = "This password reset link has expired or was already used. Ask for a new one.";

/**
 * Emails a reset link when the address has an account, and answers the same either way, in the
 * same time: the limits are counted per address whether or not it exists, the account is read, a
 * token is made and hashed, and one BatchWrite stores it (with the email, from the outbox, when
 * there is an account; alone, a decoy nobody holds, when there is none). Sending happens later
 * from the outbox, so the provider's latency is never part of the answer.
 */
export async function requestPasswordReset(deps: Deps, input: { email: string }, request: RequestInfo): Promise<void> {
  let email: string;
  try {
    email = normaliseEmail(input.email);
  } catch {
    return; // Not an address: nobody to email, and nothing to tell apart.
  }
  const { limits } = deps;
  await deps.limiter.hitAll([
    [limits.passwordResetEmailsPerAddress, email],
    [limits.passwordResetEmailsPerIp, request.ipKey],
    [emailDailyBudget(deps), "all"],
  ]);
  const account = await getAccount(deps, email);
  await sendLinkEmail(deps, {
    purpose: "passwordReset",
    template: "resetPassword",
    email,
    userId: account?.userId,
    ttlSeconds: RESET_TTL_SECONDS,
    request,
  });
  deps.log.info({ event: "password.resetRequested", userId: account?.userId }, "password reset requested");
}

export type ResetOutcome = { kind: "reset"; account: Account } | { kind: "secondFactorRequired"; challenge: SignInChallengeView };

/**
 * Opens a reset link with the new password. The password is judged (as at sign-up) and hashed
 * before the token is used up, so a refused password does not spend the link. Without 2FA the
 * password is set and every session revoked at once; with 2FA the token is spent on a sign-in
 * challenge that carries the new password's hash, and completeSignIn with a second factor sets it.
 * A malformed token is a ValidationError; an unknown, used or expired one an ExpiredError; none
 * changes anything.
 */
export async function resetPassword(deps: Deps, input: { token: string; newPassword: string }): Promise<ResetOutcome> {
  const token = input.token.trim();
  if (token.length > MAX_TOKEN_INPUT || !isWellFormedToken(token)) throw new ValidationError("This password reset link is not valid.", "token");
  const found = await findLinkToken(deps, "passwordReset", token);
  if (!found?.record.userId || found.record.usedAt || isLinkExpired(deps, found.record)) throw new ExpiredError(LINK_GONE);
  const readAt = deps.clock.now();
  const account = await getAccount(deps, found.record.email);
  if (!account || account.userId !== found.record.userId) throw new ExpiredError(LINK_GONE);
  validatePassword(input.newPassword);
  await refuseGuessablePassword(input.newPassword, account.email);
  const passwordHash = await hashPassword(input.newPassword);
  if (!(await useEmailToken(deps.db, found.hash, "passwordReset", deps.clock.now()))) throw new ExpiredError(LINK_GONE);
  if (account.twoFactorEnabled) {
    const challenge = await createChallenge(deps, account, readAt, { purpose: { purpose: "passwordReset", pendingPasswordHash: passwordHash } });
    return { kind: "secondFactorRequired", challenge: challengeView(challenge, account) };
  }
  await setPasswordAndRevokeSessions(deps, account, passwordHash);
  return { kind: "reset", account };
}

/**
 * The one place a reset's password is set: the new hash and `sessionsValidFrom` (every session that
 * started before now is revoked) in one conditional write on the account, then the audit event
 * (whose notification is written with it). `unrevokedSince`: refuse if the account's sessions were
 * revoked after that moment (an owner's 2FA reset while a reset's second step was pending).
 * Returns the moment sessions are valid from: a session starting then survives.
 */
export async function setPasswordAndRevokeSessions(
  deps: Deps,
  account: Pick<Account, "email" | "userId">,
  passwordHash: string,
  unrevokedSince?: string,
): Promise<string> {
  const sessionsValidFrom = deps.clock.now().toISOString();
  if (!(await writePasswordReset(deps.db, account, { passwordHash, sessionsValidFrom, unrevokedSince }))) throw new ExpiredError(LINK_GONE);
  await recordAudit(deps, { action: "PASSWORD_RESET", actor: userRef(account), subject: userRef(account) }, [userStream(account.userId)]);
  deps.log.info({ event: "password.reset", userId: account.userId }, "password reset; every session revoked");
  return sessionsValidFrom;
}

/**
 * The completeSignIn hook, once the second factor passed: a password-reset challenge sets its
 * pending password (revoking every session, the one being made excepted) and returns when the new
 * session's sign-in counts from; any other challenge returns `judgedOn` unchanged.
 */
export async function completeChallengePurpose(deps: Deps, challenge: ChallengeRecord, judgedOn: string): Promise<string> {
  if (challenge.purpose !== "passwordReset" || !challenge.pendingPasswordHash) return judgedOn;
  return setPasswordAndRevokeSessions(deps, { email: challenge.email, userId: challenge.userId }, challenge.pendingPasswordHash, judgedOn);
}
