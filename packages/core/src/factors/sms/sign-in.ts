import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { confirmedFactors, type Account, type StoredFactor } from "../../accounts/account.js";
import { getAccount } from "../../accounts/accounts.js";
import { writeIf } from "../../db/client.js";
import { keys } from "../../db/keys.js";
import type { Deps, RequestInfo } from "../../deps.js";
import { ExpiredError, RateLimitedError, ValidationError } from "../../errors.js";
import type { ChallengeRecord } from "../../sign-in/challenge.js";
import { loadLiveChallenge, setChallengeState } from "../../sign-in/challenges.js";
import { deliverSmsCode, hashSmsCode, newSmsCode, SMS_CODE_TTL_SECONDS, type SmsCodePurpose } from "./codes.js";
import { parseMobileNumber } from "./phone.js";
import {
  giveBackSmsAllowance,
  RESEND_INTERVAL_MS,
  resendRefusal,
  takeSmsAllowance,
  undoAll,
  type TakenAllowance,
} from "./throttle.js";

/** The challenge's `state.SMS`: the one code currently valid for this sign-in, if any. */
export const SMS_STATE = "SMS";
export interface SmsChallengeState {
  codeHash: string;
  factorId: string;
  /** Epoch milliseconds: the resend guard is exact to the millisecond, not to the second. */
  sentAtMs: number;
  expiresAtMs: number;
  /**
   * Set when the code signed in (spent, not removed): a copy of it arriving later is then told
   * it was used, not counted as a wrong guess.
   */
  usedAtMs?: number;
}

export interface SmsCodeSent {
  expiresAt: Date;
  resendAfter: Date;
}

export function signInPurpose(challengeId: string): SmsCodePurpose {
  return { challenge: challengeId };
}

export function smsStateOf(challenge: ChallengeRecord): SmsChallengeState | undefined {
  const state = challenge.state?.[SMS_STATE] as Partial<SmsChallengeState> | undefined;
  return typeof state?.codeHash === "string" && typeof state.sentAtMs === "number" ? (state as SmsChallengeState) : undefined;
}

/**
 * Marks the challenge's SMS code used, if it is still the one with this hash and unused. False
 * when a parallel request spent it first (or a resend replaced it).
 */
export async function spendSmsCode(deps: Deps, challengeId: string, codeHash: string): Promise<boolean> {
  return writeIf(
    deps.db,
    new UpdateCommand({
      TableName: deps.db.table,
      Key: keys.session(challengeId),
      UpdateExpression: "SET #state.#sms.usedAtMs = :now",
      // Invariant: an SMS code signs in at most once.
      ConditionExpression: "#type = :challenge AND #state.#sms.codeHash = :hash AND attribute_not_exists(#state.#sms.usedAtMs)",
      ExpressionAttributeNames: { "#state": "state", "#sms": SMS_STATE, "#type": "type" },
      ExpressionAttributeValues: { ":challenge": "challenge", ":hash": codeHash, ":now": deps.clock.now().getTime() },
    }),
  );
}

/**
 * Removes the challenge's SMS code if it is still the one with this hash: voids a code the
 * provider never delivered, or one a refused resend replaced. False when it was already gone.
 */
export async function removeSmsState(deps: Deps, challengeId: string, codeHash: string): Promise<boolean> {
  return writeIf(
    deps.db,
    new UpdateCommand({
      TableName: deps.db.table,
      Key: keys.session(challengeId),
      UpdateExpression: "REMOVE #state.#sms",
      // Invariant: an SMS code is voided at most once, and only that code.
      ConditionExpression: "#type = :challenge AND #state.#sms.codeHash = :hash",
      ExpressionAttributeNames: { "#state": "state", "#sms": SMS_STATE, "#type": "type" },
      ExpressionAttributeValues: { ":challenge": "challenge", ":hash": codeHash },
    }),
  );
}

function pickSmsFactor(account: Account, factorId: string | null | undefined): StoredFactor {
  const smsFactors = confirmedFactors(account).filter((f) => f.kind === "SMS");
  const factor = factorId ? smsFactors.find((f) => f.id === factorId) : smsFactors[0];
  if (!factor) {
    throw new ValidationError(
      factorId ? "There is no text-message factor with that id on this account." : "This account has no text-message factor. Use another method.",
      "factorId",
    );
  }
  return factor;
}

