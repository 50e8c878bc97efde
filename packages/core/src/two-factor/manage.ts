import type { Caller } from "../access/caller.js";
import { requireStepUpOnceEnabled } from "../access/guards.js";
import { userRef, type Account, type StoredFactor } from "../accounts/account.js";
import { getAccount } from "../accounts/accounts.js";
import { recordAudit, userStream } from "../audit/audit.js";
import { writeFactorLabel, writeFactorRemoved, writeTwoFactorCleared, writeTwoFactorOn } from "../db/accounts.js";
import type { Revocation } from "../db/revocation.js";
import type { Deps } from "../deps.js";
import { enforcementForAccount } from "../domains/policy.js";
import { ConflictError, NotAllowedError, NotSignedInError, ValidationError } from "../errors.js";
import { revokeAll, revokeOthers } from "../sessions/revocation.js";
import { revokedByAccount } from "../sessions/sessions.js";
import { validateLabel } from "../factors/pending.js";
import { methodForKind } from "../factors/registry.js";
import { hasPrefix } from "../ids.js";

async function reload(deps: Deps, account: Account): Promise<Account> {
  const fresh = await getAccount(deps, account.email);
  if (!fresh || fresh.userId !== account.userId) throw new ConflictError("This account no longer exists.");
  return fresh;
}

/**
 * The account after a refused write that would have kept the caller's session: if a parallel
 * revocation ended that session, the caller is signed out (NotSignedInError), whatever else failed.
 */
async function reloadForCaller(deps: Deps, caller: Pick<Caller, "account" | "session">): Promise<Account> {
  const fresh = await reload(deps, caller.account);
  if (revokedByAccount(fresh, caller.session)) throw new NotSignedInError();
  return fresh;
}

/**
 * The last step of "Get started": needs a confirmed factor, a backup-code set, and the user's word
 * they stored it. Turning 2FA on revokes every other session: one opened with the password alone
 * (by whoever else knew it) must not carry on under the new protection. Its only input field is
 * backupCodesAcknowledged, so every ValidationError names it (the message says what is missing).
 */
export async function enableTwoFactor(deps: Deps, caller: Caller, input: { backupCodesAcknowledged: boolean }): Promise<Account> {
  const { account } = caller;
  if (Object.keys(account.factors ?? {}).length === 0) {
    throw new ValidationError("Add an authenticator app, phone or security key first.", "backupCodesAcknowledged");
  }
  if (!account.backupCodes?.size) {
    throw new ValidationError("Generate your backup codes and store them first.", "backupCodesAcknowledged");
  }
  if (input.backupCodesAcknowledged !== true) {
    throw new ValidationError("Confirm that you have stored your backup codes.", "backupCodesAcknowledged");
  }
  if (account.twoFactorEnabled) return account;
  const enabled = await writeTwoFactorOn(deps.db, account, deps.clock.now().toISOString(), revokeOthers(deps, caller));
  if (!enabled) {
    // A parallel request (the other half of a double-submit) turned it on first: the same answer.
    const fresh = await reloadForCaller(deps, caller);
    if (fresh.twoFactorEnabled) return fresh;
    throw new ValidationError("Add a factor and generate backup codes first.", "backupCodesAcknowledged");
  }
  await recordAudit(deps, { action: "TWO_FACTOR_ENABLED", actor: userRef(account), subject: userRef(account) }, [
    userStream(account.userId),
  ]);
  return reload(deps, account);
}

/**
 * Removes every factor and backup code and turns 2FA off. Shared by a user's own disable (which
 * passes the revocation keeping its own session) and a domain owner's reset (`revokeSessions`:
 * every session and known device ends); the caller decides who may do it and audits it.
 * `cleared` says whether there was anything to clear (so a repeated disable records nothing new).
 */
