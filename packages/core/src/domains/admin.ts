import type { Account } from "../accounts/account.js";
import { normaliseDomain } from "../accounts/email.js";
import type { Deps } from "../deps.js";
import { DomainNotVerifiedError, NotAllowedError, ValidationError } from "../errors.js";
import { isOwner, type DomainRecord } from "./domain.js";
import { getDomain } from "./policy.js";

// RFC 1035 labels after IDNA: letters, digits, inner hyphens; at least two labels; a non-numeric TLD.
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const DOMAIN_PATTERN = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)+(?=[a-z0-9-]*[a-z])${LABEL}$`);

/** A domain as the user typed it -> its lower-case ASCII (punycode) form, or a ValidationError. */
export function parseDomainName(raw: string, field = "name"): string {
  const name = normaliseDomain(raw ?? "");
  if (!DOMAIN_PATTERN.test(name)) throw new ValidationError("Enter a domain name such as example.com.", field);
  return name;
}

export const NOT_YOUR_DOMAIN = "You can only manage the domain of your own email address.";
export const OWNERS_ONLY = "Only an owner of this verified domain can do this.";

/**
 * Owners must be members, so only the caller's own email domain can ever be theirs to manage:
 * any other name is refused before it is looked up, and nothing about it leaks.
 */
export function requireOwnDomain(account: Account, name: string): void {
  if (name !== account.domain) throw new NotAllowedError(NOT_YOUR_DOMAIN);
}

/** The caller's own domain, verified, with the caller among its owners; else the matching refusal. */
export async function loadOwnedDomain(deps: Deps, account: Account, name: string): Promise<DomainRecord> {
  requireOwnDomain(account, name);
  const domain = await getDomain(deps, name);
  if (!domain?.verified) throw new DomainNotVerifiedError();
  if (!isOwner(domain, account.email)) throw new NotAllowedError(OWNERS_ONLY);
  return domain;
}

