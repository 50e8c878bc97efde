import type { Account } from "../accounts/account.js";
import { getAccounts } from "../accounts/accounts.js";
import type { Deps } from "../deps.js";
import type { Page } from "./audit.js";
import type { AuditEvent } from "./event.js";

/** An audit event, with the users its page names (actors and subjects), looked up once per page. */
export interface AuditEventWithUsers extends AuditEvent {
  /** The accounts of every actor and subject of this event's page, by email (a gone account is absent). */
  pageUsers(): Promise<Map<string, Account>>;
}

/**
 * Gives every event of a page one shared lookup of the users the page names: the first event whose
 * actor or subject is asked for reads them all in one BatchGet (up to 100 accounts a request), and
 * the rest of the page waits on that same read. Nothing is read when no one asks.
 */
export function withPageUsers(deps: Deps, page: Page<AuditEvent>): Page<AuditEventWithUsers> {
  const emails = new Set<string>();
  for (const { node } of page.items) {
    if (node.actor) emails.add(node.actor.email);
    if (node.subject) emails.add(node.subject.email);
  }
  let loaded: Promise<Map<string, Account>> | undefined;
  const pageUsers = () => (loaded ??= getAccounts(deps, [...emails]));
  return { ...page, items: page.items.map(({ cursor, node }) => ({ cursor, node: { ...node, pageUsers } })) };
}
