/** What a confirmed WEBAUTHN factor keeps in `StoredFactor.data`. */
export interface WebAuthnFactorData {
  credentialId: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  aaguid: string;
  backupEligible: boolean;
  backedUp: boolean;
  deviceType: "singleDevice" | "multiDevice";
}

/** What a pending WebAuthn registration keeps: the ceremony's challenge (its only copy). */
export interface WebAuthnPendingData {
  purpose: "registration";
  challenge: string;
  nicknameGiven: boolean;
}

/** The sign-in challenge's `state.WEBAUTHN`: the WebAuthn challenge the second step must answer. */
export interface WebAuthnChallengeState {
  purpose: "authentication";
  challenge: string;
  /** Epoch seconds. */
  expiresAt: number;
  /** Set when an assertion answered it (right or wrong): it answers once. */
  usedAt?: number;
}
