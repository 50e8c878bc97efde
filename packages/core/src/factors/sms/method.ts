import { markFactorUsed } from "../../db/account-credentials.js";
import { readFailures } from "../../db/second-factor-failures.js";
import { smsStateOf, spendSmsCode } from "../../db/challenge-proofs.js";
import { ExpiredError } from "../../errors.js";
import type { SecondStepMethod } from "../types.js";
import { smsCodeMatches } from "./codes.js";
import { signInPurpose } from "./sign-in.js";

/**
 * `completeSignIn { smsCode }`: the code texted by `sendSignInSmsCode` for this very challenge.
 * Wrong codes count against the challenge (5 at most, by completeSignIn); the right one is spent
 * by marking it used in a conditional write, so two racing requests cannot both use it, and a
 * copy that arrives after it was used is told so (not counted as a wrong guess).
 */
export const smsMethod: SecondStepMethod & { name: "SMS" } = {
  name: "SMS",
  proofField: "smsCode",
  proofInput: { type: "String", description: "The 6-digit code texted by `sendSignInSmsCode`." },
  lockable: true,
  spentMessage: "That code was already used. Ask for a new one.",
  async verify(deps, { account, challenge, proof, window }) {
    if (typeof proof !== "string") return "wrong";
    const state = smsStateOf(challenge);
    if (!state) return "wrong";
    if (deps.clock.now().getTime() >= state.expiresAtMs) {
      throw new ExpiredError("This code has expired. Ask for a new one.");
    }
    if (!smsCodeMatches(deps, signInPurpose(challenge.id), proof, state.codeHash)) return "wrong";
    if (state.usedAtMs !== undefined) return "spent";
    const factor = account.factors?.[state.factorId];
    if (!factor || factor.kind !== "SMS") return "wrong";
    // The factor must still be on the live account (not removed, disabled or reset since the code
    // was sent), not locked by consecutive failures (told apart by one read, on this path only), and
    // within the second-factor budget. Checked before the code is spent, so a code refused for a
    // full budget still works once the window has room.
    const lockAfter = deps.limits.secondFactorLockAfter;
    if (!(await markFactorUsed(deps.db, account.email, { factorId: factor.id, nowIso: deps.clock.now().toISOString(), lockAfter, window }))) {
      return (await readFailures(deps.db, account.email)) >= lockAfter ? "locked" : "wrong";
    }
    // Lost to a parallel request with the same code (or a resend replaced it meanwhile).
    if (!(await spendSmsCode(deps.db, challenge.id, state.codeHash, deps.clock.now().getTime()))) return "spent";
    return { factor };
  },
};
