import { randomString } from "../crypto/random.js";

// Crockford's base32: 32 symbols, no I, L, O or U; on entry, look-alikes map to what they resemble.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const GROUP = 5;
export const BACKUP_CODE_COUNT = 10;

/** `xxxxx-xxxxx`: 10 symbols of 5 bits each, 50 bits of entropy per code. */
export function newBackupCode(): string {
  return `${randomString(ALPHABET, GROUP)}-${randomString(ALPHABET, GROUP)}`;
}

/** Accepts any case, spaces and dashes, and the look-alikes a person copies by hand. */
export function normaliseBackupCode(raw: string): string | undefined {
  const code = raw
    .toLowerCase()
    .replace(/[\s-]+/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
  if (code.length !== GROUP * 2) return undefined;
  for (const c of code) if (!ALPHABET.includes(c)) return undefined;
  return code;
}
