/** What a confirmed SMS factor keeps in `StoredFactor.data`. */
export interface SmsFactorData {
  phoneNumber: string;
  maskedPhoneNumber: string;
}

/** What a pending SMS enrolment keeps: the number, and the keyed hash of the code texted to it. */
export interface SmsPendingData extends SmsFactorData {
  codeHash: string;
}

/** The sign-in challenge's `state.SMS`: the one code currently valid for this sign-in, if any. */
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
