import type { Account } from "../accounts/account.js";
import { readDomain, type DomainRecord } from "../db/domains.js";
import type { Deps } from "../deps.js";
import { isPublicMailDomain } from "./public-mail.js";

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

/** The domain as it stands, strongly consistent: owner checks and the claim and verification steps judge on it. */
export function getDomain(deps: Deps, name: string): Promise<DomainRecord | undefined> {
  return readDomain(deps.db, name);
}

/**
 * The domain item whose policy may bind the accounts of `domain`, or undefined when none can: a
 * public mail domain (gmail.com...) is never claimed nor verified (public-mail.ts says why that
 * holds under a running deployment), so its item is never read. Every other domain's item is
 * read on each sign-in and authenticated request, strongly consistent, with the account (one
 * BatchGet, no extra round trip), and never cached:
 *
 * - an owner's policy change binds every member from their next request, on every container;
 * - a domain verified after a member's session began is enforced from that session's next request;
 * - an owner's reset of a member revokes the member's sessions at once whatever the domain item
 *   says: that is the account item's `sessionsValidFrom`, read in the same BatchGet.
 *
 * The cost is one strongly consistent read (1 RCU) per request on that domain's own partition: a
 * single item caps at ~3,000 such reads/s, i.e. one organisation making 3,000 requests/s. Only an
 * organisation that large would need a short per-container cache, and it would delay enforcement
 * by the cache's lifetime; nothing here needs one.
 */
export async function policyDomainName(domain: string): Promise<string | undefined> {
  return (await isPublicMailDomain(domain)) ? undefined : domain;
}

/** The policy that may bind `account`, as it stands now: no read at all on a public mail domain. */
export async function policyDomainOf(deps: Deps, account: Pick<Account, "domain">): Promise<DomainRecord | undefined> {
  const name = await policyDomainName(account.domain);
  return name === undefined ? undefined : getDomain(deps, name);
}

export async function enforcementForAccount(deps: Deps, account: Account): Promise<Enforcement> {
  return enforcementFor(await policyDomainOf(deps, account), account, deps.clock.now());
}
