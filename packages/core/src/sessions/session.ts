export type Aal = "AAL1" | "AAL2";

/** A signed-in session as stored (the token itself is never stored, only its SHA-256). */
export interface SessionRecord {
  type: "session";
  id: string;
  userId: string;
  email: string;
  tokenHash: string;
  aal: Aal;
  /** When the session last proved a second factor: step-up is judged from this. */
  aal2At?: string;
  createdAt: string;
  /**
   * When the account state this sign-in was judged on was read (the challenge's creation, the
   * passkey's account read): a revocation after that moment revokes the session, even if the
   * session itself was written a moment after the revocation. Absent on older sessions.
   */
  authStartedAt?: string;
  /** Absolute expiry, epoch seconds (also DynamoDB's TTL attribute). */
  expiresAt: number;
  lastSeenAt: number;
  enrolmentRequired: boolean;
  revoked?: boolean;
}

/**
 * What makes an item a live session: written whole by a direct sign-in, or onto the challenge a
 * second step turns into one.
 */
export type SessionAttributes = Omit<SessionRecord, "id" | "userId" | "email" | "authStartedAt" | "revoked"> & { authStartedAt: string };

/** What the client receives once, at sign-in. */
export interface IssuedSession {
  token: string;
  aal: Aal;
  expiresAt: Date;
  enrolmentRequired: boolean;
}

export const STEP_UP_SECONDS = 10 * 60;
