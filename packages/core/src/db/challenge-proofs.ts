import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Deps } from "../deps.js";
import type { SmsChallengeState } from "../factors/sms/data.js";
import type { WebAuthnChallengeState } from "../factors/webauthn/data.js";
import type { ChallengeRecord } from "../sign-in/challenge.js";
import { epochSeconds } from "../clock.js";
import { setChallengeState, type StateGuard } from "./challenges.js";
import { writeIf, type Db } from "./client.js";
import { keys } from "./keys.js";

/**
 * A second-step method's state on the sign-in challenge item (`SESSION#<chl_id>`, `state.<method>`):
 * an SMS code's hash, a WebAuthn challenge. Storing goes through the challenge's generic
 * setChallengeState (only a live challenge takes state); each operation here adds its own guard.
 */

/** The guarded write every store below goes through: a live challenge, at this moment. */
function storeState(deps: Deps, challenge: ChallengeRecord, method: string, state: object, guard: StateGuard): Promise<boolean> {
  return setChallengeState(deps.db, challenge.id, method, { ...state }, epochSeconds(deps.clock.now()), guard);
}

/** The method names in the challenge's `state` map. */
export const SMS_STATE = "SMS";
export const WEBAUTHN_STATE = "WEBAUTHN";

/** Stores a new SMS code; false when one was sent after `cutoffMs` and not used yet (or the challenge is gone). */
export function storeSmsCode(deps: Deps, challenge: ChallengeRecord, state: SmsChallengeState, cutoffMs: number): Promise<boolean> {
  return storeState(deps, challenge, SMS_STATE, state, {
    // Invariant: texts for one challenge are at least the resend interval apart, however parallel
    // (unless the earlier code was already used).
    expression: "attribute_not_exists(#state.#method) OR attribute_exists(#state.#method.usedAtMs) OR #state.#method.sentAtMs <= :cutoff",
    values: { ":cutoff": cutoffMs },
  });
}

/** Puts back the code a refused resend replaced; false when ours was replaced meanwhile. */
export function restoreSmsCode(deps: Deps, challenge: ChallengeRecord, previous: SmsChallengeState, oursHash: string): Promise<boolean> {
  return storeState(deps, challenge, SMS_STATE, previous, {
    // Invariant: only our own code is replaced by the one before it, never a code sent since.
    expression: "#state.#method.codeHash = :ours",
    values: { ":ours": oursHash },
  });
}

/** Marks the SMS code used if it is still the one with this hash and unused; false when a parallel request spent it first (or a resend replaced it). */
export async function spendSmsCode(db: Db, challengeId: string, codeHash: string, nowMs: number): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.session(challengeId),
      UpdateExpression: "SET #state.#sms.usedAtMs = :now",
      // Invariant: an SMS code signs in at most once.
      ConditionExpression: "#type = :challenge AND #state.#sms.codeHash = :hash AND attribute_not_exists(#state.#sms.usedAtMs)",
      ExpressionAttributeNames: { "#state": "state", "#sms": SMS_STATE, "#type": "type" },
      ExpressionAttributeValues: { ":challenge": "challenge", ":hash": codeHash, ":now": nowMs },
    }),
  );
}

/** Removes the SMS code if it is still the one with this hash (the provider never delivered it, or a refused resend replaced it); false when already gone. */
export async function voidSmsCode(db: Db, challengeId: string, codeHash: string): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.session(challengeId),
      UpdateExpression: "REMOVE #state.#sms",
      // Invariant: an SMS code is voided at most once, and only that code.
      ConditionExpression: "#type = :challenge AND #state.#sms.codeHash = :hash",
      ExpressionAttributeNames: { "#state": "state", "#sms": SMS_STATE, "#type": "type" },
      ExpressionAttributeValues: { ":challenge": "challenge", ":hash": codeHash },
    }),
  );
}

/** Stores a WebAuthn challenge; false when a fresh unanswered one (expiring at or after `reuseBefore`) is there (or the challenge is gone). */
export function storeWebAuthnChallenge(deps: Deps, challenge: ChallengeRecord, state: WebAuthnChallengeState, reuseBefore: number): Promise<boolean> {
  return storeState(deps, challenge, WEBAUTHN_STATE, state, {
    // Invariant: a fresh unanswered WebAuthn challenge is never replaced, however parallel the starts.
    expression: `attribute_not_exists(#state.#method) OR attribute_exists(#state.#method.usedAt) OR #state.#method.expiresAt < :reuseBefore`,
    values: { ":reuseBefore": reuseBefore },
  });
}

/** Marks the stored WebAuthn challenge answered; false when it was already answered or replaced. */
export async function answerWebAuthnChallenge(db: Db, challengeId: string, expected: string, nowSeconds: number): Promise<boolean> {
  return writeIf(
    db,
    new UpdateCommand({
      TableName: db.table,
      Key: keys.session(challengeId),
      UpdateExpression: "SET #state.#method.usedAt = :now",
      // Invariant: a WebAuthn challenge answers one assertion, even for requests racing each other.
      ConditionExpression: "#type = :challenge AND #state.#method.#challenge = :expected AND attribute_not_exists(#state.#method.usedAt)",
      ExpressionAttributeNames: { "#state": "state", "#method": WEBAUTHN_STATE, "#type": "type", "#challenge": "challenge" },
      ExpressionAttributeValues: { ":challenge": "challenge", ":expected": expected, ":now": nowSeconds },
    }),
  );
}

/** The challenge's SMS state, if it holds a well-formed one. */
export function smsStateOf(challenge: ChallengeRecord): SmsChallengeState | undefined {
  const state = challenge.state?.[SMS_STATE] as Partial<SmsChallengeState> | undefined;
  return typeof state?.codeHash === "string" && typeof state.sentAtMs === "number" ? (state as SmsChallengeState) : undefined;
}

/** The challenge's WebAuthn state, if it holds a well-formed one. */
export function webAuthnStateOf(challenge: ChallengeRecord): WebAuthnChallengeState | undefined {
  const state = challenge.state?.[WEBAUTHN_STATE];
  if (state?.purpose !== "authentication" || typeof state.challenge !== "string" || typeof state.expiresAt !== "number") return undefined;
  return state as unknown as WebAuthnChallengeState;
}
