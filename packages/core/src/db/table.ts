import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { MEMBER_ATTRIBUTES } from "./domain-members.js";

/**
 * Creates the single table when it does not exist (local only; in AWS the SST stack owns it).
 * The shape matches stacks/table.ts: PK/SK, one overloaded GSI, TTL on `expiresAt`. GSI1 (the
 * members list, its only reader) copies only the attributes that list reads: not the password
 * hash or anything else of an account's it does not show.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if ((error as { name?: string }).name !== "ResourceNotFoundException") throw error;
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: ["PK", "SK", "GSI1PK", "GSI1SK"].map((name) => ({ AttributeName: name, AttributeType: "S" })),
        KeySchema: [
          { AttributeName: "PK", KeyType: "HASH" },
          { AttributeName: "SK", KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: "GSI1",
            KeySchema: [
              { AttributeName: "GSI1PK", KeyType: "HASH" },
              { AttributeName: "GSI1SK", KeyType: "RANGE" },
            ],
            Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: [...MEMBER_ATTRIBUTES] },
          },
        ],
      }),
    );
  } catch (error) {
    // Two processes starting together: the other one created it.
    if ((error as { name?: string }).name !== "ResourceInUseException") throw error;
  }
}
