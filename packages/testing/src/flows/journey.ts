// The "get started with 2FA" journey as steps, over any way of sending an operation as the
// signed-in user: the test APIs (flows/*) and the benchmark (real HTTP) share them.
import { CONFIRM_TOTP, ENABLE_2FA, ENROL_TOTP, GENERATE_BACKUP_CODES } from "../operations.js";

/** Sends one operation as the signed-in user; resolves to the GraphQL response body. */
export type Send = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: Record<string, any> | null }>;

/** The operation's result, or an error carrying the whole response when it is not the expected type. */
export function expectResult(response: { data?: Record<string, any> | null }, field: string, typename: string): Record<string, any> {
  const result = response.data?.[field];
  if (result?.__typename !== typename) throw new Error(`${field}: expected ${typename}, got ${JSON.stringify(response)}`);
  return result;
}

/** Enrolment start with an authenticator app: the factor and the secret to compute codes from. */
export async function startTotp(send: Send, label: string): Promise<{ factorId: string; secret: string }> {
  const enrolment = expectResult(await send(ENROL_TOTP, { input: { label } }), "startTotpEnrolment", "TotpEnrolment");
  return { factorId: enrolment.factorId, secret: enrolment.secret };
}

/** Enrolment confirmation with the app's current code. */
export async function confirmTotp(send: Send, factorId: string, code: string): Promise<void> {
  expectResult(await send(CONFIRM_TOTP, { input: { factorId, code } }), "confirmTotpEnrolment", "FactorConfirmed");
}

/** The last steps, once a factor is in: generate backup codes, acknowledge them, enable. Returns the codes. */
export async function finishGettingStarted(send: Send): Promise<string[]> {
  const codes = expectResult(await send(GENERATE_BACKUP_CODES), "generateBackupCodes", "BackupCodes").codes as string[];
  expectResult(await send(ENABLE_2FA, { input: { backupCodesAcknowledged: true } }), "enableTwoFactor", "TwoFactorEnabled");
  return codes;
}
