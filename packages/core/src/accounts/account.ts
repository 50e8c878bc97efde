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
  /**
   * Sessions whose sign-in was judged before this moment are revoked (a credential change, sign-out
   * everywhere, an owner's reset), except `sessionKept`: the one session that made the change.
   */
  sessionsValidFrom?: string;
  sessionKept?: string;
  /** Known-device tokens issued before this moment no longer count (sign-out everywhere, password change, owner reset). */
  devicesValidFrom?: string;
  passwordChangedAt?: string;
  /** Opaque WebAuthn user handle: never the email. */
  webAuthnUserHandle: string;
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
