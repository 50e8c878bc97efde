import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { webAuthnHelpers, webAuthnServer } from "./library.js";
import type { Account } from "../../accounts/account.js";
import { getAccount } from "../../accounts/accounts.js";
import type { SignInAccount } from "../types.js";
import { epochSeconds } from "../../clock.js";
import { writeIf } from "../../db/client.js";
import { keys } from "../../db/keys.js";
import type { Deps } from "../../deps.js";
import { ExpiredError, ValidationError } from "../../errors.js";
import type { ChallengeRecord } from "../../sign-in/challenge.js";
import { loadLiveChallenge, setChallengeState } from "../../sign-in/challenges.js";
import type { ProofRefusal, VerifiedProof } from "../types.js";
import { isGenuineAssertion, verifyAssertion } from "./assertion.js";
import {
  answeredChallenge,
  CEREMONY_TIMEOUT_SECONDS,
  credentialDescriptors,
  factorForCredential,
  parseAuthenticationResponse,
  webAuthnFactors,
} from "./credentials.js";

/** The method's name in the challenge's `state` map. */
const STATE_KEY = "WEBAUTHN";

interface AuthenticationState {
  purpose: "authentication";
  challenge: string;
  expiresAt: number;
  /** Set when an assertion answered it (right or wrong): it answers once. */
  usedAt?: number;
}

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
  const reusable = (state: AuthenticationState | undefined) =>
    state && state.usedAt === undefined && state.expiresAt - nowSeconds >= REUSE_MIN_SECONDS_LEFT ? state : undefined;
  const options = (state?: AuthenticationState) => authenticationOptions(deps, account, state?.challenge);

  const current = reusable(authenticationState(challenge));
  if (current) return options(current);
  const fresh = await options();
  const state: AuthenticationState = {
    purpose: "authentication",
    challenge: fresh.challenge,
    expiresAt: Math.min(challenge.expiresAt, nowSeconds + CEREMONY_TIMEOUT_SECONDS),
  };
  const stored = await setChallengeState(deps, challenge, STATE_KEY, { ...state }, {
    // Invariant: a fresh unanswered WebAuthn challenge is never replaced, however parallel the starts.
    expression: `attribute_not_exists(#state.#method) OR attribute_exists(#state.#method.usedAt) OR #state.#method.expiresAt < :reuseBefore`,
    values: { ":reuseBefore": nowSeconds + REUSE_MIN_SECONDS_LEFT },
  });
  if (stored) return fresh;
  // A parallel start stored its challenge first: answer with that one (or the challenge is gone).
  const winner = reusable(authenticationState(await loadLiveChallenge(deps, challenge.id)));
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

function authenticationState(challenge: ChallengeRecord): AuthenticationState | undefined {
  const state = challenge.state?.[STATE_KEY];
  if (state?.purpose !== "authentication" || typeof state.challenge !== "string" || typeof state.expiresAt !== "number") return undefined;
  return state as unknown as AuthenticationState;
}

/** Marks the stored WebAuthn challenge answered; false when it was already answered or replaced. */
async function consumeAuthenticationState(deps: Deps, challenge: ChallengeRecord, expected: string): Promise<boolean> {
  return writeIf(
    deps.db,
    new UpdateCommand({
      TableName: deps.db.table,
      Key: keys.session(challenge.id),
      UpdateExpression: "SET #state.#method.usedAt = :now",
      // Invariant: a WebAuthn challenge answers one assertion, even for requests racing each other.
      ConditionExpression: "#type = :challenge AND #state.#method.#challenge = :expected AND attribute_not_exists(#state.#method.usedAt)",
      ExpressionAttributeNames: { "#state": "state", "#method": STATE_KEY, "#type": "type", "#challenge": "challenge" },
      ExpressionAttributeValues: { ":challenge": "challenge", ":expected": expected, ":now": epochSeconds(deps.clock.now()) },
    }),
  );
}

/**
 * The `webAuthnResponse` proof of `completeSignIn`. The stored challenge is consumed before the
 * assertion is checked, so any answer (right or wrong) spends it: a retry needs a new start. A
 * copy of an assertion whose challenge was already answered is "spent", not a wrong guess.
 */
export async function verifySignInAssertion(
  deps: Deps,
  args: { account: SignInAccount; challenge: ChallengeRecord; proof: unknown },
): Promise<VerifiedProof | ProofRefusal> {
  const { account, challenge } = args;
  const response = parseAuthenticationResponse(args.proof);
  const state = authenticationState(challenge);
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
  if (!(await consumeAuthenticationState(deps, challenge, state.challenge))) return alreadyAnswered();
  if (!factor) return "wrong";
  const verified = await verifyAssertion(deps, {
    account,
    factor,
    response,
    expectedChallenge: state.challenge,
    requireUserVerification: false,
  });
  return verified ? { factor } : "wrong";
}
