import { factorsOfKind, type Account, type FactorOfKind } from "../../accounts/account.js";
import { deletePendingFactor } from "../../db/pending-factors.js";
import type { Deps, RequestInfo } from "../../deps.js";
import { ValidationError } from "../../errors.js";
import { activatePending, failPending, loadPending, startPending, type StartedPending } from "../pending.js";
import type { SmsFactorData } from "./data.js";
import { deliverSmsCode, hashSmsCode, newSmsCode, smsCodeMatches, SMS_CODE_TTL_SECONDS, type SmsCodePurpose } from "./codes.js";
import { parseMobileNumber } from "./phone.js";
import {
  claimEnrolmentResendSlot,
  giveBackSmsAllowance,
  releaseEnrolmentResendSlot,
  takeSmsAllowance,
  undoAll,
  type ResendSlot,
  type TakenAllowance,
} from "./throttle.js";

export interface SmsEnrolment {
  factorId: string;
  maskedPhoneNumber: string;
  /** When the code (and with it this enrolment) expires. */
  expiresAt: Date;
}

/** An enrolment code is bound to its user and number: it cannot confirm anyone else's. */
function enrolmentPurpose(userId: string, phoneE164: string): SmsCodePurpose {
  return { enrolment: `${userId}:${phoneE164}` };
}

/**
 * Texts a code to a new number. Checks run cheapest and most specific first: the number itself
 * (a junk, premium-rate or blocked number never reaches the provider), the 30-second resend
 * guard, the SMS caps, then the pending factor holding the code's hash. If the provider fails,
 * all of it is undone: no code stays valid and no allowance is spent, so a retry just works.
 * Calling this again for the same number is how a user asks for a new code.
 */
export async function startSmsEnrolment(
  deps: Deps,
  account: Account,
  input: { phoneNumber: string },
  request: RequestInfo,
): Promise<SmsEnrolment> {
  const phone = await parseMobileNumber(input.phoneNumber, deps.config.sms);
  const already = factorsOfKind(account, "SMS").some((f) => f.data.phoneNumber === phone.e164);
  if (already) throw new ValidationError("This number is already set up for text messages.", "phoneNumber");

  const slot = await claimEnrolmentResendSlot(deps, account.userId);
  let taken: TakenAllowance = [];
  let pending: StartedPending<"SMS"> | undefined;
  const undo = () => undoEnrolmentSend(deps, account, { slot, taken, pending });

  const code = newSmsCode();
  try {
    taken = await takeSmsAllowance(deps, { phoneE164: phone.e164, userId: account.userId, ip: request.ipKey }, "enrolment");
    pending = await startPending(deps, account, {
      kind: "SMS",
      label: phone.masked,
      ttlSeconds: SMS_CODE_TTL_SECONDS,
      data: {
        phoneNumber: phone.e164,
        maskedPhoneNumber: phone.masked,
        codeHash: hashSmsCode(deps, enrolmentPurpose(account.userId, phone.e164), code),
      },
    });
    await deliverSmsCode(deps, phone.e164, code);
  } catch (error) {
    await undo();
    throw error;
  }
  deps.log.info({ event: "sms.enrolment.sent", userId: account.userId, factorId: pending.id }, "enrolment code sent");
  return { factorId: pending.id, maskedPhoneNumber: phone.masked, expiresAt: new Date(pending.expiresAt * 1000) };
}

/** Deleting the pending factor is what makes the unsent code worthless. */
async function undoEnrolmentSend(
  deps: Deps,
  account: Account,
  done: { slot: ResendSlot; taken: TakenAllowance; pending?: StartedPending<"SMS"> },
): Promise<void> {
  const steps: Promise<unknown>[] = [releaseEnrolmentResendSlot(deps, done.slot), giveBackSmsAllowance(deps, done.taken)];
  if (done.pending) {
    steps.push(
      deletePendingFactor(deps.db, account.userId, done.pending.id),
      deps.limiter.release(done.pending.startReservation),
    );
  }
  await undoAll(deps, steps);
}

/**
 * Confirms the number with the texted code: at most 5 wrong codes (the sixth try is refused even
 * when right), within 5 minutes, once. The factor's label is the masked number.
 */
export async function confirmSmsEnrolment(
  deps: Deps,
  account: Account,
  input: { factorId: string; code: string },
): Promise<FactorOfKind<"SMS">> {
  const pending = await loadPending(deps, account, input.factorId, "SMS");
  const { phoneNumber } = pending.data;
  if (!smsCodeMatches(deps, enrolmentPurpose(account.userId, phoneNumber), input.code, pending.data.codeHash)) {
    return failPending(deps, pending);
  }
  const data: SmsFactorData = { phoneNumber, maskedPhoneNumber: pending.data.maskedPhoneNumber };
  return activatePending(deps, account, pending, data);
}
