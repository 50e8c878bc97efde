// Retiring an encryption key: scripts/reencrypt.ts re-seals every TOTP secret under the current
// key, after which a server without the old key still signs its users in.
import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { GetCommand, ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { loadKeyRing } from "../packages/core/src/config.js";
import { SecretBox } from "../packages/core/src/crypto/encryption.js";
import { keyId } from "../packages/core/src/crypto/keys.js";
import { createDb, type Db } from "../packages/core/src/db/client.js";
import { startTestServer } from "@access-identity/testing/server";
import { COMPLETE_SIGN_IN, ENROL_TOTP } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, signUpUser, startSignIn } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";
import { reencryptTotpSecrets } from "./reencrypt.js";

const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");

test("after re-encryption the old key can be retired: TOTP sign-in works with the new key alone", async () => {
  const before = await startTestServer({ env: { ENCRYPTION_KEY: oldKey } });
  try {
    const user = await signUpUser(before);
    const { secret } = await enableTotpTwoFactor(before, user);
    const pendingUser = await signUpUser(before);
    expect((await before.gql(ENROL_TOTP, {}, { token: pendingUser.token })).data.startTotpEnrolment.__typename).toBe("TotpEnrolment");

    const db = createDb({ tableName: before.server.deps.config.tableName, endpoint: before.server.dynamoEndpoint, region: "us-east-1" });
    const ring = loadKeyRing(`${newKey},${oldKey}`, undefined)!;
    try {
      const first = await reencryptTotpSecrets(db, new SecretBox(ring));
      expect(first).toEqual({ resealed: 2, alreadyCurrent: 0, changedMeanwhile: 0, unreadable: [] });
      // Every sealed value now names the new key; running again finds nothing stale.
      const items = (await db.doc.send(new ScanCommand({ TableName: db.table }))).Items ?? [];
      const sealed = JSON.stringify(items).match(/"v1\.[0-9a-f]{8}\./g) ?? [];
      expect(sealed.length).toBe(2);
      for (const value of sealed) expect(value).toBe(`"v1.${keyId(Buffer.from(newKey, "base64"))}.`);
      expect(await reencryptTotpSecrets(db, new SecretBox(ring))).toEqual({ resealed: 0, alreadyCurrent: 2, changedMeanwhile: 0, unreadable: [] });
    } finally {
      db.raw.destroy();
    }

    const after = await startTestServer({ env: { ENCRYPTION_KEY: "", ENCRYPTION_KEYS: newKey, AWS_ENDPOINT_URL_DYNAMODB: before.server.dynamoEndpoint } });
    try {
      after.clock.advance(120);
      const challengeId = await startSignIn(after, user.email);
      const res = await after.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(secret, after.clock.now()) } });
      expect(res.data.completeSignIn.__typename).toBe("SignedIn");
    } finally {
      await after.close();
    }
  } finally {
    await before.close();
  }
});

test("a secret sealed with a key that is no longer listed is reported by where it is, and fails the run", async () => {
  const before = await startTestServer({ env: { ENCRYPTION_KEY: oldKey } });
  try {
    const user = await signUpUser(before);
    await enableTotpTwoFactor(before, user);
    const db = createDb({ tableName: before.server.deps.config.tableName, endpoint: before.server.dynamoEndpoint, region: "us-east-1" });
    try {
      const report = await reencryptTotpSecrets(db, new SecretBox(loadKeyRing(newKey, undefined)!));
      expect(report.resealed).toBe(0);
      expect(report.unreadable).toEqual([expect.stringMatching(/^ACCOUNT#.* factor /)]);
    } finally {
      db.raw.destroy();
    }
  } finally {
    await before.close();
  }
});

test("a secret rewritten between the scan and the re-seal (a parallel run, a re-enrolment) is kept, not overwritten", async () => {
  const before = await startTestServer({ env: { ENCRYPTION_KEY: oldKey } });
  try {
    const user = await signUpUser(before);
    const { factorId } = await enableTotpTwoFactor(before, user);
    const db = createDb({ tableName: before.server.deps.config.tableName, endpoint: before.server.dynamoEndpoint, region: "us-east-1" });
    const box = new SecretBox(loadKeyRing(`${newKey},${oldKey}`, undefined)!);
    const meanwhile = box.seal("WRITTEN-MEANWHILE", `totp:${user.userId}:${factorId}`);
    // The real store, with another writer getting in just before this run's first write.
    let raced = false;
    const racing: Db = {
      ...db,
      doc: {
        send: async (command: any) => {
          if (command instanceof UpdateCommand && !raced) {
            raced = true;
            await db.doc.send(
              new UpdateCommand({
                TableName: db.table,
                Key: command.input.Key,
                UpdateExpression: "SET factors.#f.#d.secretSealed = :v",
                ExpressionAttributeNames: { "#f": factorId, "#d": "data" },
                ExpressionAttributeValues: { ":v": meanwhile },
              }),
            );
          }
          return db.doc.send(command);
        },
      } as unknown as Db["doc"],
    };
    try {
      expect(await reencryptTotpSecrets(racing, box)).toEqual({ resealed: 0, alreadyCurrent: 0, changedMeanwhile: 1, unreadable: [] });
      const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: { PK: `ACCOUNT#${user.email}`, SK: "ACCOUNT" } }));
      expect(Item!.factors[factorId].data.secretSealed).toBe(meanwhile);
    } finally {
      db.raw.destroy();
    }
  } finally {
    await before.close();
  }
});
