/** What a confirmed TOTP factor keeps in `StoredFactor.data`. */
export interface TotpFactorData {
  /** The base32 secret, sealed to its user and factor (see secretContext). */
  secretSealed: string;
  /** The last time step that signed in (or confirmed): later codes only, so none is replayed. */
  lastStep?: number;
}

/** What a pending TOTP enrolment keeps: the secret, sealed to the user until the factor has an id. */
export interface TotpPendingData {
  secretSealed: string;
}
