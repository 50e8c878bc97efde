import type { Account } from "../accounts/account.js";
import type { DomainClaim } from "../db/domain-claims.js";
import type { Deps } from "../deps.js";
import { loadClaim } from "./claims.js";
import { isOwner, unprovenDomain, type DomainRecord } from "./domain.js";
import { getDomain } from "./policy.js";

/**
 * A domain as the caller may see it: an owner sees the verified domain; before verification the
 * caller who claimed it sees it too, `verified: false`, with their own live claim (what to
 * publish, and until when). Anyone else (another member, a claimant of a domain already verified,
 * someone whose claim expired) sees nothing. `claim` is never set on a verified domain.
 */
export interface DomainView {
  domain: DomainRecord;
  claim?: DomainClaim;
}

/** Only the caller's own email domain is ever looked up: owners and claimants are always members. */
export async function viewDomain(deps: Deps, account: Account, name: string): Promise<DomainView | undefined> {
  if (name !== account.domain) return undefined;
  const domain = await getDomain(deps, name);
  if (domain?.verified) return isOwner(domain, account.email) ? { domain } : undefined;
  const { claim } = await loadClaim(deps, name, account.userId);
  return claim ? { domain: domain ?? unprovenDomain(name, deps.clock.now()), claim } : undefined;
}

/** The caller's pending claim on a domain not yet verified; none once it is. */
export async function pendingClaim(deps: Deps, account: Account, domain: DomainRecord): Promise<DomainClaim | undefined> {
  if (domain.verified || domain.name !== account.domain) return undefined;
  return (await loadClaim(deps, domain.name, account.userId)).claim;
}
