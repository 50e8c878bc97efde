import type { Account } from "../accounts/account.js";
import { readDomain, type DomainRecord } from "../db/domains.js";
import type { Deps } from "../deps.js";

export interface Enforcement {
  enforcedByDomain: boolean;
  /** The domain enforces 2FA and the member has not enabled it. */
  enrolmentRequired: boolean;
  /** End of the member's grace period, when the domain enforces 2FA. */
  enrolmentDeadline?: Date;
  /** Past the deadline without 2FA: sessions may only enrol. */
  mustEnrolNow: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

/** Only a verified domain's policy binds its members; an unproven claim enforces nothing. */
export function enforcementFor(domain: DomainRecord | undefined, account: Pick<Account, "createdAt" | "twoFactorEnabled">, now: Date): Enforcement {
  if (!domain?.verified || !domain.enforceTwoFactor) {
    return { enforcedByDomain: false, enrolmentRequired: false, mustEnrolNow: false };
  }
  // A member who joined after enforcement began gets the full grace period from joining.
  const start = Math.max(Date.parse(domain.enforcedAt ?? domain.createdAt), Date.parse(account.createdAt));
  const deadline = new Date(start + domain.gracePeriodDays * DAY_MS);
  const enrolmentRequired = !account.twoFactorEnabled;
  return {
    enforcedByDomain: true,
    enrolmentRequired,
    enrolmentDeadline: deadline,
    mustEnrolNow: enrolmentRequired && now.getTime() >= deadline.getTime(),
  };
}

export function getDomain(deps: Deps, name: string): Promise<DomainRecord | undefined> {
  return readDomain(deps.db, name);
}

export async function enforcementForAccount(deps: Deps, account: Account): Promise<Enforcement> {
  return enforcementFor(await getDomain(deps, account.domain), account, deps.clock.now());
}
