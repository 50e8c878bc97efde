import { confirmedFactors, type Account, type FactorOfKind } from "../../accounts/account.js";
import { getAccount } from "../../accounts/accounts.js";
import { restoreSmsCode, smsStateOf, storeSmsCode, voidSmsCode } from "../../db/challenge-proofs.js";
import type { Deps, RequestInfo } from "../../deps.js";
import { ExpiredError, RateLimitedError, ValidationError } from "../../errors.js";
import type { ChallengeRecord } from "../../sign-in/challenge.js";
import { loadLiveChallenge } from "../../sign-in/challenges.js";
import { refuseIfLocked } from "../../sign-in/lockout.js";
import { deliverSmsCode, hashSmsCode, newSmsCode, SMS_CODE_TTL_SECONDS, type SmsCodePurpose } from "./codes.js";
import type { SmsChallengeState } from "./data.js";
import { parseMobileNumber } from "./phone.js";
import {
  giveBackSmsAllowance,
  RESEND_INTERVAL_MS,
  resendRefusal,
  takeSmsAllowance,
  undoAll,
  type TakenAllowance,
} from "./throttle.js";

export interface SmsCodeSent {
  expiresAt: Date;
  resendAfter: Date;
}

export function signInPurpose(challengeId: string): SmsCodePurpose {
  return { challenge: challengeId };
}

function pickSmsFactor(account: Account, factorId: string | null | undefined): FactorOfKind<"SMS"> {
  // Oldest first: without a factor id, the first number enrolled is texted.
  const smsFactors = confirmedFactors(account).filter((f): f is FactorOfKind<"SMS"> => f.kind === "SMS");
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
  // No text for a factor its code could not pass (consecutive failures: sign-in/lockout.ts).
  refuseIfLocked(deps, account);
  const factor = pickSmsFactor(account, input.factorId);
  // Re-checked at every send: a number from a country blocked since it was enrolled gets no more texts.
  let phoneE164: string;
  try {
    phoneE164 = (await parseMobileNumber(factor.data.phoneNumber, deps.config.sms)).e164;
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
  const claimed = await storeSmsCode(deps, challenge, state, nowMs - RESEND_INTERVAL_MS);
  if (!claimed) {
    // Lost to a parallel send (or the challenge died: then this throws ExpiredError).
    const current = smsStateOf(await loadLiveChallenge(deps, challenge.id));
    // The winner's text already failed and was voided: the slot is free again.
    if (!current) throw new RateLimitedError(1, "Another code was being sent. Try again.");
    throw resendRefusal(current.sentAtMs, deps.clock.now().getTime());
  }

  let taken: TakenAllowance;
  try {
    taken = await takeSmsAllowance(deps, { phoneE164, userId: account.userId, ip: request.ipKey }, "signIn");
  } catch (error) {
    // Refused by a cap: nothing was sent, so the code sent before (if any) stays the valid one.
    await restorePrevious(deps, challenge, state, previous);
    throw error;
  }
  try {
    await deliverSmsCode(deps, phoneE164, code);
  } catch (error) {
    // Nothing may stay valid that the user was not sent, and the failed try costs them nothing.
    await undoAll(deps, [voidSmsCode(deps.db, challenge.id, state.codeHash), giveBackSmsAllowance(deps, taken)]);
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
    await voidSmsCode(deps.db, challenge.id, ours.codeHash);
    return;
  }
  await restoreSmsCode(deps, challenge, previous, ours.codeHash);
}
