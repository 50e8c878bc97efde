import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { writeIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/** A pending proof of one user's control of a domain: the TXT value they must publish. */
export interface DomainClaim {
  name: string;
  userId: string;
  email: string;
  txtRecordName: string;
  txtRecordValue: string;
  createdAt: string;
  /** Epoch seconds: checked in code (dynalite never expires items; on AWS it is only the TTL cleanup). */
  expiresAt: number;
}

function toClaim(item: Record<string, unknown> | undefined): DomainClaim | undefined {
  if (!item || item.type !== "domainClaim") return undefined;
  const { PK: _pk, SK: _sk, type: _t, ...claim } = item;
  return claim as unknown as DomainClaim;
}

/** The user's claim on `name` as stored, expired or not (the caller judges expiry against its clock). */
export async function readClaim(db: Db, name: string, userId: string): Promise<DomainClaim | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.domainClaim(name, userId), ConsistentRead: true }));
  return toClaim(Item);
}

/** Stores `claim` unless its claimant has a live one (`now`: epoch seconds). False: a live claim is there. */
export function putClaimIfNoneLive(db: Db, claim: DomainClaim, now: number): Promise<boolean> {
  return writeIf(
    db,
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.domainClaim(claim.name, claim.userId), type: "domainClaim", ...claim },
      // Invariant: a live claim's token never changes (nobody else's claim is touched either), so
      // of parallel first claims one is stored and every one of them answers with it.
      ConditionExpression: "attribute_not_exists(PK) OR expiresAt <= :now",
      ExpressionAttributeValues: { ":now": now },
    }),
  );
}

/** Deletes the claim whose token DNS just showed. False: it was used up (or replaced) already. */
export function useUpClaim(db: Db, name: string, userId: string, token: string): Promise<boolean> {
  return writeIf(
    db,
    new DeleteCommand({
      TableName: db.table,
      Key: keys.domainClaim(name, userId),
      // Invariant: a claim proves ownership once (the one whose token DNS just showed).
      ConditionExpression: "txtRecordValue = :token",
      ExpressionAttributeValues: { ":token": token },
    }),
  );
}

/** Deletes the user's claim on `name`, live or not (an owner's removal: they must prove the domain afresh). */
export async function deleteClaim(db: Db, name: string, userId: string): Promise<void> {
  await db.doc.send(new DeleteCommand({ TableName: db.table, Key: keys.domainClaim(name, userId) }));
}
