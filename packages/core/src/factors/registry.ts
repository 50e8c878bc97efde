import type { FactorKind, StoredFactor } from "../accounts/account.js";
import { backupCodeMethod } from "../backup-codes/backup-codes.js";
import { smsFactor } from "./sms/index.js";
import { totpFactor } from "./totp/index.js";
import type { Factor, ProofField, SecondStepMethod, SignInHints } from "./types.js";
import { webAuthnFactor } from "./webauthn/index.js";

/**
 * Every factor kind, and every way through the second step. Adding a factor is its folder, one
 * line here and one schema file. Nothing under factors/ imports this file: a factor is handed
 * what it needs, so the registry sits above the factors and no import comes back up to it.
 */
export const factors = [totpFactor, smsFactor, webAuthnFactor] as const;

/**
 * The factors' second steps, then backup codes: a second-step method that is not a factor (see
 * backupCodeMethod for why), so it is listed here and not in `factors`.
 */
export const secondStepMethods: readonly SecondStepMethod[] = [...factors.map((f) => f.secondStep), backupCodeMethod];

/** The factor kinds, in registry order (GraphQL's `FactorKind` enum is built from this). */
export const factorKinds: readonly FactorKind[] = factors.map((f) => f.kind);

type AnyFactor = (typeof factors)[number];

export function factorForKind(kind: FactorKind): AnyFactor | undefined {
  return factors.find((f) => f.kind === kind);
}

/** What `two-factor/manage.ts` calls on a removed factor (`onRemoved`): the factor itself. */
export const methodForKind: (kind: FactorKind) => Pick<Factor, "onRemoved"> | undefined = factorForKind;

export function methodForProof(field: ProofField): SecondStepMethod | undefined {
  return secondStepMethods.find((m) => m.proofField === field);
}

/** What the password step tells the client about these factors, each kind adding its own. */
export function signInHints(confirmed: StoredFactor[]): SignInHints {
  const hints: SignInHints = { smsFactors: [] };
  for (const factor of factors) Object.assign(hints, "signInHints" in factor ? factor.signInHints?.(confirmed) : undefined);
  return hints;
}

/** The proof fields of `completeSignIn`, one per second-step method (GraphQL's input is built from this). */
export const proofInputs: readonly ({ field: ProofField } & SecondStepMethod["proofInput"])[] = secondStepMethods.map((m) => ({
  field: m.proofField,
  ...m.proofInput,
}));
