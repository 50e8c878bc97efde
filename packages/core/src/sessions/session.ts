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
  /** Where and with what the session was opened (the client's address and User-Agent), for its owner's list. */
  ipAddress?: string;
  userAgent?: string;
}

/**
 * What makes an item a live session: written whole by a direct sign-in, or onto the challenge a
 * second step turns into one.
 */
export type SessionAttributes = Omit<SessionRecord, "id" | "userId" | "email" | "authStartedAt" | "revoked"> & { authStartedAt: string };

/** What the client receives once, at sign-in (or step-up, with the token it already holds). */
export interface IssuedSession {
  id: string;
  token: string;
  /** Whose session it is: a device token issued with it is bound to the same account. */
  userId: string;
  email: string;
  aal: Aal;
  /** When AAL2 lapses to AAL1 (absent at AAL1). */
  aal2Until?: Date;
  expiresAt: Date;
  enrolmentRequired: boolean;
}

/** A session as its owner sees it in their list: never the token or its hash. */
export interface SessionInfo {
  id: string;
  current: boolean;
  aal: Aal;
  aal2Until?: Date;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ipAddress?: string;
  userAgent?: string;
}

/** Sensitive changes need a second factor proved on the session this recently. */
export const STEP_UP_SECONDS = 10 * 60;
