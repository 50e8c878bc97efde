import { backupCodesRemaining, confirmedFactors, type Account, type StoredFactor } from "../accounts/account.js";
import type { Enforcement } from "../domains/policy.js";

export interface TwoFactorStatus {
  enabled: boolean;
  enforcedByDomain: boolean;
  enrolmentRequired: boolean;
  enrolmentDeadline?: Date;
  factors: StoredFactor[];
  backupCodesRemaining: number;
}

export function twoFactorStatus(account: Account, enforcement: Enforcement): TwoFactorStatus {
  return {
    enabled: account.twoFactorEnabled,
    enforcedByDomain: enforcement.enforcedByDomain,
    enrolmentRequired: enforcement.enrolmentRequired,
    enrolmentDeadline: enforcement.enrolmentDeadline,
    factors: confirmedFactors(account),
    backupCodesRemaining: backupCodesRemaining(account),
  };
}
