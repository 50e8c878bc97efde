import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Account } from "../accounts/account.js";
import { toAccount } from "../accounts/accounts.js";
import { domainOf, normaliseEmail } from "../accounts/email.js";
import { domainStream, encodeCursor, pageSize, readAudit, type AuditEvent, type Page } from "../audit/audit.js";
import { keys } from "../db/keys.js";
import type { Deps } from "../deps.js";
import { ValidationError } from "../errors.js";
import { twoFactorStatus, type TwoFactorStatus } from "../two-factor/status.js";
import type { DomainRecord } from "./domain.js";
import { enforcementFor } from "./policy.js";

export interface DomainMember {
  account: Account;
  twoFactor: TwoFactorStatus;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const MEMBER_PREFIX = "MEMBER#";

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
 * The domain is passed in: one read for the whole page instead of one per member.
 */
export async function listDomainMembers(deps: Deps, domain: DomainRecord, args: PageArgs): Promise<Page<DomainMember>> {
  const limit = pageSize(args.first);
  const after = memberAfter(domain.name, args.after);
  const partition = keys.domainMembersPartition(domain.name);
  const out = await deps.db.doc.send(
    new QueryCommand({
      TableName: deps.db.table,
      IndexName: "GSI1",
      KeyConditionExpression: "GSI1PK = :pk AND begins_with(GSI1SK, :prefix)",
      ExpressionAttributeValues: { ":pk": partition, ":prefix": MEMBER_PREFIX },
      Limit: limit + 1,
      // A GSI's start key names the index key and the table key of the last item seen.
      ExclusiveStartKey: after ? { ...keys.account(after), ...keys.domainMember(domain.name, after) } : undefined,
    }),
  );
  const now = deps.clock.now();
  const items = (out.Items ?? [])
    .slice(0, limit)
    .map(toAccount)
    .filter((account): account is Account => Boolean(account))
    .map((account) => ({
      cursor: encodeCursor(`${MEMBER_PREFIX}${account.email}`),
      node: { account, twoFactor: twoFactorStatus(account, enforcementFor(domain, account, now)) },
    }));
  const hasNextPage = (out.Items?.length ?? 0) > limit;
  return { items, hasNextPage, endCursor: items.at(-1)?.cursor ?? null };
}

/** The domain's own audit stream (claims, proofs, policy, owners, resets), newest first. */
export function domainAuditLog(deps: Deps, name: string, args: PageArgs): Promise<Page<AuditEvent>> {
  return readAudit(deps, domainStream(name), args);
}
