import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Account } from "../accounts/account.js";
import type { Db } from "./client.js";
import { keys } from "./keys.js";

/**
 * What GSI1 copies of each account (its INCLUDE projection, besides the keys): exactly what the
 * members list shows, a member and their 2FA state under the domain's policy. Not the password
 * hash, the WebAuthn user handle, spent backup codes or session state. `emailVerified` is shown:
 * only verified addresses count for a domain. (`factors` is one map
 * attribute, so each factor's `data` comes with its label: a projection cannot split a map.)
 * stacks/table.ts declares the same list for AWS.
 */
export const MEMBER_ATTRIBUTES = [
  "type",
  "userId",
  "email",
  "domain",
  "createdAt",
  "twoFactorEnabled",
  "factors",
  "backupCodes",
  "emailVerified",
] as const;

/** An account as the members index holds it. */
export type MemberRecord = Pick<Account, Exclude<(typeof MEMBER_ATTRIBUTES)[number], "type">>;

function toMember(item: Record<string, unknown>): MemberRecord | undefined {
  if (item.type !== "account") return undefined;
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, type: _t, ...member } = item;
  return member as unknown as MemberRecord;
}

/**
 * One page of a domain's members by email, after the member `after` (an email) when given, and
 * whether more follow. A Query page stops at 1 MB whatever its Limit, so this keeps reading from
 * LastEvaluatedKey until it holds one member more than the page (that one only says "more") or
 * the index has no more.
 */
export async function queryMembers(db: Db, domain: string, page: { after?: string; size: number }): Promise<{ members: MemberRecord[]; more: boolean }> {
  const wanted = page.size + 1;
  const found: MemberRecord[] = [];
  // A GSI's start key names the index key and the table key of the last item seen.
  let start: Record<string, unknown> | undefined = page.after ? { ...keys.account(page.after), ...keys.domainMember(domain, page.after) } : undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk AND begins_with(GSI1SK, :prefix)",
        ExpressionAttributeValues: { ":pk": keys.domainMembersPartition(domain), ":prefix": keys.domainMemberPrefix },
        Limit: wanted - found.length,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) {
      const member = toMember(item);
      if (member) found.push(member);
    }
    start = out.LastEvaluatedKey;
  } while (start && found.length < wanted);
  return { members: found.slice(0, page.size), more: found.length > page.size };
}
