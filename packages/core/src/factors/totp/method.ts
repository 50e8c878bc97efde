import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { StoredFactor } from "../../accounts/account.js";
import { writeIf } from "../../db/client.js";
import { keys } from "../../db/keys.js";
import type { Deps } from "../../deps.js";
import type { SecondFactorMethod } from "../types.js";
import { secretContext } from "./enrolment.js";
import { matchingStep } from "./totp.js";

/**
 * Records a time step as used, and the factor as used now. Fails (returns false) when this step,
 * or a later one, was already used: a code is good once, even for two requests racing.
 */
async function consumeStep(deps: Deps, email: string, factorId: string, step: number): Promise<boolean> {
  return writeIf(
    deps.db,
    new UpdateCommand({
      TableName: deps.db.table,
      Key: keys.account(email),
      UpdateExpression: "SET factors.#id.#data.lastStep = :step, factors.#id.lastUsedAt = :now",
      // Invariant: TOTP time steps of a factor are used in strictly increasing order (no replay).
      ConditionExpression:
        "attribute_exists(factors.#id) AND (attribute_not_exists(factors.#id.#data.lastStep) OR factors.#id.#data.lastStep < :step)",
      ExpressionAttributeNames: { "#id": factorId, "#data": "data" },
      ExpressionAttributeValues: { ":step": step, ":now": deps.clock.now().toISOString() },
    }),
  );
}

export const totpMethod: SecondFactorMethod = {
  name: "TOTP",
  proofField: "totpCode",
  spentMessage: "That code was already used. Wait for the next one in your authenticator app.",
  async verify(deps, { account, proof }) {
    if (typeof proof !== "string") return "wrong";
    const now = deps.clock.now();
    const factors = Object.values(account.factors ?? {}).filter((f): f is StoredFactor => f.kind === "TOTP");
    for (const factor of factors) {
      const secret = deps.secretBox.open(factor.data.secretSealed as string, secretContext(account.userId, factor.id));
      const step = matchingStep(secret, proof, now);
      if (step === undefined) continue;
      // A right code whose step (or a later one) was used: a replay, or a parallel request won.
      return (await consumeStep(deps, account.email, factor.id, step)) ? { factor } : "spent";
    }
    return "wrong";
  },
};
