/**
 * The single table (packages/core/src/db/README.md): PK/SK, one overloaded GSI, and TTL on
 * `expiresAt` (epoch seconds) so AWS cleans up expired challenges, sessions and counters. The code
 * checks expiry itself; TTL is only the sweeper. The local store gets the same shape from
 * packages/core/src/db/table.ts (ensureTable); scripts/infra.test.ts keeps the two in step.
 *
 * The stage that protects its data (`protect` in sst.config.ts, the production stage) also refuses
 * DeleteTable; every stage keeps 35 days of point-in-time recovery (docs/ops.md: restoring).
 */
export const table = new sst.aws.Dynamo("Table", {
  fields: { PK: "string", SK: "string", GSI1PK: "string", GSI1SK: "string" },
  primaryIndex: { hashKey: "PK", rangeKey: "SK" },
  // GSI1 (the members list) copies only what that list shows: MEMBER_ATTRIBUTES in packages/core/src/db/domain-members.ts.
  globalIndexes: {
    GSI1: {
      hashKey: "GSI1PK",
      rangeKey: "GSI1SK",
      projection: ["type", "userId", "email", "domain", "createdAt", "twoFactorEnabled", "factors", "backupCodes", "emailVerified"],
    },
  },
  ttl: "expiresAt",
  deletionProtection: $app.protect,
  // SST 4.17 turns point-in-time recovery on for every table; said here so that no upgrade can
  // quietly drop it, and so the infra test can see it.
  transform: { table: { pointInTimeRecovery: { enabled: true } } },
  // New items (the email outbox among them) go to the notifier function: stacks/notifier.ts.
  stream: "new-image",
});
