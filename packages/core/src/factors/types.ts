import type { Account, FactorKind, StoredFactor } from "../accounts/account.js";

/**
 * The account as a second-step method sees it: a snapshot taken when the challenge was created.
 * Methods never trust it for state that can change (a used step, a spent code, a removed factor):
 * each consumption is a conditional write against the live account item.
 */
export type SignInAccount = Pick<Account, "userId" | "email" | "factors">;
import type { Deps, RequestInfo } from "../deps.js";
import type { ChallengeRecord } from "../sign-in/challenge.js";

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
 */
export type ProofRefusal = "wrong" | "spent";

/**
 * What every way of passing the second step implements (after Ory Kratos' strategies): which
 * proof field it reads, how it checks that proof for a sign-in challenge, and what to tidy when
 * a factor of its kind is removed. `verify` consumes anything single-use (a TOTP step, an SMS
 * code, a backup code, a WebAuthn challenge) with a conditional write before it answers, and
 * answers a ProofRefusal for a proof that does not pass.
 */
export interface SecondFactorMethod {
  name: FactorKind | "BACKUP_CODE";
  proofField: ProofField;
  /** What the user is told when their proof was right but already spent: what to do instead. */
  spentMessage: string;
  verify(
    deps: Deps,
    args: { account: SignInAccount; challenge: ChallengeRecord; proof: unknown; request: RequestInfo },
  ): Promise<VerifiedProof | ProofRefusal>;
  /** Releases anything a factor holds outside its account item (e.g. a WebAuthn credential id). */
  onRemoved?(deps: Deps, account: Account, factor: StoredFactor): Promise<void>;
}
