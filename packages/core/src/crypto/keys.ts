import { createHash } from "node:crypto";

/** One encryption key and the id that sealed values carry to name it. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/**
 * A key's id is a fingerprint of the key itself (SHA-256, first 8 hex digits), never a label an
 * operator types: the id in a sealed value then always names the key that really sealed it, and
 * the values sealed before rotation existed (same fingerprint) keep opening.
 */
export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/**
 * The current key and the retired ones that may still have sealed something. New writes use the
 * current key (the first); every key in the ring opens what it sealed.
 */
export class KeyRing {
  readonly current: EncryptionKey;
  readonly all: readonly EncryptionKey[];

  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new Error("the key ring needs at least one key");
    const all = keys.map((key) => {
      if (key.length !== 32) throw new Error("encryption keys must be 32 bytes");
      return { id: keyId(key), key };
    });
    const ids = new Set(all.map((k) => k.id));
    if (ids.size !== all.length) throw new Error("the same encryption key is listed twice");
    this.all = all;
    this.current = all[0]!;
  }

  find(id: string): EncryptionKey | undefined {
    return this.all.find((k) => k.id === id);
  }
}
