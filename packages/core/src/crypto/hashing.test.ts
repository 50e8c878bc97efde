// The keyed hashes of short codes (SMS, backup codes): the pepper is not the encryption key, and
// rotating the encryption key does not strand the backup codes hashed before.
import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { CODE_HASH_INFO, CodeHasher } from "./hashing.js";
import { KeyRing } from "./keys.js";

const oldKey = randomBytes(32);
const newKey = randomBytes(32);

test("the code-hash pepper is derived under its own label, never the encryption key itself", () => {
  const hash = new CodeHasher(new KeyRing([oldKey])).hash("backup:user-1", "abcd2345ef");
  const withRawKey = createHmac("sha256", oldKey).update("backup:user-1").update("\0").update("abcd2345ef").digest("base64url");
  expect(hash).not.toBe(withRawKey);
  const pepper = Buffer.from(hkdfSync("sha256", oldKey, Buffer.alloc(0), CODE_HASH_INFO, 32));
  expect(hash).toBe(createHmac("sha256", pepper).update("backup:user-1").update("\0").update("abcd2345ef").digest("base64url"));
});

test("backup codes stored by the single-key release still verify: the derivation did not change", () => {
  // Made with the CodeHasher of the release before key rotation, key = 32 bytes of 7.
  const stored = "FmlQzF3ri5hEufHODacaAqn2KSJyhIXv-7k1AchC2Os";
  expect(new CodeHasher(new KeyRing([Buffer.alloc(32, 7)])).matches("backup:user-1", "abcd2345ef", stored)).toBe(true);
});

test("a backup code hashed under the old key still verifies after rotation; new hashes use the new key", () => {
  const stored = new CodeHasher(new KeyRing([oldKey])).hash("backup:user-1", "abcd2345ef");
  const rotated = new CodeHasher(new KeyRing([newKey, oldKey]));
  expect(rotated.matches("backup:user-1", "abcd2345ef", stored)).toBe(true);
  expect(rotated.candidates("backup:user-1", "abcd2345ef")).toContain(stored);
  expect(rotated.hash("backup:user-1", "abcd2345ef")).not.toBe(stored);
  expect(rotated.matches("backup:user-1", "abcd2345eg", stored)).toBe(false);
  expect(rotated.matches("backup:user-2", "abcd2345ef", stored)).toBe(false);
});
