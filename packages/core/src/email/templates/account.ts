import { appLink, eventDetails, formatWhen, render, type EmailContent, type EventInfo, type Site } from "./render.js";

/**
 * The emails that carry a link with a token: the token appears in its link and nowhere else
 * (not in the subject, not spelled out in the text). There is deliberately no template for a
 * reset asked for an address without an account: nothing is sent then, so the answer and the
 * mailbox both look the same whether or not the account exists.
 */

export interface TokenEmail {
  /** The raw token, as it goes into the link (only its hash is stored). */
  token: string;
  /** When the link stops working. */
  expiresAt: Date;
  /** Who asked (sign-up, resend, reset request), when known. */
  request?: EventInfo;
}

/** Sent at sign-up and on sendEmailVerification: the link to APP_URL/verify-email (24 h). */
export function verifyEmailAddress(site: Site, { token, expiresAt, request }: TokenEmail): EmailContent {
  return render({
    subject: "Verify your email address",
    heading: "Verify your email address",
    intro: [
      ["Someone, hopefully you, created an Access Identity account with this email address, or asked for a new verification link."],
      [`Open the link below to confirm the address is yours. It works once, until ${formatWhen(expiresAt)}.`],
    ],
    action: { label: "Verify your email address", href: appLink(site, "/verify-email", { token }) },
    details: request ? eventDetails(request) : undefined,
    outro: [
      [
        "If this was not you, ignore this email: nobody can use this address for domains until it is verified, ",
        "and an account never verified is removed.",
      ],
    ],
  });
}

/** Sent on requestPasswordReset for an existing account: the link to APP_URL/reset-password (1 h). */
export function resetPassword(site: Site, { token, expiresAt, request }: TokenEmail): EmailContent {
  return render({
    subject: "Reset your password",
    heading: "Reset your password",
    intro: [
      ["Someone asked to reset the password of the Access Identity account with this email address."],
      [
        `Open the link below to choose a new password. It works once, until ${formatWhen(expiresAt)}. `,
        "If your account uses two-step verification, you will be asked for your second factor too. ",
        "Resetting the password signs out every session.",
      ],
    ],
    action: { label: "Choose a new password", href: appLink(site, "/reset-password", { token }) },
    details: request ? eventDetails(request) : undefined,
    outro: [["If you did not ask for this, ignore this email: your password stays as it is."]],
  });
}
