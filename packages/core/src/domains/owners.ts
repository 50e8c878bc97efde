import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { userRef, type Account } from "../accounts/account.js";
import { getAccount } from "../accounts/accounts.js";
import { domainOf, normaliseEmail } from "../accounts/email.js";
import { domainStream, recordAudit, userStream } from "../audit/audit.js";
import { isConditionFailed } from "../db/client.js";
import { keys } from "../db/keys.js";
import type { Deps } from "../deps.js";
import { NotAllowedError, ValidationError } from "../errors.js";
import type { Caller } from "../sessions/sessions.js";
import { loadOwnedDomain, OWNERS_ONLY, parseDomainName, requireAdminStepUp } from "./admin.js";
import { dropClaim } from "./claims.js";
import { toDomain, type DomainRecord } from "./domain.js";
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
  requireAdminStepUp(deps, caller);
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
  const updated = await updateOwners(deps, {
    name,
    UpdateExpression: "ADD owners :target",
    // Invariant: only a current owner of a verified domain adds owners.
    ConditionExpression: "verified = :yes AND contains(owners, :caller)",
    values: { ":target": new Set([email]), ":yes": true, ":caller": caller.account.email },
  });
  if (!updated) throw new NotAllowedError(OWNERS_ONLY);
  await audit(deps, "DOMAIN_OWNER_ADDED", caller.account, member, name);
  return updated;
}

/** Removes an owner (possibly the caller), never the last one: a verified domain always has someone in charge. */
export async function removeDomainOwner(deps: Deps, caller: Caller, input: DomainOwnerInput): Promise<DomainRecord> {
  const { name, email, domain } = await authorise(deps, caller, input);
  if (!domain.owners.includes(email)) throw new ValidationError("This person is not an owner of the domain.", "email");
  const updated = await updateOwners(deps, {
    name,
    UpdateExpression: "DELETE owners :target",
    // Invariant: a verified domain keeps at least one owner, and only a current owner removes one.
    ConditionExpression: "verified = :yes AND contains(owners, :caller) AND contains(owners, :email) AND size(owners) > :one",
    values: { ":target": new Set([email]), ":yes": true, ":caller": caller.account.email, ":email": email, ":one": 1 },
  });
  if (!updated) {
    // Tell apart why the condition failed, from the state that made it fail.
    const fresh = await getDomain(deps, name);
    if (!fresh?.owners.includes(caller.account.email)) throw new NotAllowedError(OWNERS_ONLY);
    if (!fresh.owners.includes(email)) throw new ValidationError("This person is not an owner of the domain.", "email");
    throw new NotAllowedError("A domain keeps at least one owner: add another owner before removing this one.");
  }
  const removed = await getAccount(deps, email);
  if (removed) await dropClaim(deps, name, removed.userId);
  await audit(deps, "DOMAIN_OWNER_REMOVED", caller.account, removed ?? { userId: "", email }, name);
  return updated;
}

/** One conditional update of the owner set; undefined when its condition failed. */
async function updateOwners(
  deps: Deps,
  update: { name: string; UpdateExpression: string; ConditionExpression: string; values: Record<string, unknown> },
): Promise<DomainRecord | undefined> {
  try {
    const { Attributes } = await deps.db.doc.send(
      new UpdateCommand({
        TableName: deps.db.table,
        Key: keys.domain(update.name),
        UpdateExpression: update.UpdateExpression,
        ConditionExpression: update.ConditionExpression,
        ExpressionAttributeValues: update.values,
        ReturnValues: "ALL_NEW",
      }),
    );
    return toDomain(Attributes)!;
  } catch (error) {
    if (isConditionFailed(error)) return undefined;
    throw error;
  }
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
