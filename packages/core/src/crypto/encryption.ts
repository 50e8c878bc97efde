import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { KeyRing } from "./keys.js";

/** GCM's full tag. Pinned: a shorter tag accepted on open would make forgeries cheap (2^32 tries for 4 bytes). */
const TAG_BYTES = 16;
const IV_BYTES = 12;

/**
 * AES-256-GCM for secrets that must be read back (TOTP seeds). The stored form names the key
 * that sealed it, so keys can be rotated: `v1.<keyId>.<iv>.<ciphertext+tag>`. The associated
 * data binds a ciphertext to the record it belongs to, so it cannot be moved to another one.
 * Seals with the ring's current key; opens with whichever key of the ring the value names.
 */
export class SecretBox {
  constructor(private readonly keys: KeyRing) {}

  /** The id of the key new values are sealed with. */
  get keyId(): string {
    return this.keys.current.id;
  }

  seal(plaintext: string, associatedData: string): string {
    const { id, key } = this.keys.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
    return ["v1", id, iv.toString("base64url"), body.toString("base64url")].join(".");
  }

  open(sealed: string, associatedData: string): string {
    const { keyId, iv, body } = parseSealed(sealed);
    const found = this.keys.find(keyId);
    if (!found) throw new Error(`secret sealed with unknown key ${keyId}`);
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new Error("malformed sealed secret");
    const tag = body.subarray(body.length - TAG_BYTES);
    const decipher = createDecipheriv("aes-256-gcm", found.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  }

  /** True when `sealed` names a key other than the current one: re-encryption should reseal it. */
  isStale(sealed: string): boolean {
    return parseSealed(sealed).keyId !== this.keys.current.id;
  }
}

function parseSealed(sealed: string): { keyId: string; iv: Buffer; body: Buffer } {
  const [version, keyId, ivText, bodyText, ...rest] = sealed.split(".");
  if (version !== "v1" || !keyId || !ivText || !bodyText || rest.length > 0) throw new Error("unrecognised sealed secret");
  return { keyId, iv: Buffer.from(ivText, "base64url"), body: Buffer.from(bodyText, "base64url") };
}
