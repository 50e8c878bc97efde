/** A confirmed second factor as stored on its account item. `data` belongs to the factor kind. */
export interface StoredFactor {
  id: string;
  kind: FactorKind;
  label: string;
  createdAt: string;
  lastUsedAt?: string;
  data: Record<string, unknown>;
}

export type FactorKind = "TOTP" | "SMS" | "WEBAUTHN";

/**
 * One item per account, keyed by normalised email. Everything an invariant must change together
 * (factors, backup codes, 2FA state, session revocation) lives on it, so each change is a single
 * conditional write: DynamoDB Local and dynalite have no transactions, and on AWS they cost double.
 */
export interface Account {
  userId: string;
  email: string;
  domain: string;
  passwordHash: string;
  createdAt: string;
  twoFactorEnabled: boolean;
  twoFactorEnabledAt?: string;
  factors: Record<string, StoredFactor>;
  backupCodes?: Set<string>;
  backupCodesGeneratedAt?: string;
  /** Hashes of this set's codes already used: a spent code is refused as spent, not as wrong. */
  spentBackupCodes?: Set<string>;
  /** Sessions created before this moment are revoked (sign-out everywhere, admin reset). */
  sessionsValidFrom?: string;
  /** Opaque WebAuthn user handle: never the email. */
  webAuthnUserHandle: string;
  /** The owner of the address opened the link sent to it. Absent on accounts made before verification existed: unverified. */
  emailVerified?: boolean;
  emailVerifiedAt?: string;
  /**
   * Epoch seconds after which a never-verified account reads as absent (UNVERIFIED_ACCOUNT_TTL_DAYS):
   * its address is free again. Checked in code; also the table's TTL attribute, which only cleans
   * up. Removed by verification, so a verified account never expires.
   */
  expiresAt?: number;
}

/** A never-verified account past its expiry: treated everywhere as if it did not exist. */
export function isExpiredAccount(account: Pick<Account, "emailVerified" | "expiresAt">, nowSeconds: number): boolean {
  return account.emailVerified !== true && account.expiresAt !== undefined && nowSeconds >= account.expiresAt;
}

/** The account, unless it is an expired unverified one. */
export function liveAccount<A extends Pick<Account, "emailVerified" | "expiresAt">>(account: A | undefined, now: Date): A | undefined {
  return account && !isExpiredAccount(account, Math.floor(now.getTime() / 1000)) ? account : undefined;
}

export function confirmedFactors(account: Account): StoredFactor[] {
  return Object.values(account.factors ?? {}).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function backupCodesRemaining(account: Account): number {
  return account.backupCodes?.size ?? 0;
}

export interface UserRef {
  id: string;
  email: string;
}

export function userRef(account: Pick<Account, "userId" | "email">): UserRef {
  return { id: account.userId, email: account.email };
}
