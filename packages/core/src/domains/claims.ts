import { userRef, type Account } from "../accounts/account.js";
import { domainStream, recordAudit, userStream } from "../audit/audit.js";
import { epochSeconds } from "../clock.js";
import { randomToken } from "../crypto/random.js";
import { putClaimIfNoneLive, readClaim, type DomainClaim } from "../db/domain-claims.js";
import type { Deps } from "../deps.js";
import { NotAllowedError } from "../errors.js";
import { parseDomainName, requireOwnDomain } from "./admin.js";
import { txtRecordName, unprovenDomain, type DomainRecord } from "./domain.js";
import { getDomain } from "./policy.js";
import { isPublicMailDomain } from "./public-mail.js";

export const CLAIM_TTL_SECONDS = 7 * 24 * 3600;
export const TXT_VALUE_PREFIX = "access-identity-verification=";

export const UNVERIFIED_CLAIMANT = "Verify your email address before claiming its domain: open the link we emailed you, or ask for a new one.";

export type { DomainClaim } from "../db/domain-claims.js";

/**
 * Starts proving the caller's own email domain. Each claimant has a claim of their own (so one
 * member cannot disturb another's). Claiming again while the claim is live returns it unchanged
 * (same token, same expiry), so a double-submit or a retrying client never leaves the user
 * publishing a token that no longer counts; once it has expired, a new one gets a fresh token.
 * Claiming a domain that is already verified is allowed: whoever can publish its DNS records may
 * become an owner too, which is also how an organisation whose owners have all left gets back in.
 */
export async function claimDomain(deps: Deps, account: Account, input: { name: string }): Promise<{ claim: DomainClaim; domain: DomainRecord }> {
  const name = parseDomainName(input.name);
  requireOwnDomain(account, name);
  // Only a proven address counts for a domain: anyone can sign up as ceo@corp.com.
  if (!account.emailVerified) throw new NotAllowedError(UNVERIFIED_CLAIMANT);
  if (await isPublicMailDomain(name)) {
    throw new NotAllowedError("This is a public email provider's domain: only an organisation's own domain can be claimed.");
  }
  const claim = (await loadClaim(deps, name, account.userId)).claim ?? (await newClaim(deps, account, name));
  const domain = (await getDomain(deps, name)) ?? unprovenDomain(name, deps.clock.now());
  return { claim, domain };
}

/**
 * Stores a fresh claim for a caller who has no live one, or answers the one a parallel first
 * claim (the other half of a double-submit) stored instead.
 */
async function newClaim(deps: Deps, account: Account, name: string): Promise<DomainClaim> {
  // Each new claim writes to the domain's audit log: a member must not be able to bury the owners'
  // history. Answering a live claim again writes nothing, so only new claims use a unit.
  const unit = await deps.limiter.hit(deps.limits.domainClaimsPerAccount, account.userId);
  const now = deps.clock.now();
  const claim: DomainClaim = {
    name,
    userId: account.userId,
    email: account.email,
    txtRecordName: txtRecordName(name),
    txtRecordValue: `${TXT_VALUE_PREFIX}${randomToken(24)}`,
    createdAt: now.toISOString(),
    expiresAt: epochSeconds(now) + CLAIM_TTL_SECONDS,
  };
  const stored = await putClaimIfNoneLive(deps.db, claim, epochSeconds(now));
  if (!stored) {
    // This request made no claim, so it gives its unit back and answers with the one that won.
    await deps.limiter.release(unit);
    const { claim: winner } = await loadClaim(deps, name, account.userId);
    // (Gone already only if a verification used it up in between: then claim afresh.)
    return winner ?? newClaim(deps, account, name);
  }
  await recordAudit(deps, { action: "DOMAIN_CLAIMED", actor: userRef(account), subject: userRef(account), detail: name }, [
    userStream(account.userId),
    domainStream(name),
  ]);
  return claim;
}

/** The caller's live claim on `name`, or undefined (none, or past its 7 days: the caller claims again). */
export async function loadClaim(deps: Deps, name: string, userId: string): Promise<{ claim?: DomainClaim; expired: boolean }> {
  const claim = await readClaim(deps.db, name, userId);
  if (!claim) return { expired: false };
  const expired = epochSeconds(deps.clock.now()) >= claim.expiresAt;
  return expired ? { expired } : { claim, expired };
}

