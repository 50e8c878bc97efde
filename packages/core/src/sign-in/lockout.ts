import { userRef, type Account } from "../accounts/account.js";
import { recordAudit, userStream } from "../audit/audit.js";
import { clearFailures, failuresOf } from "../db/second-factor-failures.js";
import type { Deps } from "../deps.js";
import { FactorLockedError } from "../errors.js";
import type { SecondStepMethod, SignInAccount } from "../factors/types.js";

/**
 * Consecutive failures (NIST SP 800-63B 5.2.2). The windowed second-factor budget slows guessing;
 * this caps it: after `limits.secondFactorLockAfter` (SECOND_FACTOR_LOCK_AFTER, default 100) wrong
 * proofs in a row on an account, counted across every window and reset by any success, its TOTP and
 * SMS factors (`lockable` methods) are refused with FactorLockedError, right code or wrong, so the
 * lock is no oracle. Backup codes, security keys and passkey sign-ins keep working and clear it; so
 * does a domain owner's reset (writeTwoFactorCleared removes the count). The count lives on the account item
 * (db/second-factor-failures.ts).
 *
 * Store requests: a wrong proof none of its own (the count rides on the write that takes a unit of
 * the second-factor budget for it: db/second-factor-budget.ts); a TOTP or SMS success none (the reset
 * rides on the write that spends the code); a backup-code, security-key or passkey success one (in
 * parallel with the session write).
 */

type Who = Pick<Account, "userId" | "email">;

/**
 * After a wrong proof was counted (`count`: the consecutive failures with it). Returns the refusal to
 * answer instead of InvalidCodeError when the method is locked now (this failure may be the one that
 * locked it: then the lock is audited, exactly once, since each parallel write is answered its own count).
 */
export async function afterWrongProof(deps: Deps, account: SignInAccount, method: SecondStepMethod, count: number): Promise<FactorLockedError | undefined> {
  const lockAfter = deps.limits.secondFactorLockAfter;
  if (count === lockAfter) {
    const who = { actor: userRef(account), subject: userRef(account) };
    await recordAudit(
      deps,
      { action: "SECOND_FACTOR_LOCKED", ...who, detail: `TOTP and SMS locked after ${count} second factors in a row that did not pass` },
      [userStream(account.userId)],
    );
    deps.log.warn({ event: "secondFactor.locked", userId: account.userId }, "TOTP and SMS locked by consecutive failures");
  }
  return method.lockable && count >= lockAfter ? new FactorLockedError() : undefined;
}

/**
 * After a right proof. TOTP and SMS reset the count in the write that spent the code (only possible
 * while unlocked); a backup code or a security key clears it here, and audits when that lifted a lock.
 */
export async function afterRightProof(deps: Deps, account: Who, method: SecondStepMethod): Promise<void> {
  if (method.lockable) return;
  await liftLock(deps, account, `by a ${method.name === "BACKUP_CODE" ? "backup code" : "security key"}`);
}

/** A passkey sign-in is a success too (a whole sign-in, no password): it clears the count. */
export function afterPasskeySignIn(deps: Deps, account: Who): Promise<void> {
  return liftLock(deps, account, "by a passkey sign-in");
}

async function liftLock(deps: Deps, account: Who, how: string): Promise<void> {
  const cleared = await clearFailures(deps.db, account);
  if (cleared >= deps.limits.secondFactorLockAfter) await auditUnlocked(deps, account, how);
}

/** After an owner's reset (or 2FA turned off): the count went with the factors; audits a lock it lifted. */
export async function afterFactorsCleared(deps: Deps, before: object | undefined, account: Who, actor: Who): Promise<void> {
  if (failuresOf(before) >= deps.limits.secondFactorLockAfter) await auditUnlocked(deps, account, "by a reset of two-factor authentication", actor);
}

/** TOTP and SMS are locked on this account (as read with it): no text is sent for a sign-in then. */
export function refuseIfLocked(deps: Deps, account: object): void {
  if (failuresOf(account) >= deps.limits.secondFactorLockAfter) throw new FactorLockedError();
}

async function auditUnlocked(deps: Deps, account: Who, how: string, actor: Who = account): Promise<void> {
  await recordAudit(deps, { action: "SECOND_FACTOR_UNLOCKED", actor: userRef(actor), subject: userRef(account), detail: `TOTP and SMS unlocked ${how}` }, [
    userStream(account.userId),
  ]);
}
