import { userRef } from "../accounts/account.js";
import { domainStream, recordAudit, userStream } from "../audit/audit.js";
import { setPolicy } from "../db/domains.js";
import type { Deps } from "../deps.js";
import { NotAllowedError, ValidationError } from "../errors.js";
import type { Caller } from "../sessions/sessions.js";
import { requireAdministrator } from "../access/guards.js";
import { loadOwnedDomain, OWNERS_ONLY, parseDomainName } from "./admin.js";
import { MAX_GRACE_PERIOD_DAYS, type DomainRecord } from "./domain.js";

export interface DomainPolicyInput {
  name: string;
  enforce: boolean;
  /** Days members without 2FA may still sign in normally; omitted keeps the current value. */
  gracePeriodDays?: number | null;
}

/** The grace period the owner asked for, or undefined when they left it out (the current one stays). */
function validGracePeriod(days: number | null | undefined): number | undefined {
  if (days === null || days === undefined) return undefined;
  if (!Number.isInteger(days) || days < 0 || days > MAX_GRACE_PERIOD_DAYS) {
    throw new ValidationError(`The grace period must be between 0 and ${MAX_GRACE_PERIOD_DAYS} days.`, "gracePeriodDays");
  }
  return days;
}

/**
 * Switches 2FA enforcement on or off for every member of a verified domain. Switching it on starts
 * the grace period (`enforcedAt`); changing only the grace period of an enforced domain does not
 * restart it, and switching off clears it, so the next switch-on starts a fresh one.
 */
export async function setDomainTwoFactorPolicy(deps: Deps, caller: Caller, input: DomainPolicyInput): Promise<DomainRecord> {
  const name = parseDomainName(input.name);
  await loadOwnedDomain(deps, caller.account, name);
  const gracePeriodDays = validGracePeriod(input.gracePeriodDays);
  requireAdministrator(deps, caller);
  // Only the fields the owner gave are written (setPolicy says why).
  const updated = await setPolicy(deps.db, name, caller.account.email, { enforce: input.enforce, gracePeriodDays, now: deps.clock.now().toISOString() });
  if (!updated) throw new NotAllowedError(OWNERS_ONLY);
  // The grace period as stored, which is the one in force when it was left out.
  const detail = input.enforce ? `2FA enforced, grace period ${updated.gracePeriodDays} days` : "2FA no longer enforced";
  await recordAudit(deps, { action: "DOMAIN_POLICY_CHANGED", actor: userRef(caller.account), detail }, [
    domainStream(name),
    userStream(caller.account.userId),
  ]);
  return updated;
}
