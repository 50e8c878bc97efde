import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { sendIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/** The passkey ceremony item (`PASSKEY#<challenge>`): a discoverable sign-in's challenge, single use. */

export async function putPasskeyCeremony(db: Db, challenge: string, expiresAt: number): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.passkeyCeremony(challenge), type: "passkeyCeremony", expiresAt },
      // Invariant: a random challenge never revives a used one.
      ConditionExpression: "attribute_not_exists(PK)",
    }),
  );
}

/** Deletes the ceremony; its expiry (epoch seconds) when this request used it, undefined when unknown or used. */
export async function consumePasskeyCeremony(db: Db, challenge: string): Promise<{ expiresAt: number } | undefined> {
  const out = await sendIf(
    db,
    new DeleteCommand({
      TableName: db.table,
      Key: keys.passkeyCeremony(challenge),
      // Invariant: a passkey challenge is answered once, even by requests racing each other.
      ConditionExpression: "#type = :ceremony",
      ExpressionAttributeNames: { "#type": "type" },
      ExpressionAttributeValues: { ":ceremony": "passkeyCeremony" },
      ReturnValues: "ALL_OLD",
    }),
  );
  return out && { expiresAt: Number(out.attributes?.expiresAt ?? 0) };
}
