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

export interface Clause {
  set: string[];
  remove: string[];
  condition?: string;
  values: Record<string, unknown>;
}

export function revocationClause(revocation: Revocation | undefined): Clause {
  if (!revocation) return { set: [], remove: [], values: {} };
  const set = ["sessionsValidFrom = :revokedAt"];
  const remove: string[] = [];
  const values: Record<string, unknown> = { ":revokedAt": revocation.at };
  if (revocation.devices) set.push("devicesValidFrom = :revokedAt");
  if (!revocation.keep) {
    remove.push("sessionKept");
    return { set, remove, values };
  }
  set.push("sessionKept = :keptSession");
  values[":keptSession"] = revocation.keep.sessionId;
  values[":keptStartedAt"] = revocation.keep.startedAt;
  return {
    set,
    remove,
    values,
    condition: "attribute_not_exists(sessionsValidFrom) OR sessionsValidFrom <= :keptStartedAt OR sessionKept = :keptSession",
  };
}

/** Joins an update's own SET/REMOVE lists with a clause's. */
export function updateExpression(set: string[], remove: string[], clause: Clause): string {
  const sets = [...set, ...clause.set];
  const removes = [...remove, ...clause.remove];
  return [sets.length ? `SET ${sets.join(", ")}` : "", removes.length ? `REMOVE ${removes.join(", ")}` : ""].filter(Boolean).join(" ");
}

/** Joins a write's own condition with a clause's (both must hold). */
export function conditionExpression(own: string | undefined, clause: Clause): string | undefined {
  const parts = [own, clause.condition].filter((p): p is string => Boolean(p));
  // DynamoDB refuses redundant parentheses: a single part goes as it is.
  if (parts.length <= 1) return parts[0];
  return parts.map((p) => `(${p})`).join(" AND ");
}
