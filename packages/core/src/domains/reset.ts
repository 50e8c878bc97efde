import { userRef, type Account } from "../accounts/account.js";
import { getAccount } from "../accounts/accounts.js";
import { domainOf, normaliseEmail } from "../accounts/email.js";
import { domainStream, recordAudit, userStream } from "../audit/audit.js";
import type { Deps } from "../deps.js";
import { NotAllowedError, ValidationError } from "../errors.js";
import type { Caller } from "../sessions/sessions.js";
import { afterFactorsCleared } from "../sign-in/lockout.js";
import { clearTwoFactor } from "../two-factor/manage.js";
import { loadOwnedDomain } from "./admin.js";
import { requireAdministrator } from "../access/guards.js";

export const REASON_MAX = 500;

/** One answer for "not a member you own" and "no such member", so the reset cannot probe for accounts. */
const CANNOT_RESET = "You can only reset two-factor authentication for members of a verified domain you own.";

export interface ResetInput {
  email: string;
  reason: string;
}

function validReason(raw: string): string {
  const reason = (raw ?? "").trim();
  if (reason.length === 0) throw new ValidationError("Say why the reset is needed (it is kept in the audit log).", "reason");
  if ([...reason].length > REASON_MAX) throw new ValidationError(`Keep the reason under ${REASON_MAX} characters.`, "reason");
  return reason;
}

/**
 * An owner's reset of a member who lost their second factor: every factor and backup code goes,
 * 2FA is off, and every session of the member is revoked (whoever holds the lost phone or a stolen
 * session is out). The member signs in with their password and, if the domain enforces 2FA and
 * their deadline has passed, is made to enrol again.
 *
 * Checks run in an order that reveals nothing about who has an account: the caller's own domain,
 * verified, owned by the caller, and the caller's own 2FA proved fresh (requireAdministrator: a
 * password alone can never strip someone else's 2FA) all come before the member is
 * looked up; an unknown email then gets the same answer as a member of another domain.
 */
export async function resetUserTwoFactor(deps: Deps, caller: Caller, input: ResetInput): Promise<Account> {
  const reason = validReason(input.reason);
  const email = normaliseEmail(input.email);
  const name = domainOf(email);
  if (name !== caller.account.domain) throw new NotAllowedError(CANNOT_RESET);
  await loadOwnedDomain(deps, caller.account, name);
  requireAdministrator(deps, caller);
  if (email === caller.account.email) {
    throw new NotAllowedError("You cannot reset your own two-factor authentication: ask another owner of the domain.");
  }
  const member = await getAccount(deps, email);
  if (!member) throw new NotAllowedError(CANNOT_RESET);

  const { account: reset } = await clearTwoFactor(deps, member, { revokeSessions: true });
  await recordAudit(
    deps,
    { action: "TWO_FACTOR_RESET", actor: userRef(caller.account), subject: userRef(member), detail: reason },
    [userStream(member.userId), domainStream(name)],
  );
  // The reset also lifted a lock on consecutive failures, if there was one (as read just before it).
  await afterFactorsCleared(deps, member, member, caller.account);
  deps.log.info({ event: "twoFactor.reset", domain: name, actor: caller.account.userId, subject: member.userId }, "2FA reset by owner");
  return reset;
}
