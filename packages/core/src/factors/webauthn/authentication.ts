import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { webAuthnHelpers, webAuthnServer } from "./library.js";
import type { Account } from "../../accounts/account.js";
import { getAccount } from "../../accounts/accounts.js";
import type { SignInAccount } from "../types.js";
import { epochSeconds } from "../../clock.js";
import { answerWebAuthnChallenge, storeWebAuthnChallenge, webAuthnStateOf } from "../../db/challenge-proofs.js";
import type { BudgetWindow } from "../../db/second-factor-budget.js";
import type { Deps } from "../../deps.js";
import { ExpiredError, ValidationError } from "../../errors.js";
import type { ChallengeRecord } from "../../sign-in/challenge.js";
import { loadLiveChallenge } from "../../sign-in/challenges.js";
import type { ProofRefusal, VerifiedProof } from "../types.js";
import type { WebAuthnChallengeState } from "./data.js";
import { isGenuineAssertion, verifyAssertion } from "./assertion.js";
import {
  answeredChallenge,
  CEREMONY_TIMEOUT_SECONDS,
  credentialDescriptors,
  factorForCredential,
  parseAuthenticationResponse,
  webAuthnFactors,
} from "./credentials.js";

/** A start reuses the stored challenge while this much of its ceremony time is left. */
const REUSE_MIN_SECONDS_LEFT = 60;

/**
 * Request options for the second step, bound to the sign-in challenge: the WebAuthn challenge is
 * stored on it, so an assertion only counts for the sign-in it was made for, and only once. A
 * start while an unanswered challenge is still fresh gets that same challenge back, so a
 * double-click, a retry or React's doubled effect cannot leave the browser answering options
 * the server has already replaced.
 */
export async function startSignInWebAuthn(deps: Deps, input: { challengeId: string }): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const challenge = await loadLiveChallenge(deps, input.challengeId);
  const account = await getAccount(deps, challenge.email);
  if (!account || account.userId !== challenge.userId || !account.twoFactorEnabled) throw new ExpiredError();
  if (webAuthnFactors(account).length === 0) {
    throw new ValidationError("No security key or passkey is registered on this account.", "challengeId");
  }
  const nowSeconds = epochSeconds(deps.clock.now());
  const reusable = (state: WebAuthnChallengeState | undefined) =>
    state && state.usedAt === undefined && state.expiresAt - nowSeconds >= REUSE_MIN_SECONDS_LEFT ? state : undefined;
  const options = (state?: WebAuthnChallengeState) => authenticationOptions(deps, account, state?.challenge);

  const current = reusable(webAuthnStateOf(challenge));
  if (current) return options(current);
  const fresh = await options();
  const state: WebAuthnChallengeState = {
    purpose: "authentication",
    challenge: fresh.challenge,
    expiresAt: Math.min(challenge.expiresAt, nowSeconds + CEREMONY_TIMEOUT_SECONDS),
  };
  const stored = await storeWebAuthnChallenge(deps, challenge, state, nowSeconds + REUSE_MIN_SECONDS_LEFT);
  if (stored) return fresh;
  // A parallel start stored its challenge first: answer with that one (or the challenge is gone).
  const winner = reusable(webAuthnStateOf(await loadLiveChallenge(deps, challenge.id)));
  if (!winner) throw new ExpiredError();
  return options(winner);
}

async function authenticationOptions(
  deps: Deps,
  account: Account,
  storedChallenge?: string,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const [{ generateAuthenticationOptions }, { isoBase64URL }] = await Promise.all([webAuthnServer(), webAuthnHelpers()]);
  return generateAuthenticationOptions({
    rpID: deps.config.webauthn.rpId,
    allowCredentials: credentialDescriptors(account),
    timeout: CEREMONY_TIMEOUT_SECONDS * 1000,
    // The password was the first factor; possession of the key is the second (a PIN is not needed).
    userVerification: "discouraged",
    ...(storedChallenge ? { challenge: isoBase64URL.toBuffer(storedChallenge) } : {}),
  });
}

/**
 * The `webAuthnResponse` proof of `completeSignIn`. The stored challenge is consumed before the
 * assertion is checked, so any answer (right or wrong) spends it: a retry needs a new start. A
 * copy of an assertion whose challenge was already answered is "spent", not a wrong guess.
 */
export async function verifySignInAssertion(
  deps: Deps,
  args: { account: SignInAccount; challenge: ChallengeRecord; proof: unknown; window: BudgetWindow },
): Promise<VerifiedProof | ProofRefusal> {
  const { account, challenge } = args;
  const response = parseAuthenticationResponse(args.proof);
  const state = webAuthnStateOf(challenge);
  if (!response || !state || epochSeconds(deps.clock.now()) >= state.expiresAt) return "wrong";
  const factor = factorForCredential(account, response.id);
  // Already answered (by a parallel copy, or before): "spent" only for a genuine copy of an answer
  // to it; anything else naming it (a forgery) is a wrong proof, counted and audited as one.
  const alreadyAnswered = async () =>
    factor !== undefined && answeredChallenge(response) === state.challenge &&
    (await isGenuineAssertion(deps, { account, factor, response, expectedChallenge: state.challenge }))
      ? "spent"
      : "wrong";
  if (state.usedAt !== undefined) return alreadyAnswered();
  if (!(await answerWebAuthnChallenge(deps.db, challenge.id, state.challenge, epochSeconds(deps.clock.now())))) return alreadyAnswered();
  if (!factor) return "wrong";
  const verified = await verifyAssertion(deps, {
    account,
    factor,
    response,
    expectedChallenge: state.challenge,
    requireUserVerification: false,
    window: args.window,
  });
  return verified ? { factor } : "wrong";
}
