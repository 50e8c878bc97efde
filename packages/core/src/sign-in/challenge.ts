import type { StoredFactor } from "../accounts/account.js";

/** A pending second step. It lives on the item that becomes the session when it is completed. */
export interface ChallengeRecord {
  type: "challenge";
  id: string;
  userId: string;
  email: string;
  createdAt: string;
  /**
   * When the account the snapshot below comes from was read (before the password check): the
   * session this becomes is judged on that state, so a revocation after it revokes the session.
   * Absent on challenges made before it was recorded: createdAt stands in.
   */
  accountReadAt?: string;
  /** Epoch seconds; checked in code (dynalite never expires items, and AWS's TTL is lazy). */
  expiresAt: number;
  attempts: number;
  /**
   * The account's confirmed factors when the challenge was made (secrets still sealed), so the
   * second step needs no account read; removed with the rest when the challenge becomes a session.
   */
  factors: Record<string, StoredFactor>;
  /**
   * Set on a step-up challenge: the session it may raise to AAL2. Such a challenge never becomes a
   * session of its own, and a sign-in challenge (without it) never raises one.
   */
  stepUpOf?: string;
  /** Per-method state (an SMS code's hash, a WebAuthn challenge), keyed by method name. */
  state?: Record<string, Record<string, unknown>>;
  /** What completing it does besides signing in: a password reset sets the pending password first. */
  purpose?: "passwordReset";
  /** The new password's argon2id hash (never the password), for a password-reset challenge; removed with the rest. */
  pendingPasswordHash?: string;
}

export const CHALLENGE_TTL_SECONDS = 5 * 60;
export const CHALLENGE_MAX_ATTEMPTS = 5;
