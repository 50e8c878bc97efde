import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Locally, the encryption key is generated once into the data directory (mode 0600), so a
 * restart can still read the TOTP secrets sealed before it. In AWS it is an SST secret instead.
 */
export function localEncryptionKey(dataDir: string): string {
  const file = join(dataDir, "encryption-key");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}
