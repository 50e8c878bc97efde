import { userRef, type Account } from "../accounts/account.js";
import { domainStream, recordAudit, userStream } from "../audit/audit.js";
import { useUpClaim } from "../db/domain-claims.js";
import { joinOwners } from "../db/domains.js";
import type { Deps } from "../deps.js";
import { DnsLookupError } from "../dns/txt-resolver.js";
import { DomainVerificationFailedError, ExpiredError, NotAllowedError, ServiceUnavailableError } from "../errors.js";
import { parseDomainName, requireOwnDomain } from "./admin.js";
import { loadClaim } from "./claims.js";
import { isOwner, type DomainRecord } from "./domain.js";
import { getDomain } from "./policy.js";
import { isPublicMailDomain } from "./public-mail.js";

// What a failed check echoes back is public DNS data, but bounded all the same.
const MAX_FOUND_RECORDS = 10;
const MAX_FOUND_LENGTH = 255;

/**
 * Checks the caller's claim against the live TXT records of `_access-identity.<domain>`; on a match
 * the domain becomes verified with the claimant among its owners. Rate-limited per account: every
 * attempt costs a DNS query we send on the user's behalf.
 */
export async function verifyDomain(deps: Deps, account: Account, input: { name: string }): Promise<DomainRecord> {
  let name: string;
  try {
    name = parseDomainName(input.name);
  } catch {
    // Not even a domain name, so certainly not the caller's (the union has no ValidationError).
    throw new NotAllowedError("You can only manage the domain of your own email address.");
  }
  requireOwnDomain(account, name);
  // A claim made before a release put the name on the public mail list must not verify it after:
  // no listed domain is ever verified, which is what lets sessions skip reading its item.
  if (await isPublicMailDomain(name)) {
    throw new NotAllowedError("This is a public email provider's domain: only an organisation's own domain can be claimed.");
  }
  const existing = await getDomain(deps, name);
  if (isOwner(existing, account.email)) return existing!;

  const { claim, expired } = await loadClaim(deps, name, account.userId);
  if (expired) throw new ExpiredError("Your claim on this domain expired after 7 days. Claim it again and publish the new record.");
  if (!claim) {
    // A parallel verification may have just used the claim: it made the caller an owner first.
    const now = await getDomain(deps, name);
    if (isOwner(now, account.email)) return now!;
    throw new NotAllowedError("Claim this domain first, then publish its TXT record.");
  }

  const limit = deps.limits.domainVerificationsPerAccount;
  const attempt = await deps.limiter.hit(limit, account.userId);
  let found: string[];
  try {
    found = await deps.dns.resolveTxt(claim.txtRecordName);
  } catch (error) {
    // DNS did not answer: not the user's fault, so the attempt is given back.
    await deps.limiter.release(attempt);
    if (!(error instanceof DnsLookupError)) throw error;
    deps.log.warn({ event: "domain.dnsLookupFailed", domain: name, code: error.code }, "DNS lookup failed");
    const timedOut = error.code === "ETIMEOUT" || error.code === "ECANCELLED";
    throw new ServiceUnavailableError(
      timedOut ? "The DNS lookup did not complete in time. Try again in a moment." : "The DNS lookup failed. Try again in a moment.",
    );
  }
  // The token is public (it sits in DNS), so a plain comparison leaks nothing.
  if (!found.some((value) => value.trim() === claim.txtRecordValue)) {
    throw new DomainVerificationFailedError(
      claim.txtRecordValue,
      found.slice(0, MAX_FOUND_RECORDS).map((value) => value.slice(0, MAX_FOUND_LENGTH)),
    );
  }

  // Every verification that saw the record live has proved control of the domain, so each makes
  // the same idempotent write (the claimant joins the owner set once) and answers the same; the
  // one whose write added the owner records the event. Only then is the claim used up: a request
  // that finds the claim gone therefore always finds the owner entry in place (see above). If the
  // process dies between the two writes, the claim outlives its use until it expires; re-using it
  // needs the record live in DNS, the very proof it stands for, and an owner's removal deletes it.
  const { domain, added } = await markVerified(deps, name, account);
  if (added) {
    await recordAudit(deps, { action: "DOMAIN_VERIFIED", actor: userRef(account), subject: userRef(account), detail: name }, [
      userStream(account.userId),
      domainStream(name),
    ]);
    deps.log.info({ event: "domain.verified", domain: name, userId: account.userId }, "domain verified");
  }
  await useUpClaim(deps.db, name, account.userId, claim.txtRecordValue);
  return domain;
}

/**
 * Creates or updates the domain item in one write: verified, with the claimant added to the owner
 * set. `added` is false when a parallel verification by the same claimant added them first.
 */
async function markVerified(deps: Deps, name: string, account: Account): Promise<{ domain: DomainRecord; added: boolean }> {
  const joined = await joinOwners(deps.db, name, account.email, deps.clock.now().toISOString());
  if (joined) return { domain: joined, added: true };
  // A parallel verification by the same claimant already added them: the outcome is the same.
  const domain = await getDomain(deps, name);
  if (!isOwner(domain, account.email)) throw new Error(`verifying ${name}: the owner set refused a claimant it does not hold`);
  return { domain: domain!, added: false };
}
