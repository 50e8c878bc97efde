import type { Account } from "../accounts/account.js";
import { domainOf, normaliseEmail } from "../accounts/email.js";
import { domainStream, encodeCursor, pageSize, readAudit, type Page } from "../audit/audit.js";
import { withPageUsers, type AuditEventWithUsers } from "../audit/named-users.js";
import { queryMembers, type MemberRecord } from "../db/domain-members.js";
import { keys } from "../db/keys.js";
import type { Deps } from "../deps.js";
import { ValidationError } from "../errors.js";
import { twoFactorStatus, type TwoFactorStatus } from "../two-factor/status.js";
import type { DomainRecord } from "./domain.js";
import { enforcementFor } from "./policy.js";

export interface DomainMember {
  /** The account as the members index holds it: no password hash, no session state (see MEMBER_ATTRIBUTES). */
  account: MemberRecord;
  twoFactor: TwoFactorStatus;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const MEMBER_PREFIX = keys.domainMemberPrefix;

/** A members cursor is the last member's email; anything else (or another domain's member) is refused. */
function memberAfter(domain: string, after: string | null | undefined): string | undefined {
  if (!after) return undefined;
  const decoded = Buffer.from(after, "base64url").toString("utf8");
  try {
    const email = normaliseEmail(decoded.startsWith(MEMBER_PREFIX) ? decoded.slice(MEMBER_PREFIX.length) : "");
    if (domainOf(email) === domain) return email;
  } catch {
    // falls through to the refusal below
  }
  throw new ValidationError("That cursor is not valid.", "after");
}

/**
 * The domain's members by email (GSI1: every account carries DOMAIN#<name> / MEMBER#<email>), each
 * with their 2FA state judged against the domain's policy, so an admin sees who still has to enrol.
 * The domain is passed in: one read for the whole page instead of one per member. Accounts on a
 * public mail domain are not in the index (member-index.ts), and no such domain can be verified.
 */
export async function listDomainMembers(deps: Deps, domain: DomainRecord, args: PageArgs): Promise<Page<DomainMember>> {
  const limit = pageSize(args.first);
  const after = memberAfter(domain.name, args.after);
  const { members, more } = await queryMembers(deps.db, domain.name, { after, size: limit });
  const now = deps.clock.now();
  const items = members.map((account) => ({
    cursor: encodeCursor(`${MEMBER_PREFIX}${account.email}`),
    // twoFactorStatus reads only twoFactorEnabled, factors and backupCodes, all of them in the index.
    node: { account, twoFactor: twoFactorStatus(account as Account, enforcementFor(domain, account, now)) },
  }));
  return { items, hasNextPage: more, endCursor: items.at(-1)?.cursor ?? null };
}

/** The domain's own audit stream (claims, proofs, policy, owners, resets), newest first. */
/** A domain's events, newest first, each able to name its users with one read for the whole page. */
export async function domainAuditLog(deps: Deps, name: string, args: PageArgs): Promise<Page<AuditEventWithUsers>> {
  return withPageUsers(deps, await readAudit(deps, domainStream(name), args));
}
