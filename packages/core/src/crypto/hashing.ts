import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { KeyRing } from "./keys.js";

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

/** Constant-time equality of two strings (lengths are not secret here: all are fixed-size digests). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The HKDF label of the code-hash pepper: its own, so the pepper is never the encryption key itself. */
export const CODE_HASH_INFO = "access-identity/code-hash/v1";

/**
 * Short codes (SMS, backup codes) have too little entropy for a bare hash to protect them if the
 * table leaks, so they are keyed with a pepper derived (HKDF, its own label) from an encryption
 * key, which lives outside the table. Each key of the ring yields its own pepper: new hashes use
 * the current key's, and stored hashes made under an older key still verify through
 * `candidates`, because a hash, unlike a sealed secret, cannot be re-made without the code (backup
 * codes persist until used or replaced).
 */
export class CodeHasher {
  private readonly peppers: Buffer[];

  constructor(keys: KeyRing) {
    this.peppers = keys.all.map(({ key }) => Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), CODE_HASH_INFO, 32)));
  }

  /** The hash to store: under the current key's pepper. */
  hash(purpose: string, code: string): string {
    return hmac(this.peppers[0]!, purpose, code);
  }

  /** Every hash this code may have been stored as, current key first: to look up or compare. */
  candidates(purpose: string, code: string): string[] {
    return this.peppers.map((pepper) => hmac(pepper, purpose, code));
  }

  /** Constant-time check of a code against a stored hash made under any key of the ring. */
  matches(purpose: string, code: string, storedHash: string): boolean {
    return this.candidates(purpose, code).reduce((found, candidate) => safeEqual(candidate, storedHash) || found, false);
  }
}

function hmac(pepper: Buffer, purpose: string, code: string): string {
  return createHmac("sha256", pepper).update(purpose).update("\0").update(code).digest("base64url");
}
