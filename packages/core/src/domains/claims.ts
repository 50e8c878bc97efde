import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { userRef, type Account } from "../accounts/account.js";
import { domainStream, recordAudit, userStream } from "../audit/audit.js";
import { epochSeconds } from "../clock.js";
import { randomToken } from "../crypto/random.js";
import { writeIf } from "../db/client.js";
import { keys } from "../db/keys.js";
import { loadOnce } from "../load-once.js";
import type { Deps } from "../deps.js";
import { NotAllowedError } from "../errors.js";
import { parseDomainName, requireOwnDomain } from "./admin.js";
import { txtRecordName, unprovenDomain, type DomainRecord } from "./domain.js";
import { getDomain } from "./policy.js";

export const CLAIM_TTL_SECONDS = 7 * 24 * 3600;
export const TXT_VALUE_PREFIX = "access-identity-verification=";

/** A pending proof of one user's control of a domain: the TXT value they must publish. */
export interface DomainClaim {
  name: string;
  userId: string;
  email: string;
  txtRecordName: string;
  txtRecordValue: string;
  createdAt: string;
  /** Epoch seconds: checked in code (dynalite never expires items; on AWS it is only the TTL cleanup). */
  expiresAt: number;
}

// Free and disposable mail providers (the `email-providers` package): anyone can get an address there,
// so an address proves nothing about who runs the domain. The list (8,700 names, 130 kB) loads with
// the first claim a process sees, not at every cold start.
const loadPublicMailDomains = loadOnce(
  async (): Promise<ReadonlySet<string>> => new Set((await import("email-providers/all.json", { with: { type: "json" } })).default as string[]),
);

/** The name itself or any parent domain is a public mail provider (`x.usa.cc` is as public as `usa.cc`). */
export async function isPublicMailDomain(name: string): Promise<boolean> {
  const known = await loadPublicMailDomains();
  const labels = name.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    if (known.has(labels.slice(i).join("."))) return true;
  }
  return false;
}

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
  const stored = await writeIf(
    deps.db,
    new PutCommand({
      TableName: deps.db.table,
      Item: { ...keys.domainClaim(name, account.userId), type: "domainClaim", ...claim },
      // Invariant: a live claim's token never changes (nobody else's claim is touched either), so
      // of parallel first claims one is stored and every one of them answers with it.
      ConditionExpression: "attribute_not_exists(PK) OR expiresAt <= :now",
      ExpressionAttributeValues: { ":now": epochSeconds(now) },
    }),
  );
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
  const { Item } = await deps.db.doc.send(
    new GetCommand({ TableName: deps.db.table, Key: keys.domainClaim(name, userId), ConsistentRead: true }),
  );
  if (!Item || Item.type !== "domainClaim") return { expired: false };
  const { PK: _pk, SK: _sk, type: _t, ...claim } = Item;
  const expired = epochSeconds(deps.clock.now()) >= (claim as DomainClaim).expiresAt;
  return expired ? { expired } : { claim: claim as DomainClaim, expired };
}

/**
 * Deletes a user's claim on `name`, live or not: an owner who is removed must prove the domain
 * afresh (a new token, published anew) to come back, not reuse a claim left over from before.
 */
export async function dropClaim(deps: Deps, name: string, userId: string): Promise<void> {
  await deps.db.doc.send(new DeleteCommand({ TableName: deps.db.table, Key: keys.domainClaim(name, userId) }));
}
