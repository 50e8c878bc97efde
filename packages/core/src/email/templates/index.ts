import { resetPassword, verifyEmailAddress } from "./account.js";
import {
  backupCodeUsed,
  backupCodesGenerated,
  emailVerified,
  factorAdded,
  factorRemoved,
  passwordChanged,
  passwordReset,
  twoFactorDisabled,
  twoFactorEnabled,
  twoFactorResetByOwner,
} from "./security.js";

export type { EmailContent, EventInfo, Site } from "./render.js";
export type { TokenEmail } from "./account.js";
export type { FactorInfo, FactorKindName, SecurityEvent } from "./security.js";

/** Every email the system sends, by name: the preview script and the tests go through all of them. */
export const emailTemplates = {
  verifyEmailAddress,
  resetPassword,
  factorAdded,
  factorRemoved,
  twoFactorEnabled,
  twoFactorDisabled,
  backupCodesGenerated,
  backupCodeUsed,
  twoFactorResetByOwner,
  passwordChanged,
  passwordReset,
  emailVerified,
};

export type EmailTemplateName = keyof typeof emailTemplates;
