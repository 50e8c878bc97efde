import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { updateIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/** A domain record: one item per domain name, holding its proof, owners and 2FA policy. */
export interface DomainRecord {
  name: string;
  verified: boolean;
  verifiedAt?: string;
  /**
   * Owners by email (normalised); a verified domain keeps at least one. Stored as a string set so
   * adding and removing an owner are single atomic ADD/DELETE updates.
   */
  owners: string[];
  enforceTwoFactor: boolean;
  gracePeriodDays: number;
  /** When enforcement was last switched on: the start of every member's grace period. */
  enforcedAt?: string;
  createdAt: string;
}

/** The fields of a policy change the owner gave, and only those (see setPolicy). */
export interface PolicyChange {
  enforce: boolean;
  /** Left out: the stored grace period stays. */
  gracePeriodDays?: number;
  now: string;
}

export function toDomain(item: Record<string, unknown> | undefined): DomainRecord | undefined {
  if (!item || item.type !== "domain") return undefined;
  const { PK: _pk, SK: _sk, type: _t, owners, ...domain } = item;
  const ownerList = owners instanceof Set ? [...owners] : Array.isArray(owners) ? owners : [];
  return { ...(domain as unknown as DomainRecord), owners: (ownerList as string[]).sort() };
}

/** The domain as it stands, strongly consistent (owner checks and policy are judged on it). */
export async function readDomain(db: Db, name: string): Promise<DomainRecord | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.domain(name), ConsistentRead: true }));
  return toDomain(Item);
}

/** One conditional update of the domain item, answering the item after it; undefined when the condition failed. */
async function updateDomain(
  db: Db,
  name: string,
  update: Omit<ConstructorParameters<typeof UpdateCommand>[0], "TableName" | "Key" | "ReturnValues">,
): Promise<DomainRecord | undefined> {
  const item = await updateIf(db, new UpdateCommand({ TableName: db.table, Key: keys.domain(name), ReturnValues: "ALL_NEW", ...update }));
  return item && toDomain(item);
}

/**
 * A proven claimant joins the owners: creates the domain item (verified, no policy) or marks it
 * verified, keeping its owners and policy. Undefined when they were an owner already (a parallel
 * verification by the same claimant added them first).
 */
export function joinOwners(db: Db, name: string, email: string, now: string): Promise<DomainRecord | undefined> {
  return updateDomain(db, name, {
    UpdateExpression:
      "SET #type = :domain, #name = :name, verified = :yes, verifiedAt = if_not_exists(verifiedAt, :now), " +
      "createdAt = if_not_exists(createdAt, :now), enforceTwoFactor = if_not_exists(enforceTwoFactor, :no), " +
      "gracePeriodDays = if_not_exists(gracePeriodDays, :zero) ADD owners :me",
    // Invariant: a proof only ever adds its own claimant, once; it never replaces the owners or the policy.
    ConditionExpression: "attribute_not_exists(PK) OR (#type = :domain AND NOT contains(owners, :email))",
    ExpressionAttributeNames: { "#type": "type", "#name": "name" },
    ExpressionAttributeValues: {
      ":domain": "domain",
      ":name": name,
      ":yes": true,
      ":no": false,
      ":zero": 0,
      ":now": now,
      ":me": new Set([email]),
      ":email": email,
    },
  });
}

/** `by` adds `email` to the owners. Undefined when `by` is not (or no longer) an owner of the verified domain. */
export function addOwner(db: Db, name: string, by: string, email: string): Promise<DomainRecord | undefined> {
  return updateDomain(db, name, {
    UpdateExpression: "ADD owners :target",
    // Invariant: only a current owner of a verified domain adds owners.
    ConditionExpression: "verified = :yes AND contains(owners, :by)",
    ExpressionAttributeValues: { ":target": new Set([email]), ":yes": true, ":by": by },
  });
}

/**
 * `by` removes `email` from the owners, never the last one. Undefined when the condition failed:
 * `by` is no longer an owner, `email` is not one, or `email` is the last (re-read to tell which).
 */
export function removeOwner(db: Db, name: string, by: string, email: string): Promise<DomainRecord | undefined> {
  return updateDomain(db, name, {
    UpdateExpression: "DELETE owners :target",
    // Invariant: a verified domain keeps at least one owner, and only a current owner removes one.
    ConditionExpression: "verified = :yes AND contains(owners, :by) AND contains(owners, :email) AND size(owners) > :one",
    ExpressionAttributeValues: { ":target": new Set([email]), ":yes": true, ":by": by, ":email": email, ":one": 1 },
  });
}

/**
 * `by` sets the 2FA policy, writing only the fields given: writing back a value read earlier would
 * undo another owner's change made in between (one sets the grace period while this one only
 * switches enforcement). Switching on starts the grace period once (`enforcedAt`); switching off
 * clears it. Undefined when `by` is not (or no longer) an owner of the verified domain.
 */
export function setPolicy(db: Db, name: string, by: string, change: PolicyChange): Promise<DomainRecord | undefined> {
  const set = [change.enforce ? "enforceTwoFactor = :yes" : "enforceTwoFactor = :no"];
  const values: Record<string, unknown> = change.enforce ? { ":now": change.now } : { ":no": false };
  if (change.gracePeriodDays !== undefined) {
    set.push("gracePeriodDays = :grace");
    values[":grace"] = change.gracePeriodDays;
  }
  if (change.enforce) set.push("enforcedAt = if_not_exists(enforcedAt, :now)");
  return updateDomain(db, name, {
    UpdateExpression: `SET ${set.join(", ")}${change.enforce ? "" : " REMOVE enforcedAt"}`,
    // Invariant: only a current owner of a verified domain sets its policy (an owner removed meanwhile loses).
    ConditionExpression: "verified = :yes AND contains(owners, :by)",
    ExpressionAttributeValues: { ":yes": true, ":by": by, ...values },
  });
}
