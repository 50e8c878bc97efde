/**
 * Every secret, in one place, each linked to the API function (delivered inside SST's encrypted
 * resource file, never as an environment variable). Set once per stage before deploying:
 *   npx sst secret set EncryptionKey "$(openssl rand -base64 32)" --stage production
 * packages/core/src/config.ts reads them as `Resource.<Name>.value`.
 */

/** The key that seals TOTP secrets and peppers code hashes (32 random bytes, base64). */
export const encryptionKey = new sst.Secret("EncryptionKey");

/**
 * The key ring for rotating that key (ENCRYPTION_KEYS in config.ts): comma-separated keys, the
 * current one first, EncryptionKey among them. Empty (its placeholder) means EncryptionKey alone.
 * docs/ops.md, "Rotating the encryption key".
 */
export const encryptionKeys = new sst.Secret("EncryptionKeys", "");

export const secrets = [encryptionKey, encryptionKeys];
