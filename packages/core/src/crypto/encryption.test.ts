// Sealed TOTP secrets: a forged short tag is refused, and keys rotate without losing what older
// keys sealed.
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { SecretBox } from "./encryption.js";
import { keyId, KeyRing } from "./keys.js";

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const AAD = "totp:user-1:factor-1";

test("a forged value with a 4-byte tag (2^32 tries to hit) is refused, not opened", () => {
  // What an attacker who can write the table could try: an empty ciphertext with a truncated tag.
  // They would search 2^32 tags for one that verifies; the test knows the key and makes it directly.
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", oldKey, iv);
  cipher.setAAD(Buffer.from(AAD));
  cipher.final();
  const shortTag = cipher.getAuthTag().subarray(0, 4);
  const forged = ["v1", keyId(oldKey), iv.toString("base64url"), shortTag.toString("base64url")].join(".");
  expect(() => new SecretBox(new KeyRing([oldKey])).open(forged, AAD)).toThrow();
});

test("a tampered ciphertext or a value moved to another record does not open", () => {
  const box = new SecretBox(new KeyRing([oldKey]));
  const sealed = box.seal("JBSWY3DPEHPK3PXP", AAD);
  expect(box.open(sealed, AAD)).toBe("JBSWY3DPEHPK3PXP");
  const parts = sealed.split(".");
  const body = Buffer.from(parts[3]!, "base64url");
  body[0]! ^= 1;
  expect(() => box.open([...parts.slice(0, 3), body.toString("base64url")].join("."), AAD)).toThrow();
  expect(() => box.open(sealed, "totp:user-2:factor-1")).toThrow();
});

test("after rotation, new secrets are sealed with the current key and the old key still opens what it sealed", () => {
  const before = new SecretBox(new KeyRing([oldKey]));
  const sealedBefore = before.seal("OLDSECRET", AAD);
  const after = new SecretBox(new KeyRing([newKey, oldKey]));
  expect(after.open(sealedBefore, AAD)).toBe("OLDSECRET");
  expect(after.isStale(sealedBefore)).toBe(true);
  const sealedAfter = after.seal("NEWSECRET", AAD);
  expect(sealedAfter.split(".")[1]).toBe(keyId(newKey));
  expect(after.isStale(sealedAfter)).toBe(false);
  // Once the old key is retired, only what the new key sealed opens.
  const retired = new SecretBox(new KeyRing([newKey]));
  expect(retired.open(sealedAfter, AAD)).toBe("NEWSECRET");
  expect(() => retired.open(sealedBefore, AAD)).toThrow(/unknown key/);
});

test("values sealed before key rotation existed (one ENCRYPTION_KEY) carry the id the ring gives that key", () => {
  // The id format of the single-key era: the first 8 hex digits of SHA-256 of the key.
  expect(keyId(oldKey)).toBe(createHash("sha256").update(oldKey).digest("hex").slice(0, 8));
});
