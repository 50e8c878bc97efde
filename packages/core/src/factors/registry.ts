import { backupCodeMethod } from "../backup-codes/backup-codes.js";
import type { FactorKind } from "../accounts/account.js";
import { smsMethod } from "./sms/method.js";
import { totpMethod } from "./totp/method.js";
import { webAuthnMethod } from "./webauthn/method.js";
import type { ProofField, SecondFactorMethod } from "./types.js";

/** Every way through the second step. A new factor adds its method here and nowhere else in core. */
export const secondFactorMethods: SecondFactorMethod[] = [totpMethod, smsMethod, webAuthnMethod, backupCodeMethod];

export function methodForProof(field: ProofField): SecondFactorMethod | undefined {
  return secondFactorMethods.find((m) => m.proofField === field);
}

export function methodForKind(kind: FactorKind): SecondFactorMethod | undefined {
  return secondFactorMethods.find((m) => m.name === kind);
}

