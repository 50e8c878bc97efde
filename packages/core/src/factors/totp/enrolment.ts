import type { Account, FactorOfKind } from "../../accounts/account.js";
import type { Deps } from "../../deps.js";
import { activatePending, failPending, loadPending, startPending, validateLabel } from "../pending.js";
import { qrCodes } from "./qr.js";
import { matchingStep, newTotpSecret, totpFor } from "./totp.js";

export interface TotpEnrolment {
  factorId: string;
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
  qrCodeSvg: string;
  expiresAt: Date;
}

/** Binds a sealed secret to its owner and factor, so a ciphertext cannot be moved elsewhere. */
export function secretContext(userId: string, factorId: string): string {
  return `totp:${userId}:${factorId}`;
}

export async function startTotpEnrolment(deps: Deps, account: Account, input: { label?: string | null }): Promise<TotpEnrolment> {
  const label = validateLabel(input.label, "Authenticator app");
  const secret = newTotpSecret();
  // While pending the secret is sealed to the user (the factor id is minted with the record);
  // confirmation re-seals it to the factor.
  const pending = await startPending(deps, account, {
    kind: "TOTP",
    label,
    data: { secretSealed: deps.secretBox.seal(secret, secretContext(account.userId, "pending")) },
  });
  const otpauthUri = totpFor(secret, deps.config.totpIssuer, account.email).toString();
  const qr = await qrCodes(otpauthUri);
  return {
    factorId: pending.id,
    secret,
    otpauthUri,
    qrCodeDataUrl: qr.dataUrl,
    qrCodeSvg: qr.svg,
    expiresAt: new Date(pending.expiresAt * 1000),
  };
}

export async function confirmTotpEnrolment(
  deps: Deps,
  account: Account,
  input: { factorId: string; code: string },
): Promise<FactorOfKind<"TOTP">> {
  const pending = await loadPending(deps, account, input.factorId, "TOTP");
  const secret = deps.secretBox.open(pending.data.secretSealed, secretContext(account.userId, "pending"));
  const step = matchingStep(secret, input.code, deps.clock.now());
  if (step === undefined) return failPending(deps, pending);
  return activatePending(deps, account, pending, {
    secretSealed: deps.secretBox.seal(secret, secretContext(account.userId, pending.id)),
    // The confirming code's step counts as used: it cannot then sign in.
    lastStep: step,
  });
}
