import { factorsOfKind } from "../../accounts/account.js";
import { consumeTotpStep } from "../../db/account-credentials.js";
import { readFailures } from "../../db/second-factor-failures.js";
import type { SecondStepMethod } from "../types.js";
import { secretContext } from "./enrolment.js";
import { matchingStep } from "./totp.js";

/**
 * `completeSignIn { totpCode }`: a code of any of the account's authenticator apps. Its time step
 * is recorded as used in a conditional write, so a code is good once, even for two requests racing.
 */
export const totpMethod: SecondStepMethod & { name: "TOTP" } = {
  name: "TOTP",
  proofField: "totpCode",
  proofInput: { type: "String", description: "The 6-digit code the authenticator app shows now." },
  lockable: true,
  spentMessage: "That code was already used. Wait for the next one in your authenticator app.",
  async verify(deps, { account, proof, window }) {
    if (typeof proof !== "string") return "wrong";
    const now = deps.clock.now();
    for (const factor of factorsOfKind(account, "TOTP")) {
      const secret = deps.secretBox.open(factor.data.secretSealed, secretContext(account.userId, factor.id));
      const step = matchingStep(secret, proof, now);
      if (step === undefined) continue;
      // A right code whose step (or a later one) was used (a replay, or a parallel request won), one
      // of a factor locked by consecutive failures, or one past the second-factor budget.
      const lockAfter = deps.limits.secondFactorLockAfter;
      const use = { factorId: factor.id, step, nowIso: deps.clock.now().toISOString(), lockAfter, window };
      if (await consumeTotpStep(deps.db, account.email, use)) return { factor };
      // Refused: told apart (one read, on this path only) from the lock on consecutive failures.
      return (await readFailures(deps.db, account.email)) >= lockAfter ? "locked" : "spent";
    }
    return "wrong";
  },
};
