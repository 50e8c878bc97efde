import {
  domainStream,
  findAuditEvent,
  isOwner,
  listDomainMembers,
  userStream,
  type DomainMember,
  type DomainRecord,
} from "@access-identity/core";
import { isHeldForEnrolment } from "../builder.js";
import type { Context } from "../context.js";
import { statusFor } from "./accounts.js";
import { decodeDomainId, domainVisibleTo } from "./domains.js";
import { registerNode } from "./node.js";

/**
 * Who may refetch what by `node(id)`: the same rules as the fields that show each object. A user
 * sees their own account, factors and events; the owners of a verified domain see that domain, its
 * members (with their factors) and its own events. A session held for enrolment sees only itself.
 * SessionInfo registers itself in sessions.ts (prefix `ses`).
 */

/** The caller's domain when they own it and it is verified (owners only exist once it is). */
function ownedDomain(context: Context): DomainRecord | undefined {
  const { caller } = context;
  const domain = caller?.domain;
  if (!caller || !domain?.verified || isHeldForEnrolment(context) || !isOwner(domain, caller.account.email)) return undefined;
  return domain;
}

/** A member of the caller's owned domain matching `test`, walking the members index a page at a time. */
async function findMember(context: Context, test: (member: DomainMember) => boolean): Promise<DomainMember | undefined> {
  const domain = ownedDomain(context);
  if (!domain) return undefined;
  let after: string | null = null;
  do {
    const page = await listDomainMembers(context.deps, domain, { first: 100, after });
    const found = page.items.find((item) => test(item.node));
    if (found) return found.node;
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
  return undefined;
}

registerNode("usr", "User", async (context, id) => {
  if (context.caller!.account.userId === id) return context.caller!.account;
  return (await findMember(context, (m) => m.account.userId === id))?.account;
});

registerNode("fac", "Factor", async (context, id) => {
  const own = (await statusFor(context, context.caller!.account)).factors.find((f) => f.id === id);
  if (own) return own;
  const member = await findMember(context, (m) => m.twoFactor.factors.some((f) => f.id === id));
  return member?.twoFactor.factors.find((f) => f.id === id);
});

registerNode("evt", "AuditEvent", async (context, id) => {
  const { deps, caller } = context;
  if (isHeldForEnrolment(context)) return undefined;
  const own = await findAuditEvent(deps, userStream(caller!.account.userId), id);
  if (own) return own;
  const domain = ownedDomain(context);
  return domain ? findAuditEvent(deps, domainStream(domain.name), id) : undefined;
});

registerNode("dom", "Domain", async (context, id) => {
  const name = decodeDomainId(id);
  return name && !isHeldForEnrolment(context) ? domainVisibleTo(context, name) : undefined;
});
