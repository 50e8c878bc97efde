/**
 * Every secret, in one place. Set each once per stage before deploying, e.g.
 *   npx sst secret set EncryptionKey "$(openssl rand -base64 32)" --stage production
 * The function reads it as `Resource.EncryptionKey.value` (packages/core/src/config.ts).
 * Rotating EncryptionKey makes existing TOTP secrets unreadable: it is not a routine operation.
 */
export const encryptionKey = new sst.Secret("EncryptionKey");

export const secrets = [encryptionKey];
