import type { UserRef } from "../accounts/account.js";

export const auditActions = [
  "FACTOR_ADDED",
  "FACTOR_REMOVED",
  "FACTOR_RENAMED",
  "TWO_FACTOR_ENABLED",
  "TWO_FACTOR_DISABLED",
  "TWO_FACTOR_RESET",
  "BACKUP_CODES_GENERATED",
  "BACKUP_CODE_USED",
  "SECOND_FACTOR_FAILED",
  "SECOND_FACTOR_LOCKED",
  "SECOND_FACTOR_UNLOCKED",
  "WEBAUTHN_COUNTER_REGRESSION",
  "DOMAIN_CLAIMED",
  "DOMAIN_VERIFIED",
  "DOMAIN_POLICY_CHANGED",
  "DOMAIN_OWNER_ADDED",
  "DOMAIN_OWNER_REMOVED",
  "PASSWORD_CHANGED",
  "SIGNED_OUT_EVERYWHERE",
  "PASSWORD_RESET",
  "EMAIL_VERIFIED",
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEvent {
  id: string;
  at: string;
  action: AuditAction;
  actor?: UserRef;
  subject?: UserRef;
  /** Human-readable context (a factor's label, an admin's reason). Never a secret. */
  detail?: string;
}