/**
 * Texts a sign-in code for a live challenge (no session yet: the challenge id is the proof of the
 * password step). The code's hash goes onto the challenge before the text is sent, in a write
 * guarded by the 30-second resend rule, so parallel requests send at most one text. A resend
 * replaces the earlier code.
 */
export async function sendSignInSmsCode(
  deps: Deps,
  input: { challengeId: string; factorId?: string | null },
  request: RequestInfo,
): Promise<SmsCodeSent> {
  const challenge = await loadLiveChallenge(deps, input.challengeId);
  const account = await getAccount(deps, challenge.email);
  if (!account || account.userId !== challenge.userId || !account.twoFactorEnabled) throw new ExpiredError();
  const factor = pickSmsFactor(account, input.factorId);
  // Re-checked at every send: a number from a country blocked since it was enrolled gets no more texts.
  let phoneE164: string;
  try {
    phoneE164 = (await parseMobileNumber(String(factor.data.phoneNumber), deps.config.sms)).e164;
  } catch {
    throw new ValidationError("Text messages cannot be sent to this number any more. Use another method.", "factorId");
  }

  const nowMs = deps.clock.now().getTime();
  const previous = smsStateOf(challenge);
  // A used code does not hold back a new one: its sign-in failed after spending it.
  if (previous && previous.usedAtMs === undefined && nowMs - previous.sentAtMs < RESEND_INTERVAL_MS) {
    throw resendRefusal(previous.sentAtMs, nowMs);
  }

  const code = newSmsCode();
  const state: SmsChallengeState = {
    codeHash: hashSmsCode(deps, signInPurpose(challenge.id), code),
    factorId: factor.id,
    sentAtMs: nowMs,
    // A code never outlives its challenge.
    expiresAtMs: Math.min(nowMs + SMS_CODE_TTL_SECONDS * 1000, challenge.expiresAt * 1000),
  };
  const claimed = await setChallengeState(deps, challenge, SMS_STATE, { ...state }, {
    // Invariant: texts for one challenge are at least RESEND_INTERVAL_MS apart, however parallel
    // (unless the earlier code was already used).
    expression: "attribute_not_exists(#state.#method) OR attribute_exists(#state.#method.usedAtMs) OR #state.#method.sentAtMs <= :cutoff",
    values: { ":cutoff": nowMs - RESEND_INTERVAL_MS },
  });
  if (!claimed) {
    // Lost to a parallel send (or the challenge died: then this throws ExpiredError).
    const current = smsStateOf(await loadLiveChallenge(deps, challenge.id));
    // The winner's text already failed and was voided: the slot is free again.
    if (!current) throw new RateLimitedError(1, "Another code was being sent. Try again.");
    throw resendRefusal(current.sentAtMs, deps.clock.now().getTime());
  }

  let taken: TakenAllowance;
  try {
    taken = await takeSmsAllowance(deps, { phoneE164, userId: account.userId, ip: request.ip });
  } catch (error) {
    // Refused by a cap: nothing was sent, so the code sent before (if any) stays the valid one.
    await restorePrevious(deps, challenge, state, previous);
    throw error;
  }
  try {
    await deliverSmsCode(deps, phoneE164, code);
  } catch (error) {
    // Nothing may stay valid that the user was not sent, and the failed try costs them nothing.
    await undoAll(deps, [removeSmsState(deps, challenge.id, state.codeHash), giveBackSmsAllowance(deps, taken)]);
    throw error;
  }
  deps.log.info({ event: "sms.signIn.sent", userId: account.userId, factorId: factor.id }, "sign-in code sent");
  return { expiresAt: new Date(state.expiresAtMs), resendAfter: new Date(nowMs + RESEND_INTERVAL_MS) };
}

async function restorePrevious(
  deps: Deps,
  challenge: ChallengeRecord,
  ours: SmsChallengeState,
  previous: SmsChallengeState | undefined,
): Promise<void> {
  if (!previous) {
    await removeSmsState(deps, challenge.id, ours.codeHash);
    return;
  }
  await setChallengeState(deps, challenge, SMS_STATE, { ...previous }, {
    expression: "#state.#method.codeHash = :ours",
    values: { ":ours": ours.codeHash },
  });
}
