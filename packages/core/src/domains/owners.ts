import { userRef, type Account } from "../accounts/account.js";
import { getAccount } from "../accounts/accounts.js";
import { domainOf, normaliseEmail } from "../accounts/email.js";
import { domainStream, recordAudit, userStream } from "../audit/audit.js";
import { deleteClaim } from "../db/domain-claims.js";
import { addOwner, removeOwner } from "../db/domains.js";
import type { Deps } from "../deps.js";
import { NotAllowedError, ValidationError } from "../errors.js";
import type { Caller } from "../sessions/sessions.js";
import { loadOwnedDomain, OWNERS_ONLY, parseDomainName } from "./admin.js";
import { requireAdministrator } from "../access/guards.js";
import type { DomainRecord } from "./domain.js";
import { getDomain } from "./policy.js";

export interface DomainOwnerInput {
  name: string;
  email: string;
}

/** The caller may administer the domain; returns the normalised names involved. */
async function authorise(deps: Deps, caller: Caller, input: DomainOwnerInput) {
  const name = parseDomainName(input.name);
  const email = normaliseEmail(input.email);
  const domain = await loadOwnedDomain(deps, caller.account, name);
  requireAdministrator(deps, caller);
  return { name, email, domain };
}

/**
 * Makes a member a co-owner. Only members can be owners: the account must exist and its email must
 * be on this domain (owners can already see every member, so saying "not a member" leaks nothing).
 */
export async function addDomainOwner(deps: Deps, caller: Caller, input: DomainOwnerInput): Promise<DomainRecord> {
  const { name, email, domain } = await authorise(deps, caller, input);
  const member = domainOf(email) === name ? await getAccount(deps, email) : undefined;
  if (!member) throw new ValidationError(`Only a member (an account with an @${name} email) can be an owner.`, "email");
  if (domain.owners.includes(email)) return domain;
  requireEligibleOwner(member);
  const updated = await addOwner(deps.db, name, caller.account.email, email);
  if (!updated) throw new NotAllowedError(OWNERS_ONLY);
  await audit(deps, "DOMAIN_OWNER_ADDED", caller.account, member, name);
  return updated;
}

/**
 * Who may be made an owner: someone who could pass the administrator's own checks. An owner
 * without 2FA could never administer (requireAdministrator), and adding one would only make a
 * password-only account look trusted.
 */
function requireEligibleOwner(member: Account): void {
  // Only a proven address may run a domain: an unverified sign-up could be anyone's.
  if (!member.emailVerified) throw new NotAllowedError("This person has not verified their email address yet: they must open the link we emailed them first.");
  if (!member.twoFactorEnabled) {
    throw new ValidationError("The new owner must turn on two-factor authentication first.", "email");
  }
}

/** Removes an owner (possibly the caller), never the last one: a verified domain always has someone in charge. */
export async function removeDomainOwner(deps: Deps, caller: Caller, input: DomainOwnerInput): Promise<DomainRecord> {
  const { name, email, domain } = await authorise(deps, caller, input);
  if (!domain.owners.includes(email)) throw new ValidationError("This person is not an owner of the domain.", "email");
  const updated = await removeOwner(deps.db, name, caller.account.email, email);
  if (!updated) {
    // Tell apart why the condition failed, from the state that made it fail.
    const fresh = await getDomain(deps, name);
    if (!fresh?.owners.includes(caller.account.email)) throw new NotAllowedError(OWNERS_ONLY);
    if (!fresh.owners.includes(email)) throw new ValidationError("This person is not an owner of the domain.", "email");
    throw new NotAllowedError("A domain keeps at least one owner: add another owner before removing this one.");
  }
  const removed = await getAccount(deps, email);
  // A removed owner proves the domain afresh (a new token, published anew) to come back, not with
  // a claim left over from before.
  if (removed) await deleteClaim(deps.db, name, removed.userId);
  await audit(deps, "DOMAIN_OWNER_REMOVED", caller.account, removed ?? { userId: "", email }, name);
  return updated;
}

async function audit(
  deps: Deps,
  action: "DOMAIN_OWNER_ADDED" | "DOMAIN_OWNER_REMOVED",
  actor: Account,
  subject: Pick<Account, "userId" | "email">,
  name: string,
): Promise<void> {
  const streams = [domainStream(name), userStream(actor.userId)];
  if (subject.userId && subject.userId !== actor.userId) streams.push(userStream(subject.userId));
  await recordAudit(deps, { action, actor: userRef(actor), subject: userRef(subject), detail: name }, streams);
}
