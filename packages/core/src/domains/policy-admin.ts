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

function validGracePeriod(days: number | null | undefined, current: number): number {
  if (days === null || days === undefined) return current;
  if (!Number.isInteger(days) || days < 0 || days > MAX_GRACE_PERIOD_DAYS) {
    throw new ValidationError(`The grace period must be between 0 and ${MAX_GRACE_PERIOD_DAYS} days.`, "gracePeriodDays");
  }
  return days;
}

/**
 * Switches 2FA enforcement on or off for every member of a verified domain. Switching it on starts
 * the grace period (`enforcedAt`); changing only the grace period of an enforced domain does not
 * restart it, and switching off clears it, so the next switch-on starts a fresh one.
 */
export async function setDomainTwoFactorPolicy(deps: Deps, caller: Caller, input: DomainPolicyInput): Promise<DomainRecord> {
  const name = parseDomainName(input.name);
  const current = await loadOwnedDomain(deps, caller.account, name);
  const gracePeriodDays = validGracePeriod(input.gracePeriodDays, current.gracePeriodDays);
  requireAdminStepUp(deps, caller);
  const email = caller.account.email;
  let updated: DomainRecord;
  try {
    const { Attributes } = await deps.db.doc.send(
      new UpdateCommand({
        TableName: deps.db.table,
        Key: keys.domain(name),
        UpdateExpression: input.enforce
          ? "SET enforceTwoFactor = :yes, gracePeriodDays = :grace, enforcedAt = if_not_exists(enforcedAt, :now)"
          : "SET enforceTwoFactor = :no, gracePeriodDays = :grace REMOVE enforcedAt",
        // Invariant: only a current owner of a verified domain sets its policy (an owner removed meanwhile loses).
        ConditionExpression: "verified = :yes AND contains(owners, :email)",
        ExpressionAttributeValues: {
          ":yes": true,
          ":grace": gracePeriodDays,
          ":email": email,
          ...(input.enforce ? { ":now": deps.clock.now().toISOString() } : { ":no": false }),
        },
        ReturnValues: "ALL_NEW",
      }),
    );
    updated = toDomain(Attributes)!;
  } catch (error) {
    if (isConditionFailed(error)) throw new NotAllowedError(OWNERS_ONLY);
    throw error;
  }
  const detail = input.enforce ? `2FA enforced, grace period ${gracePeriodDays} days` : "2FA no longer enforced";
  await recordAudit(deps, { action: "DOMAIN_POLICY_CHANGED", actor: userRef(caller.account), detail }, [
    domainStream(name),
    userStream(caller.account.userId),
  ]);
  return updated;
}
