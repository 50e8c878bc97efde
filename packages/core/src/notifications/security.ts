import { domainOf } from "../accounts/email.js";
import type { RequestOrigin } from "../audit/request-scope.js";
import type { AuditAction, AuditEvent } from "../audit/event.js";
import { BACKUP_CODE_COUNT } from "../backup-codes/codes.js";
import type { EmailTemplateName } from "../email/templates/index.js";
import type { OutboxMessage } from "./outbox.js";

/**
 * Which audit events the account's owner is told about by email (API.md: security notifications),
 * and what each email says, from the event alone: one place, called by recordAudit, so no event
 * site can forget its notification. The email goes to the event's subject.
 */
const TEMPLATE_FOR: Partial<Record<AuditAction, EmailTemplateName>> = {
  FACTOR_ADDED: "factorAdded",
  FACTOR_REMOVED: "factorRemoved",
  TWO_FACTOR_ENABLED: "twoFactorEnabled",
  TWO_FACTOR_DISABLED: "twoFactorDisabled",
  BACKUP_CODES_GENERATED: "backupCodesGenerated",
  BACKUP_CODE_USED: "backupCodeUsed",
  TWO_FACTOR_RESET: "twoFactorResetByOwner",
  PASSWORD_CHANGED: "passwordChanged",
  PASSWORD_RESET: "passwordReset",
  EMAIL_VERIFIED: "emailVerified",
};

/** "TOTP: Phone" (how factor events name their factor) as the template's factor. */
function factorOf(detail: string | undefined): { kind: string; label: string } {
  const match = detail?.match(/^(TOTP|SMS|WEBAUTHN): (.*)$/s);
  return match ? { kind: match[1]!, label: match[2]! } : { kind: "TOTP", label: detail ?? "" };
}

/** The notification an event causes, or undefined for events nobody is emailed about. */
export function securityNotice(event: AuditEvent, origin: RequestOrigin | undefined): OutboxMessage | undefined {
  const template = TEMPLATE_FOR[event.action];
  if (!template || !event.subject?.email) return undefined;
  const when = { at: event.at, ip: origin?.ip, userAgent: origin?.userAgent };
  const extra: Record<string, unknown> = {};
  if (template === "factorAdded" || template === "factorRemoved") extra.factor = factorOf(event.detail);
  if (template === "backupCodesGenerated") extra.count = BACKUP_CODE_COUNT;
  if (template === "backupCodeUsed") extra.remaining = Number(event.detail?.match(/^(\d+)/)?.[1] ?? 0);
  if (template === "twoFactorResetByOwner") {
    Object.assign(extra, { owner: event.actor?.email ?? "", domain: domainOf(event.subject.email), reason: event.detail ?? "" });
  }
  return { template, to: event.subject.email, data: { event: when, ...extra } };
}
