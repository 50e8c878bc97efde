import type { DomainRecord } from "../db/domains.js";

// The item and its parse live with its storage operations (db/domains.ts).
export { toDomain, type DomainRecord } from "../db/domains.js";

export const MAX_GRACE_PERIOD_DAYS = 90;

/** Where the proof is published: a label of its own, so it never clashes with the apex's TXT records (SPF...). */
export function txtRecordName(domain: string): string {
  return `_access-identity.${domain}`;
}

/** A domain nobody has proven yet, as its claimant sees it. */
export function unprovenDomain(name: string, now: Date): DomainRecord {
  return { name, verified: false, owners: [], enforceTwoFactor: false, gracePeriodDays: 0, createdAt: now.toISOString() };
}

/** Owner rights exist only on a verified domain. */
export function isOwner(domain: DomainRecord | undefined, email: string): boolean {
  return Boolean(domain?.verified && domain.owners.includes(email));
}
