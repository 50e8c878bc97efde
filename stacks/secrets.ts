/**
 * Every secret, in one place. Set each once per stage before deploying, e.g.
 *   npx sst secret set EncryptionKey "$(openssl rand -base64 32)" --stage production
 * The function reads it as `Resource.EncryptionKey.value` (packages/core/src/config.ts).
 * Rotating it is a planned operation (docs/ops.md, "Rotating the encryption key"): replacing the
 * value outright makes every stored TOTP secret unreadable.
 */
export const encryptionKey = new sst.Secret("EncryptionKey");

export const secrets = [encryptionKey];