export async function clearTwoFactor(
  deps: Deps,
  account: Account,
  options: { revokeSessions?: boolean; revocation?: Revocation },
): Promise<{ account: Account; cleared: boolean }> {
  const revocation = options.revocation ?? (options.revokeSessions ? revokeAll(deps) : undefined);
  // The account as the write found it: the factors it actually cleared are the ones to clean up.
  const before = await writeTwoFactorCleared(deps.db, account, revocation);
  if (!before) throw new ConflictError("This account no longer exists.");
  const factors = Object.values(before.factors ?? {});
  for (const factor of factors) {
    await methodForKind(factor.kind)?.onRemoved?.(deps, account, factor);
  }
  const cleared = before.twoFactorEnabled === true || factors.length > 0 || before.backupCodes !== undefined;
  return { account: await reload(deps, account), cleared };
}

/** Turns the caller's 2FA off: needs a recent step-up; revokes every other session. */
export async function disableTwoFactor(deps: Deps, caller: Caller): Promise<Account> {
  requireStepUpOnceEnabled(deps, caller);
  const { account } = caller;
  const enforcement = await enforcementForAccount(deps, account);
  if (enforcement.enforcedByDomain) {
    throw new NotAllowedError("Your organisation requires two-factor authentication, so it cannot be turned off.");
  }
  const { account: updated, cleared } = await clearTwoFactor(deps, account, { revocation: revokeOthers(deps, caller) }).catch(async (error: unknown) => {
    if (error instanceof ConflictError) await reloadForCaller(deps, caller);
    throw error;
  });
  // Already off (a repeat, or the second of a double-submit): the same answer, no second event.
  if (cleared) {
    await recordAudit(deps, { action: "TWO_FACTOR_DISABLED", actor: userRef(account), subject: userRef(account) }, [
      userStream(account.userId),
    ]);
  }
  return updated;
}

function ownFactor(account: Account, factorId: string): StoredFactor {
  // Own properties only: "constructor" or "__proto__" must not find the object's prototype.
  const factor = hasPrefix(factorId, "fac") && Object.hasOwn(account.factors ?? {}, factorId) ? account.factors[factorId] : undefined;
  if (!factor) throw new ValidationError("No such factor on your account.", "factorId");
  return factor;
}

/**
 * Removes one of the caller's factors: needs a recent step-up once 2FA is on, and revokes every
 * other session, since one of them may have signed in with the factor removed (a stolen phone).
 */
export async function removeFactor(deps: Deps, caller: Caller, input: { factorId: string }): Promise<Account> {
  requireStepUpOnceEnabled(deps, caller);
  const { account } = caller;
  const factor = ownFactor(account, input.factorId);
  if (!(await writeFactorRemoved(deps.db, account.email, factor.id, revokeOthers(deps, caller)))) {
    const fresh = await reloadForCaller(deps, caller);
    if (!fresh.factors?.[factor.id]) throw new ValidationError("No such factor on your account.", "factorId");
    throw new NotAllowedError("This is your last factor. Turn off two-factor authentication instead.");
  }
  await methodForKind(factor.kind)?.onRemoved?.(deps, account, factor);
  await recordAudit(
    deps,
    { action: "FACTOR_REMOVED", actor: userRef(account), subject: userRef(account), detail: `${factor.kind}: ${factor.label}` },
    [userStream(account.userId)],
  );
  return reload(deps, account);
}

export async function renameFactor(deps: Deps, caller: Pick<Caller, "account">, input: { factorId: string; label: string }): Promise<StoredFactor> {
  const { account } = caller;
  const factor = ownFactor(account, input.factorId);
  if (factor.kind === "SMS") throw new ValidationError("A text-message factor is named by its (masked) number.", "label");
  const label = validateLabel(input.label, "");
  if (!label) throw new ValidationError("Enter a name.", "label");
  if (!(await writeFactorLabel(deps.db, account.email, factor.id, label))) {
    throw new ValidationError("No such factor on your account.", "factorId");
  }
  await recordAudit(
    deps,
    { action: "FACTOR_RENAMED", actor: userRef(account), subject: userRef(account), detail: `${factor.kind}: ${label}` },
    [userStream(account.userId)],
  );
  return { ...factor, label };
}
