import { appLink, eventDetails, oneLine, render, type EmailContent, type EventInfo, type Inline, type Site } from "./render.js";

/**
 * Security notifications: each names what happened, when and from where (when known), and what to
 * do if it was not you. None holds a secret, a code or a password: a notification says that backup
 * codes were made, never what they are.
 */

/** The kinds of second factor (as on the account), named for people. */
export type FactorKindName = "TOTP" | "SMS" | "WEBAUTHN";

export interface FactorInfo {
  kind: FactorKindName;
  /** The name the user gave it. */
  label: string;
}

export interface SecurityEvent {
  event: EventInfo;
}

const FACTOR_NAMES: Record<FactorKindName, string> = {
  TOTP: "authenticator app",
  SMS: "text message (SMS) number",
  WEBAUTHN: "security key or passkey",
};

function describeFactor(factor: FactorInfo): string {
  return `${FACTOR_NAMES[factor.kind]} “${oneLine(factor.label, 64)}”`;
}

/** For an action only someone signed in to the account could take. */
function ifNotYou(site: Site): Inline[][] {
  return [
    [
      "If this was not you, someone else can sign in to your account. ",
      { label: "Reset your password", href: appLink(site, "/reset-password") },
      " now, then ",
      { label: "review your sessions", href: appLink(site, "/settings/sessions") },
      " and sign out the ones you do not recognise.",
    ],
  ];
}

/** For an action proved by a link sent to this mailbox: whoever took it can read your email. */
function ifNotYouMailbox(site: Site): Inline[][] {
  return [
    [
      "If this was not you, someone can read the email sent to this address. Secure your email account first, then ",
      { label: "reset your password", href: appLink(site, "/reset-password") },
      " and ",
      { label: "review your sessions", href: appLink(site, "/settings/sessions") },
      ".",
    ],
  ];
}

interface Notice {
  subject: string;
  what: Inline[][];
  event: EventInfo;
  /** What to do if it was not you; by default, the advice for an action taken while signed in. */
  ifNotYou?: Inline[][];
}

function notice(site: Site, spec: Notice): EmailContent {
  return render({
    subject: spec.subject,
    heading: spec.subject,
    intro: spec.what,
    details: eventDetails(spec.event),
    outro: spec.ifNotYou ?? ifNotYou(site),
  });
}

export function factorAdded(site: Site, { event, factor }: SecurityEvent & { factor: FactorInfo }): EmailContent {
  return notice(site, {
    subject: "A second factor was added to your account",
    what: [[`The ${describeFactor(factor)} was added to your account. It can now be used to sign in.`]],
    event,
  });
}

export function factorRemoved(site: Site, { event, factor }: SecurityEvent & { factor: FactorInfo }): EmailContent {
  return notice(site, {
    subject: "A second factor was removed from your account",
    what: [[`The ${describeFactor(factor)} was removed from your account. It can no longer be used to sign in.`]],
    event,
  });
}

export function twoFactorEnabled(site: Site, { event }: SecurityEvent): EmailContent {
  return notice(site, {
    subject: "Two-step verification is on",
    what: [["Two-step verification was turned on for your account: signing in now needs your password and a second factor."]],
    event,
  });
}

export function twoFactorDisabled(site: Site, { event }: SecurityEvent): EmailContent {
  return notice(site, {
    subject: "Two-step verification was turned off",
    what: [["Two-step verification was turned off for your account: your password alone now signs you in."]],
    event,
  });
}

export function backupCodesGenerated(site: Site, { event, count }: SecurityEvent & { count: number }): EmailContent {
  return notice(site, {
    subject: "New backup codes were generated",
    what: [[`${count} new backup codes were generated for your account. Backup codes generated before no longer work.`]],
    event,
  });
}

export function backupCodeUsed(site: Site, { event, remaining }: SecurityEvent & { remaining: number }): EmailContent {
  const left = remaining === 1 ? "1 unused backup code remains" : `${remaining} unused backup codes remain`;
  const what: Inline[][] = [[`A backup code was used as the second factor for your account. ${left}.`]];
  if (remaining <= 2) what.push(["Generate new backup codes in your account settings before you run out."]);
  return notice(site, { subject: "A backup code was used", what, event });
}

export function twoFactorResetByOwner(
  site: Site,
  { event, owner, domain, reason }: SecurityEvent & { owner: string; domain: string; reason: string },
): EmailContent {
  const who = oneLine(owner, 254);
  const where = oneLine(domain, 253);
  return notice(site, {
    subject: `An owner of ${where} reset your two-step verification`,
    what: [
      [
        `${who}, an owner of the domain ${where}, removed the second factors of your account and turned two-step `,
        "verification off. The IP address and device below are theirs.",
      ],
      [`The reason they gave: “${oneLine(reason, 500)}”`],
    ],
    event,
    ifNotYou: [
      [
        `If you did not expect this, ask ${who} about it. Until you set up two-step verification again, your `,
        "password alone signs you in: ",
        { label: "review your sessions", href: appLink(site, "/settings/sessions") },
        " and sign out the ones you do not recognise.",
      ],
    ],
  });
}

export function passwordChanged(site: Site, { event }: SecurityEvent): EmailContent {
  return notice(site, {
    subject: "Your password was changed",
    what: [["The password of your account was changed."]],
    event,
  });
}

export function passwordReset(site: Site, { event }: SecurityEvent): EmailContent {
  return notice(site, {
    subject: "Your password was reset",
    what: [["The password of your account was reset with a link sent to this address. Every session was signed out."]],
    event,
    ifNotYou: ifNotYouMailbox(site),
  });
}

export function emailVerified(site: Site, { event }: SecurityEvent): EmailContent {
  return notice(site, {
    subject: "Your email address is verified",
    what: [["This email address is now verified for your account."]],
    event,
    ifNotYou: ifNotYouMailbox(site),
  });
}
