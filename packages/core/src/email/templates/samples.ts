import { emailTemplates, type EmailTemplateName } from "./index.js";
import type { EmailContent, Site } from "./render.js";

/** What each template is called with: a sample for every template, or this does not typecheck. */
export type EmailTemplateData = { [K in EmailTemplateName]: Parameters<(typeof emailTemplates)[K]>[1] };

/** Recognisable tokens, so a test can find every place a token landed in an email. */
export const SAMPLE_TOKENS = {
  verify: "vErIfY_sample-token_0123456789abcdefghijkl",
  reset: "rEsEt_sample-token_0123456789abcdefghijklmn",
} as const;

/** Realistic data for every template: for `npm run email:preview` and the template tests. */
export function sampleEmailData(now = new Date("2026-11-29T15:59:00Z")): EmailTemplateData {
  const event = {
    at: now,
    ip: "203.0.113.42",
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  };
  const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
  return {
    verifyEmailAddress: { token: SAMPLE_TOKENS.verify, expiresAt: hours(24), request: event },
    resetPassword: { token: SAMPLE_TOKENS.reset, expiresAt: hours(1), request: event },
    factorAdded: { event, factor: { kind: "TOTP", label: "Phone authenticator" } },
    factorRemoved: { event, factor: { kind: "WEBAUTHN", label: "YubiKey 5C" } },
    twoFactorEnabled: { event },
    twoFactorDisabled: { event },
    backupCodesGenerated: { event, count: 10 },
    backupCodeUsed: { event, remaining: 2 },
    twoFactorResetByOwner: {
      event,
      owner: "it-admin@example.com",
      domain: "example.com",
      reason: "Lost phone, confirmed by a video call on Friday",
    },
    passwordChanged: { event },
    passwordReset: { event },
    emailVerified: { event },
  };
}

/** Renders every template with `data`, by name. */
export function renderAll(site: Site, data: EmailTemplateData): Record<EmailTemplateName, EmailContent> {
  const out = {} as Record<EmailTemplateName, EmailContent>;
  for (const name of Object.keys(emailTemplates) as EmailTemplateName[]) {
    const template = emailTemplates[name] as (site: Site, data: EmailTemplateData[typeof name]) => EmailContent;
    out[name] = template(site, data[name]);
  }
  return out;
}
