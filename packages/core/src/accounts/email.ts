import { domainToASCII } from "node:url";
import * as z from "zod/mini";
import { ValidationError } from "../errors.js";

const emailSchema = z.email();

/**
 * Emails are compared trimmed and lower-cased; an internationalised domain is kept in its ASCII
 * (punycode) form so `bücher.de` and `xn--bcher-kva.de` are one domain.
 */
export function normaliseEmail(raw: string): string {
  const trimmed = raw.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1 || trimmed.length > 254) {
    throw new ValidationError("Enter a valid email address.", "email");
  }
  const domain = normaliseDomain(trimmed.slice(at + 1));
  const email = `${trimmed.slice(0, at)}@${domain}`;
  if (!domain || !emailSchema.safeParse(email).success) {
    throw new ValidationError("Enter a valid email address.", "email");
  }
  return email;
}

export function normaliseDomain(raw: string): string {
  const ascii = domainToASCII(raw.trim().toLowerCase().replace(/\.$/, ""));
  return ascii;
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}
