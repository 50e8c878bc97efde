import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { webAuthnServer } from "./library.js";
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
import { verifyAssertion } from "./assertion.js";
import {
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
}

/**
 * Request options for the second step, bound to the sign-in challenge: the WebAuthn challenge is
 * stored on it (a new start replaces the previous one), so an assertion only counts for the
 * sign-in it was made for, and only once.
 */
export async function startSignInWebAuthn(deps: Deps, input: { challengeId: string }): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const challenge = await loadLiveChallenge(deps, input.challengeId);
  const account = await getAccount(deps, challenge.email);
  if (!account || account.userId !== challenge.userId || !account.twoFactorEnabled) throw new ExpiredError();
  if (webAuthnFactors(account).length === 0) {
    throw new ValidationError("No security key or passkey is registered on this account.", "challengeId");
  }
  const { generateAuthenticationOptions } = await webAuthnServer();
  const options = await generateAuthenticationOptions({
    rpID: deps.config.webauthn.rpId,
    allowCredentials: credentialDescriptors(account),
    timeout: CEREMONY_TIMEOUT_SECONDS * 1000,
    // The password was the first factor; possession of the key is the second (a PIN is not needed).
    userVerification: "discouraged",
  });
  const state: AuthenticationState = {
    purpose: "authentication",
    challenge: options.challenge,
    expiresAt: Math.min(challenge.expiresAt, epochSeconds(deps.clock.now()) + CEREMONY_TIMEOUT_SECONDS),
  };
  if (!(await setChallengeState(deps, challenge, STATE_KEY, { ...state }))) throw new ExpiredError();
  return options;
}

function authenticationState(challenge: ChallengeRecord): AuthenticationState | undefined {
  const state = challenge.state?.[STATE_KEY];
  if (state?.purpose !== "authentication" || typeof state.challenge !== "string" || typeof state.expiresAt !== "number") return undefined;
  return state as unknown as AuthenticationState;
}

/** Removes the stored WebAuthn challenge; false when it was already used or replaced. */
async function consumeAuthenticationState(deps: Deps, challenge: ChallengeRecord, expected: string): Promise<boolean> {
  return writeIf(
    deps.db,
    new UpdateCommand({
      TableName: deps.db.table,
      Key: keys.session(challenge.id),
      UpdateExpression: "REMOVE #state.#method",
      // Invariant: a WebAuthn challenge answers one assertion, even for requests racing each other.
      ConditionExpression: "#type = :challenge AND #state.#method.#challenge = :expected",
      ExpressionAttributeNames: { "#state": "state", "#method": STATE_KEY, "#type": "type", "#challenge": "challenge" },
      ExpressionAttributeValues: { ":challenge": "challenge", ":expected": expected },
    }),
  );
}

/**
 * The `webAuthnResponse` proof of `completeSignIn`. The stored challenge is consumed before the
 * assertion is checked, so any answer (right or wrong) spends it: a retry needs a new start.
 */
export async function verifySignInAssertion(
  deps: Deps,
  args: { account: SignInAccount; challenge: ChallengeRecord; proof: unknown },
): Promise<VerifiedProof | ProofRefusal> {
  const { account, challenge } = args;
  const response = parseAuthenticationResponse(args.proof);
  const state = authenticationState(challenge);
  if (!response || !state || epochSeconds(deps.clock.now()) >= state.expiresAt) return "wrong";
  // Lost to a parallel answer to the same options: this one was never judged.
  if (!(await consumeAuthenticationState(deps, challenge, state.challenge))) return "spent";
  const factor = factorForCredential(account, response.id);
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
