import { liveAccount, userRef, type Account } from "../accounts/account.js";
import { recordAudit, userStream } from "../audit/audit.js";
import { epochSeconds } from "../clock.js";
import { readAccount, writeEmailVerified } from "../db/accounts.js";
import { useEmailToken } from "../db/email-tokens.js";
import type { Deps, RequestInfo } from "../deps.js";
import { emailDailyBudget, findLinkToken, isLinkExpired, isWellFormedToken, MAX_TOKEN_INPUT, sendLinkEmail } from "../email-links/links.js";
import { ConflictError, ExpiredError, InvalidCodeError, RateLimitedError } from "../errors.js";
import type { Limit } from "../rate-limit/limits.js";

/** A verification link works for 24 hours (API.md). */
export const VERIFICATION_TTL_SECONDS = 24 * 3600;

export interface EmailVerificationSent {
  expiresAt: Date;
  /** When another link may be asked for. */
  resendAfter: Date;
}

/** Read here rather than through accounts.ts, which calls this module at sign-up (no import cycle). */
async function currentAccount(deps: Deps, email: string): Promise<Account | undefined> {
  return liveAccount(await readAccount(deps.db, email), deps.clock.now());
}

const NOT_A_LINK = "This verification link is not valid. Open the latest link we emailed you, or ask for a new one.";

/** When the window of a limit that was just hit ends: the earliest moment it counts afresh. */
function windowEnd(deps: Deps, limit: Limit): Date {
  const now = epochSeconds(deps.clock.now());
  return new Date((now - (now % limit.windowSeconds) + limit.windowSeconds) * 1000);
}

/**
 * Emails a new verification link (sendEmailVerification, and at sign-up). Counted per address (at
 * most one a minute, five an hour), per IP and against the global daily budget, narrowest first.
 */
export async function sendEmailVerification(deps: Deps, account: Account, request: RequestInfo): Promise<EmailVerificationSent> {
  if (account.emailVerified) throw new ConflictError("This email address is already verified.");
  const { limits } = deps;
  await deps.limiter.hitAll([
    [limits.verificationEmailResendPerAddress, account.email],
    [limits.verificationEmailsPerAddress, account.email],
    [limits.verificationEmailsPerIp, request.ipKey],
    [emailDailyBudget(deps), "all"],
  ]);
  const { expiresAt } = await sendLinkEmail(deps, {
    purpose: "verifyEmail",
    template: "verifyEmailAddress",
    email: account.email,
    userId: account.userId,
    ttlSeconds: VERIFICATION_TTL_SECONDS,
    request,
  });
  return { expiresAt, resendAfter: windowEnd(deps, limits.verificationEmailResendPerAddress) };
}

/**
 * The sign-up hook: the first link. Nothing here fails the sign-up (a limit reached by a flood of
 * sign-ups from one place, the daily budget spent, the store failing): the account exists, and its
 * owner asks for a link again with sendEmailVerification.
 */
export async function sendVerificationAfterSignUp(deps: Deps, account: Account, request: RequestInfo): Promise<void> {
  try {
    await sendEmailVerification(deps, account, request);
  } catch (error) {
    const limited = error instanceof RateLimitedError;
    deps.log[limited ? "warn" : "error"](
      { event: "email.verification.notSent", userId: account.userId, ...(limited ? {} : { err: error }) },
      "no verification email at sign-up",
    );
  }
}

/**
 * Opens a verification link: no session needed (it may be opened on another device). Malformed or
 * unknown -> InvalidCodeError; used already or expired -> ExpiredError; none of them changes
 * anything. The token is used up by a conditional write, then the account is marked verified (and
 * loses its expiry) by another, on the account the token was made for only.
 */
export async function verifyEmail(deps: Deps, input: { token: string }): Promise<Account> {
  const token = input.token.trim();
  if (token.length > MAX_TOKEN_INPUT || !isWellFormedToken(token)) throw new InvalidCodeError(null, NOT_A_LINK);
  const found = await findLinkToken(deps, "verifyEmail", token);
  if (!found?.record.userId) throw new InvalidCodeError(null, NOT_A_LINK);
  const { hash, record } = found;
  if (record.usedAt) throw new ExpiredError("This verification link was already used.");
  if (isLinkExpired(deps, record)) throw new ExpiredError("This verification link has expired. Ask for a new one.");
  const account = await currentAccount(deps, record.email);
  if (!account || account.userId !== record.userId) throw new ExpiredError("This verification link is for an account that no longer exists.");
  if (!(await useEmailToken(deps.db, hash, "verifyEmail", deps.clock.now()))) throw new ExpiredError("This verification link was already used.");
  if (account.emailVerified) return account;
  if (!(await writeEmailVerified(deps.db, account, deps.clock.now().toISOString()))) {
    throw new ExpiredError("This verification link is for an account that no longer exists.");
  }
  await recordAudit(deps, { action: "EMAIL_VERIFIED", actor: userRef(account), subject: userRef(account) }, [userStream(account.userId)]);
  const verified = await currentAccount(deps, account.email);
  if (!verified) throw new ExpiredError("This verification link is for an account that no longer exists.");
  return verified;
}
