import { requireStepUpOnceEnabled } from "../access/guards.js";
import type { Caller } from "../access/caller.js";
import { recordAudit, userStream } from "../audit/audit.js";
import { hashPassword, verifyPassword } from "../crypto/passwords.js";
import { readAccount, writePasswordChanged } from "../db/accounts.js";
import type { Deps, RequestInfo } from "../deps.js";
import { InvalidCredentialsError, NotSignedInError, ValidationError } from "../errors.js";
import { revokedByAccount } from "../sessions/sessions.js";
import { revokeOthers } from "../sessions/revocation.js";
import { userRef, type Account } from "./account.js";
import { validatePassword } from "./accounts.js";
import { refuseGuessablePassword } from "./guessable-password.js";

/** The sign-up rules (length, not guessable), reported against the field the user typed the new password in. */
async function validateNewPassword(password: string, email: string): Promise<void> {
  try {
    validatePassword(password);
    await refuseGuessablePassword(password, email);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(error.message, "newPassword");
    throw error;
  }
}

/**
 * Changes the caller's password. Needs a recent step-up when 2FA is on (a stolen password-only
 * session must not take the account over), the current password, counted against the same
 * budgets as sign-in attempts (the address's, then the account's: it is a password guess like any
 * other), and a new password that passes the sign-up rules. One conditional write replaces the
 * hash and revokes every other session and every known device.
 */
export async function changePassword(
  deps: Deps,
  caller: Caller,
  input: { currentPassword: string; newPassword: string },
  request: RequestInfo,
): Promise<Account> {
  requireStepUpOnceEnabled(deps, caller);
  const { account } = caller;
  await validateNewPassword(input.newPassword, account.email);
  const { limits, limiter } = deps;
  const units = await limiter.hitAll([
    [limits.signInFailuresPerIp, request.ip],
    [limits.signInAttemptsPerAccount, account.email],
  ]);
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) throw new InvalidCredentialsError();
  await limiter.releaseAll(units);
  const changed = await writePasswordChanged(deps.db, account, await hashPassword(input.newPassword), revokeOthers(deps, caller, { devices: true }));
  if (!changed) {
    const fresh = await readAccount(deps.db, account.email);
    // Signed out meanwhile (a revocation from elsewhere), or the password changed under us: prove it again.
    if (!fresh || fresh.userId !== account.userId || revokedByAccount(fresh, caller.session)) throw new NotSignedInError();
    throw new InvalidCredentialsError();
  }
  await recordAudit(deps, { action: "PASSWORD_CHANGED", actor: userRef(account), subject: userRef(account), detail: `from ${request.ip}` }, [
    userStream(account.userId),
  ]);
  deps.log.info({ event: "passwordChanged", userId: account.userId }, "password changed");
  const fresh = await readAccount(deps.db, account.email);
  if (!fresh) throw new NotSignedInError();
  return fresh;
}
