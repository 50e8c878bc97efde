import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { userRef } from "../accounts/account.js";
import { domainStream, recordAudit, userStream } from "../audit/audit.js";
import { isConditionFailed } from "../db/client.js";
import { keys } from "../db/keys.js";
import type { Deps } from "../deps.js";
import { NotAllowedError, ValidationError } from "../errors.js";
import type { Caller } from "../sessions/sessions.js";
import { loadOwnedDomain, OWNERS_ONLY, parseDomainName, requireAdminStepUp } from "./admin.js";
import { MAX_GRACE_PERIOD_DAYS, toDomain, type DomainRecord } from "./domain.js";

export interface DomainPolicyInput {
  name: string;
  enforce: boolean;
  /** Days members without 2FA may still sign in normally; omitted keeps the current value. */
  gracePeriodDays?: number | null;
}

/** The grace period the owner asked for, or undefined when they left it out (the current one stays). */
function validGracePeriod(days: number | null | undefined): number | undefined {
  if (days === null || days === undefined) return undefined;
  if (!Number.isInteger(days) || days < 0 || days > MAX_GRACE_PERIOD_DAYS) {
    throw new ValidationError(`The grace period must be between 0 and ${MAX_GRACE_PERIOD_DAYS} days.`, "gracePeriodDays");
  }
  return days;
}

/**
 * The fields the owner gave, and only those: writing back a value read earlier would undo another
 * owner's change made in between (one sets the grace period while this one only switches enforcement).
 */
function policyUpdate(enforce: boolean, gracePeriodDays: number | undefined, now: string) {
  const set = [enforce ? "enforceTwoFactor = :yes" : "enforceTwoFactor = :no"];
  const values: Record<string, unknown> = enforce ? { ":now": now } : { ":no": false };
  if (gracePeriodDays !== undefined) {
    set.push("gracePeriodDays = :grace");
    values[":grace"] = gracePeriodDays;
  }
  // Switching on starts the grace period once; switching off clears it.
  if (enforce) set.push("enforcedAt = if_not_exists(enforcedAt, :now)");
  return { expression: `SET ${set.join(", ")}${enforce ? "" : " REMOVE enforcedAt"}`, values };
}

/**
 * Switches 2FA enforcement on or off for every member of a verified domain. Switching it on starts
 * the grace period (`enforcedAt`); changing only the grace period of an enforced domain does not
 * restart it, and switching off clears it, so the next switch-on starts a fresh one.
 */
export async function setDomainTwoFactorPolicy(deps: Deps, caller: Caller, input: DomainPolicyInput): Promise<DomainRecord> {
  const name = parseDomainName(input.name);
  await loadOwnedDomain(deps, caller.account, name);
  const gracePeriodDays = validGracePeriod(input.gracePeriodDays);
  requireAdminStepUp(deps, caller);
  const email = caller.account.email;
  const update = policyUpdate(input.enforce, gracePeriodDays, deps.clock.now().toISOString());
  let updated: DomainRecord;
  try {
    const { Attributes } = await deps.db.doc.send(
      new UpdateCommand({
        TableName: deps.db.table,
        Key: keys.domain(name),
        UpdateExpression: update.expression,
        // Invariant: only a current owner of a verified domain sets its policy (an owner removed meanwhile loses).
        ConditionExpression: "verified = :yes AND contains(owners, :email)",
        ExpressionAttributeValues: { ":yes": true, ":email": email, ...update.values },
        ReturnValues: "ALL_NEW",
      }),
    );
    updated = toDomain(Attributes)!;
  } catch (error) {
    if (isConditionFailed(error)) throw new NotAllowedError(OWNERS_ONLY);
    throw error;
  }
  // The grace period as stored, which is the one in force when it was left out.
  const detail = input.enforce ? `2FA enforced, grace period ${updated.gracePeriodDays} days` : "2FA no longer enforced";
  await recordAudit(deps, { action: "DOMAIN_POLICY_CHANGED", actor: userRef(caller.account), detail }, [
    domainStream(name),
    userStream(caller.account.userId),
  ]);
  return updated;
}
