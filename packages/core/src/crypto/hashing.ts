import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

/** Constant-time equality of two strings (lengths are not secret here: all are fixed-size digests). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Short codes (SMS, backup codes) have too little entropy for a bare hash to protect them if the
 * table leaks, so they are keyed with a pepper derived from the encryption key, which lives
 * outside the table.
 */
export class CodeHasher {
  private readonly pepper: Buffer;

  constructor(masterKey: Buffer) {
    this.pepper = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "access-identity/code-hash/v1", 32));
  }

  hash(purpose: string, code: string): string {
    return createHmac("sha256", this.pepper).update(purpose).update("\0").update(code).digest("base64url");
  }
}
