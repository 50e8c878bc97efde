import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { writeIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/** The credential ownership item (`CREDENTIAL#<credentialId>`): which account's factor a WebAuthn credential id belongs to. */
export interface CredentialOwner {
  type: "webAuthnCredential";
  credentialId: string;
  userId: string;
  email: string;
  factorId: string;
  createdAt: string;
}

export async function getCredentialOwner(db: Db, credentialId: string): Promise<CredentialOwner | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.webAuthnCredential(credentialId), ConsistentRead: true }));
  return Item?.type === "webAuthnCredential" ? (Item as unknown as CredentialOwner) : undefined;
}

function putOwner(db: Db, owner: Omit<CredentialOwner, "type">, condition: string, values: Record<string, unknown>): Promise<boolean> {
  return writeIf(db, new PutCommand({
    TableName: db.table,
    Item: { ...keys.webAuthnCredential(owner.credentialId), type: "webAuthnCredential", ...owner },
    ConditionExpression: condition,
    ExpressionAttributeValues: values,
  }));
}

/** Claims a credential id for a factor; false when another factor (of any account) owns it. */
export async function claimCredentialId(db: Db, owner: Omit<CredentialOwner, "type">): Promise<boolean> {
  // Invariant: a credential id is owned by one factor of one account; retrying the same enrolment is idempotent.
  return putOwner(db, owner, "attribute_not_exists(PK) OR factorId = :factorId", { ":factorId": owner.factorId });
}

/** Takes over a claim its account left orphaned (an enrolment stopped between its two writes); false when it changed meanwhile. */
export async function takeOverOrphanedCredentialId(db: Db, owner: Omit<CredentialOwner, "type">, orphanFactorId: string): Promise<boolean> {
  // Invariant: only the orphaned claim read before is replaced, never one written meanwhile.
  return putOwner(db, owner, "userId = :userId AND factorId = :orphan", { ":userId": owner.userId, ":orphan": orphanFactorId });
}

/** Frees a credential id when its factor goes, so the key can be registered again (here or elsewhere). */
export async function releaseCredentialId(db: Db, credentialId: string, factorId: string): Promise<void> {
  await writeIf(
    db,
    new DeleteCommand({
      TableName: db.table,
      Key: keys.webAuthnCredential(credentialId),
      // Invariant: only the factor that owns a credential id releases it.
      ConditionExpression: "factorId = :factorId",
      ExpressionAttributeValues: { ":factorId": factorId },
    }),
  );
}
