/** A domain record: one item per domain name, holding its proof, owners and 2FA policy. */
export interface DomainRecord {
  name: string;
  verified: boolean;
  verifiedAt?: string;
  /** Owners by email (normalised); a verified domain keeps at least one. */
  owners: string[];
  enforceTwoFactor: boolean;
  gracePeriodDays: number;
  /** When enforcement was last switched on: the start of every member's grace period. */
  enforcedAt?: string;
  createdAt: string;
}

export function toDomain(item: Record<string, unknown> | undefined): DomainRecord | undefined {
  if (!item || item.type !== "domain") return undefined;
  const { PK: _pk, SK: _sk, type: _t, ...domain } = item;
  return domain as unknown as DomainRecord;
}
