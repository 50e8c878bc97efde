/**
 * The part of an account write that revokes sessions, so a credential change and the revocation
 * it causes are one conditional write on the account item (no window in which the change holds
 * and the sessions it should end still work).
 *
 * `sessionsValidFrom = at` revokes every session whose sign-in was judged before `at` (see
 * `authStartedAt`: a session still being written is caught too); `sessionKept = keep.sessionId`
 * exempts exactly the session that made the change. Only one session is ever kept: the next
 * revocation replaces (or, keeping none, removes) it. Keeping a session is allowed only while that
 * session is still live by the account item itself (`keepCondition`), so a session revoked by a
 * parallel change cannot keep itself alive by racing a change of its own.
 */
export interface Revocation {
  at: string;
  /** The session that made the change, kept signed in; none for "every session" (an owner's reset). */
  keep?: { sessionId: string; startedAt: string };
  /** Also revoke the account's known-device tokens (sign-out everywhere, password change or reset, owner reset). */
  devices?: boolean;
}

/** What an account write does on its own: SET and REMOVE lists, its condition, and its values. */
export interface AccountWrite {
  set: string[];
  remove?: string[];
  condition: string;
  values: Record<string, unknown>;
}

/**
 * An account write's UpdateCommand parts with the revocation it causes folded in: one conditional
 * write does both. Without a revocation, the write as it is. Keeping a session adds the condition
 * that the session is still live by the account item itself (see above).
 */
export function withRevocation(
  write: AccountWrite,
  revocation: Revocation | undefined,
): { UpdateExpression: string; ConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> } {
  const set = [...write.set];
  const remove = [...(write.remove ?? [])];
  const values = { ...write.values };
  let condition = write.condition;
  if (revocation) {
    set.push("sessionsValidFrom = :revokedAt");
    values[":revokedAt"] = revocation.at;
    if (revocation.devices) set.push("devicesValidFrom = :revokedAt");
    if (revocation.keep) {
      set.push("sessionKept = :keptSession");
      values[":keptSession"] = revocation.keep.sessionId;
      values[":keptStartedAt"] = revocation.keep.startedAt;
      condition = `(${condition}) AND (attribute_not_exists(sessionsValidFrom) OR sessionsValidFrom <= :keptStartedAt OR sessionKept = :keptSession)`;
    } else {
      remove.push("sessionKept");
    }
  }
  return {
    UpdateExpression: [set.length ? `SET ${set.join(", ")}` : "", remove.length ? `REMOVE ${remove.join(", ")}` : ""].filter(Boolean).join(" "),
    ConditionExpression: condition,
    ExpressionAttributeValues: values,
  };
}
