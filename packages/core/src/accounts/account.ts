import type { SmsFactorData } from "../factors/sms/data.js";
import type { TotpFactorData } from "../factors/totp/data.js";
import type { WebAuthnFactorData } from "../factors/webauthn/data.js";

interface FactorCommon {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt?: string;
}

/**
 * A confirmed second factor as stored on its account item: `data` is typed by `kind` (each
 * factor folder's data.ts says what it keeps), so nothing reads it with `as`. A new factor adds
 * its member here.
 */
export type StoredFactor =
  | (FactorCommon & { kind: "TOTP"; data: TotpFactorData })
  | (FactorCommon & { kind: "SMS"; data: SmsFactorData })
  | (FactorCommon & { kind: "WEBAUTHN"; data: WebAuthnFactorData });

export type FactorKind = StoredFactor["kind"];

/** The stored factor of one kind, e.g. `FactorOfKind<"TOTP">`. */
export type FactorOfKind<K extends FactorKind> = Extract<StoredFactor, { kind: K }>;

/** Its factors of one kind, in stored order. */
export function factorsOfKind<K extends FactorKind>(account: Pick<Account, "factors">, kind: K): FactorOfKind<K>[] {
  return Object.values(account.factors ?? {}).filter((f): f is FactorOfKind<K> => f.kind === kind);
}

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
