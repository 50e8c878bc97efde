import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { SessionAttributes } from "../sessions/session.js";
import { CHALLENGE_MAX_ATTEMPTS, type ChallengeRecord } from "../sign-in/challenge.js";
import type { Item } from "./batch.js";
import { sendIf, writeIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/**
 * The sign-in challenge item (`SESSION#<chl_id>` / `SESSION`): the pending second step, which one
 * conditional write turns into the session in place. Expiry is checked in code and in conditions.
 */

/** The challenge an item holds; undefined for anything else (the session it already became). */
export function toChallenge(item: Item | undefined): ChallengeRecord | undefined {
  if (!item || item.type !== "challenge") return undefined;
  const { PK: _pk, SK: _sk, ...challenge } = item;
  return challenge as unknown as ChallengeRecord;
}

export async function putChallenge(db: Db, challenge: ChallengeRecord): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.session(challenge.id), ...challenge },
      // Invariant: a fresh random id never overwrites another challenge or session.
      ConditionExpression: "attribute_not_exists(PK)",
    }),
  );
}

export async function getChallenge(db: Db, id: string): Promise<ChallengeRecord | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.session(id), ConsistentRead: true }));
  return toChallenge(Item);
}

/** An extra condition on a method's existing state, e.g. "no resend within 30 s". */
export interface StateGuard {
  expression: string;
  values: Record<string, unknown>;
}

/**
 * Stores a method's state on a live challenge (an SMS code's hash, a WebAuthn challenge): false
 * when the challenge is no longer live or the guard did not hold.
 */
export async function setChallengeState(
  db: Db,
  challengeId: string,
  method: string,
  state: Record<string, unknown>,
  now: number,
  guard?: StateGuard,
): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.session(challengeId),
      UpdateExpression: "SET #state.#method = :state",
      // Invariant: state goes only on a live challenge (never revives a spent or converted one), under the method's guard.
      ConditionExpression: `#type = :challenge AND expiresAt > :now AND attempts < :max${guard ? ` AND (${guard.expression})` : ""}`,
      ExpressionAttributeNames: { "#state": "state", "#method": method, "#type": "type" },
      ExpressionAttributeValues: {
        ":state": state,
        ":challenge": "challenge",
        ":now": now,
        ":max": CHALLENGE_MAX_ATTEMPTS,
        ...guard?.values,
      },
    }),
  );
}

/** Counts a wrong proof: the attempts left, or undefined when the challenge had none left (or is one no more). */
export async function failChallengeAttempt(db: Db, challengeId: string): Promise<number | undefined> {
  const out = await sendIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.session(challengeId),
      UpdateExpression: "ADD attempts :one",
      // Invariant: at most CHALLENGE_MAX_ATTEMPTS wrong proofs per challenge, however parallel.
      ConditionExpression: "#type = :challenge AND attempts < :max",
      ExpressionAttributeNames: { "#type": "type" },
      ExpressionAttributeValues: { ":one": 1, ":challenge": "challenge", ":max": CHALLENGE_MAX_ATTEMPTS },
      ReturnValues: "UPDATED_NEW",
    }),
  );
  return out && CHALLENGE_MAX_ATTEMPTS - Number(out.attributes?.attempts);
}

/**
 * Turns a live sign-in challenge into its session, in place, dropping its per-method state,
 * attempts and factor snapshot, and lists it under its user: false when it is expired, out of
 * attempts, already a session, or a step-up challenge (which never mints a session).
 */
export async function turnChallengeIntoSession(
  db: Db,
  challenge: Pick<ChallengeRecord, "id" | "userId">,
  attributes: SessionAttributes,
  now: number,
): Promise<boolean> {
  const listed = keys.userSession(challenge.userId, attributes.createdAt, challenge.id);
  const optional = { ipAddress: attributes.ipAddress, userAgent: attributes.userAgent };
  const given = Object.entries(optional).filter(([, value]) => value !== undefined);
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.session(challenge.id),
      UpdateExpression: `SET #type = :session, tokenHash = :tokenHash, aal = :aal, aal2At = :aal2At, createdAt = :createdAt, authStartedAt = :authStartedAt, expiresAt = :expiresAt, lastSeenAt = :lastSeenAt, enrolmentRequired = :enrolmentRequired, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk${given.map(([name]) => `, ${name} = :${name}`).join("")} REMOVE #state, attempts, factors, purpose, pendingPasswordHash`,
      // Invariant: a sign-in challenge becomes a session once, unexpired and within its attempt
      // budget; a step-up challenge never does.
      ConditionExpression: "#type = :challenge AND attempts < :max AND expiresAt > :now AND attribute_not_exists(stepUpOf)",
      ExpressionAttributeNames: { "#type": "type", "#state": "state" },
      ExpressionAttributeValues: {
        ":session": "session",
        ":challenge": "challenge",
        ":tokenHash": attributes.tokenHash,
        ":aal": attributes.aal,
        ":aal2At": attributes.aal2At,
        ":createdAt": attributes.createdAt,
        ":authStartedAt": attributes.authStartedAt,
        ":expiresAt": attributes.expiresAt,
        ":lastSeenAt": attributes.lastSeenAt,
        ":enrolmentRequired": attributes.enrolmentRequired,
        ":gsi1pk": listed.GSI1PK,
        ":gsi1sk": listed.GSI1SK,
        ...Object.fromEntries(given.map(([name, value]) => [`:${name}`, value])),
        ":max": CHALLENGE_MAX_ATTEMPTS,
        ":now": now,
      },
    }),
  );
}

/** Uses up a step-up challenge of the given session: false when it is spent, expired, out of attempts or not that session's. */
export async function consumeStepUpChallenge(db: Db, challengeId: string, sessionId: string, now: number): Promise<boolean> {
  return writeIf(
    db,
    new DeleteCommand({
      TableName: db.table,
      Key: keys.session(challengeId),
      // Invariant: a step-up challenge raises its own session once, unexpired and within its attempt budget.
      ConditionExpression: "#type = :challenge AND attempts < :max AND expiresAt > :now AND stepUpOf = :session",
      ExpressionAttributeNames: { "#type": "type" },
      ExpressionAttributeValues: { ":challenge": "challenge", ":max": CHALLENGE_MAX_ATTEMPTS, ":now": now, ":session": sessionId },
    }),
  );
}
