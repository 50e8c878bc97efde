import type { Account, FactorKind, StoredFactor } from "../accounts/account.js";
import type { Deps, RequestInfo } from "../deps.js";
import type { ChallengeRecord } from "../sign-in/challenge.js";
import type { InvalidCodeError } from "../errors.js";
import type { BudgetWindow } from "../db/second-factor-budget.js";

/**
 * The account as a second-step method sees it: a snapshot taken when the challenge was created.
 * Methods never trust it for state that can change (a used step, a spent code, a removed factor):
 * each consumption is a conditional write against the live account item.
 */
export type SignInAccount = Pick<Account, "userId" | "email" | "factors">;

/** The proofs `completeSignIn` accepts; exactly one is given. */
export interface SignInProof {
  totpCode?: string | null;
  smsCode?: string | null;
  backupCode?: string | null;
  webAuthnResponse?: unknown;
}

export type ProofField = keyof SignInProof;

export interface VerifiedProof {
  /** The factor that answered, when a factor did (a backup code is not a factor). */
  factor?: StoredFactor;
}

/**
 * Why a proof did not pass. "wrong": it did not match (a guess, counted against the challenge).
 * "spent": it matched, but its single-use material was already consumed — by a parallel request
 * that won the conditional write, or by an earlier sign-in. A spent proof is not a guess, so it
 * does not count against the challenge: otherwise five double-submits of the right code could
 * use up the challenge under the very request that won, and nobody would be signed in.
 * "locked": right or not, a `lockable` method's factors are locked by consecutive failures
 * (sign-in/lockout.ts); a right one is refused by the write that would have spent it.
 */
export type ProofRefusal = "wrong" | "spent" | "locked";

/**
 * One way through the second step of a sign-in (after Ory Kratos' strategies): which proof field
 * of `completeSignIn` it reads, and how it checks that proof against a challenge. `verify`
 * consumes anything single-use (a TOTP step, an SMS code, a backup code, a WebAuthn challenge)
 * with a conditional write before it answers, and answers a ProofRefusal for a proof that does not
 * pass. That write is on the account item and also carries the second-factor budget's condition
 * for `window` (db/second-factor-budget.ts): a right proof passes only while the budget has room.
 * A proof refused for a full budget may be answered "wrong" or "spent": the caller's count of it
 * then finds the window full and refuses the request as rate-limited.
 */
export interface SecondStepMethod {
  name: FactorKind | "BACKUP_CODE";
  proofField: ProofField;
  /** The GraphQL input type of the proof field, and what to say about it. */
  proofInput: { type: "String" | "JSON"; description?: string };
  /**
   * Refused once the account's consecutive failed proofs reach SECOND_FACTOR_LOCK_AFTER (TOTP, SMS:
   * codes that can be guessed). Such a method's success write carries the lock's condition and resets
   * the count (`verify` answers "locked" when that condition failed); the others (backup codes,
   * security keys) keep working and clear the lock (sign-in/lockout.ts).
   */
  lockable?: boolean;
  /** What the user is told when their proof was right but already spent: what to do instead. */
  spentMessage: string;
  /** The refusal of a wrong proof, when "That code is not valid." would not fit it (a security key). */
  wrongProof?(attemptsRemaining: number): InvalidCodeError;
  verify(
    deps: Deps,
    args: { account: SignInAccount; challenge: ChallengeRecord; proof: unknown; request: RequestInfo; window: BudgetWindow },
  ): Promise<VerifiedProof | ProofRefusal>;
}

/** What the password step tells the client about the factors it may use (beyond their kinds). */
export interface SignInHints {
  smsFactors: { factorId: string; maskedPhoneNumber: string }[];
}

/**
 * What every factor kind implements, and all the registry knows of it. Enrolment is two steps
 * (start: a pending factor; confirm: the proof that makes it a factor); `secondStep` checks it at
 * sign-in; `signInHints` is what the password step tells the client about factors of this kind
 * (e.g. which masked numbers can be texted); `onRemoved` releases what a factor holds outside its
 * account item (a WebAuthn credential id), once the factor has left the account.
 * A factor gets what it needs as arguments: nothing in a factor's folder imports the registry.
 */
export interface Factor<K extends FactorKind = FactorKind, StartInput = never, Started = unknown, ConfirmInput = never> {
  kind: K;
  enrolment: {
    start(deps: Deps, account: Account, input: StartInput, request: RequestInfo): Promise<Started>;
    confirm(deps: Deps, account: Account, input: ConfirmInput): Promise<StoredFactor>;
  };
  secondStep: SecondStepMethod & { name: K };
  signInHints?(factors: StoredFactor[]): Partial<SignInHints>;
  onRemoved?(deps: Deps, account: Pick<Account, "userId" | "email">, factor: StoredFactor): Promise<void>;
}
