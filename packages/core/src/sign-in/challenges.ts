import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { confirmedFactors, type Account, type FactorKind } from "../accounts/account.js";
import { epochSeconds } from "../clock.js";
import { isConditionFailed, writeIf } from "../db/client.js";
import { keys } from "../db/keys.js";
import type { Deps } from "../deps.js";
import { ExpiredError } from "../errors.js";
import { newId } from "../ids.js";
import { CHALLENGE_MAX_ATTEMPTS, CHALLENGE_TTL_SECONDS, type ChallengeRecord, type SignInChallengeView } from "./challenge.js";

export async function createChallenge(deps: Deps, account: Account, accountReadAt: Date): Promise<ChallengeRecord> {
  const now = deps.clock.now();
  const challenge: ChallengeRecord = {
    type: "challenge",
    id: newId("chl"),
    userId: account.userId,
    email: account.email,
    createdAt: now.toISOString(),
    accountReadAt: accountReadAt.toISOString(),
    expiresAt: epochSeconds(now) + CHALLENGE_TTL_SECONDS,
    attempts: 0,
    factors: account.factors ?? {},
    state: {},
  };
  await deps.db.doc.send(
    new PutCommand({
      TableName: deps.db.table,
      Item: { ...keys.session(challenge.id), ...challenge },
      ConditionExpression: "attribute_not_exists(PK)",
    }),
  );
  return challenge;
}

export function challengeView(challenge: ChallengeRecord, account: Account): SignInChallengeView {
  const factors = confirmedFactors(account);
  const methods = [...new Set(factors.map((f) => f.kind))] as FactorKind[];
  return {
    id: challenge.id,
    expiresAt: new Date(challenge.expiresAt * 1000),
    methods,
    backupCodesAvailable: (account.backupCodes?.size ?? 0) > 0,
    smsFactors: factors
      .filter((f) => f.kind === "SMS")
      .map((f) => ({ factorId: f.id, maskedPhoneNumber: String(f.data.maskedPhoneNumber ?? f.label) })),
  };
}

const TOO_MANY_WRONG_CODES = "Too many wrong codes for this sign-in. Sign in again with your password.";

/** A challenge that can still be answered: unexpired, unconsumed, within its attempt budget. */
export async function loadLiveChallenge(deps: Deps, challengeId: string): Promise<ChallengeRecord> {
  if (!/^chl_[0-9a-z]{26}$/.test(challengeId)) throw new ExpiredError();
  const { Item } = await deps.db.doc.send(
    new GetCommand({ TableName: deps.db.table, Key: keys.session(challengeId), ConsistentRead: true }),
  );
  const challenge = Item as (ChallengeRecord & Record<string, unknown>) | undefined;
  if (!challenge || challenge.type !== "challenge" || epochSeconds(deps.clock.now()) >= challenge.expiresAt) throw new ExpiredError();
  if (challenge.attempts >= CHALLENGE_MAX_ATTEMPTS) throw new ExpiredError(TOO_MANY_WRONG_CODES);
  return challenge;
}

/**
 * Stores a method's state on a live challenge (an SMS code's hash, a WebAuthn challenge). The
 * optional guard is an extra condition on the existing state, e.g. "no resend within 30 s".
 */
export async function setChallengeState(
  deps: Deps,
  challenge: ChallengeRecord,
  method: string,
  state: Record<string, unknown>,
  guard?: { expression: string; values: Record<string, unknown> },
): Promise<boolean> {
  return writeIf(
    deps.db,
    new UpdateCommand({
      TableName: deps.db.table,
      Key: keys.session(challenge.id),
      UpdateExpression: "SET #state.#method = :state",
      ConditionExpression: `#type = :challenge AND expiresAt > :now AND attempts < :max${guard ? ` AND (${guard.expression})` : ""}`,
      ExpressionAttributeNames: { "#state": "state", "#method": method, "#type": "type" },
      ExpressionAttributeValues: {
        ":state": state,
        ":challenge": "challenge",
        ":now": epochSeconds(deps.clock.now()),
        ":max": CHALLENGE_MAX_ATTEMPTS,
        ...guard?.values,
      },
    }),
  );
}

/** Counts a wrong proof; returns the attempts left, or throws ExpiredError once the challenge is spent. */
export async function failChallengeAttempt(deps: Deps, challenge: ChallengeRecord): Promise<number> {
  try {
    const out = await deps.db.doc.send(
      new UpdateCommand({
        TableName: deps.db.table,
        Key: keys.session(challenge.id),
        UpdateExpression: "ADD attempts :one",
        // Invariant: at most CHALLENGE_MAX_ATTEMPTS wrong proofs per challenge, however parallel.
        ConditionExpression: "#type = :challenge AND attempts < :max",
        ExpressionAttributeNames: { "#type": "type" },
        ExpressionAttributeValues: { ":one": 1, ":challenge": "challenge", ":max": CHALLENGE_MAX_ATTEMPTS },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    return CHALLENGE_MAX_ATTEMPTS - (out.Attributes?.attempts as number);
  } catch (error) {
    if (isConditionFailed(error)) throw new ExpiredError(TOO_MANY_WRONG_CODES);
    throw error;
  }
}
