import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { writeIf } from "../../db/client.js";
import { keys } from "../../db/keys.js";
import type { Deps } from "../../deps.js";
import { ExpiredError } from "../../errors.js";
import type { SecondFactorMethod } from "../types.js";
import { smsCodeMatches } from "./codes.js";
import { signInPurpose, smsStateOf, spendSmsCode } from "./sign-in.js";

/**
 * `completeSignIn { smsCode }`: the code texted by `sendSignInSmsCode` for this very challenge.
 * Wrong codes count against the challenge (5 at most, by completeSignIn); the right one is spent
 * by marking it used in a conditional write, so two racing requests cannot both use it, and a
 * copy that arrives after it was used is told so (not counted as a wrong guess).
 */
export const smsMethod: SecondFactorMethod = {
  name: "SMS",
  proofField: "smsCode",
  spentMessage: "That code was already used. Ask for a new one.",
  async verify(deps, { account, challenge, proof }) {
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
    // Lost to a parallel request with the same code (or a resend replaced it meanwhile).
    if (!(await spendSmsCode(deps, challenge.id, state.codeHash))) return "spent";
    // The factor must still be on the live account (not removed, disabled or reset since the code was sent).
    if (!(await markUsed(deps, account.email, factor.id, deps.clock.now().toISOString()))) return "wrong";
    return { factor };
  },
};
/** Marks the factor used; false when it is no longer on the account, which fails the proof. */
async function markUsed(deps: Deps, email: string, factorId: string, now: string): Promise<boolean> {
  return writeIf(
    deps.db,
    new UpdateCommand({
      TableName: deps.db.table,
      Key: keys.account(email),
      UpdateExpression: "SET factors.#id.lastUsedAt = :now",
      // Invariant: never recreate a factor that was removed while this sign-in was in flight.
      ConditionExpression: "attribute_exists(factors.#id)",
      ExpressionAttributeNames: { "#id": factorId },
      ExpressionAttributeValues: { ":now": now },
    }),
  );
}
