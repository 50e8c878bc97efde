/** A domain record: one item per domain name, holding its proof, owners and 2FA policy. */
export interface DomainRecord {
  name: string;
  verified: boolean;
  verifiedAt?: string;
  /**
   * Owners by email (normalised); a verified domain keeps at least one. Stored as a string set so
   * adding and removing an owner are single atomic ADD/DELETE updates.
   */
  owners: string[];
  enforceTwoFactor: boolean;
  gracePeriodDays: number;
  /** When enforcement was last switched on: the start of every member's grace period. */
  enforcedAt?: string;
  createdAt: string;
}

export const MAX_GRACE_PERIOD_DAYS = 90;

/** Where the proof is published: a label of its own, so it never clashes with the apex's TXT records (SPF...). */
export function txtRecordName(domain: string): string {
  return `_access-identity.${domain}`;
}

export function toDomain(item: Record<string, unknown> | undefined): DomainRecord | undefined {
  if (!item || item.type !== "domain") return undefined;
  const { PK: _pk, SK: _sk, type: _t, owners, ...domain } = item;
  const ownerList = owners instanceof Set ? [...owners] : Array.isArray(owners) ? owners : [];
  return { ...(domain as unknown as DomainRecord), owners: (ownerList as string[]).sort() };
}

/** A domain nobody has proven yet, as its claimant sees it. */
export function unprovenDomain(name: string, now: Date): DomainRecord {
  return { name, verified: false, owners: [], enforceTwoFactor: false, gracePeriodDays: 0, createdAt: now.toISOString() };
}

/** Owner rights exist only on a verified domain. */
export function isOwner(domain: DomainRecord | undefined, email: string): boolean {
  return Boolean(domain?.verified && domain.owners.includes(email));
}
