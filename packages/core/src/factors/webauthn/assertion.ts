import type { AuthenticationResponseJSON, VerifiedAuthenticationResponse } from "@simplewebauthn/server";
import { userRef, type Account } from "../../accounts/account.js";
import { recordAudit, userStream } from "../../audit/audit.js";
import type { BudgetWindow } from "../../db/second-factor-budget.js";
import type { Deps } from "../../deps.js";
import { recordCredentialUse, type WebAuthnFactor } from "./credentials.js";
import { webAuthnHelpers, webAuthnServer } from "./library.js";

/** The signature counter an assertion claims, read before verification so a regression can be told apart. */
async function claimedCounter(response: AuthenticationResponseJSON): Promise<number | undefined> {
  const { parseAuthenticatorData } = await webAuthnHelpers(); // outside the try: see verifyAssertion
  try {
    return parseAuthenticatorData(Buffer.from(response.response.authenticatorData, "base64url")).counter;
  } catch {
    return undefined;
  }
}

/**
 * Checks an assertion against one stored credential (challenge, origin, RP id, user presence,
 * signature, counter), then records its use. Answers undefined for anything wrong.
 *
 * A counter that does not grow (when either counter is non-zero) suggests a cloned authenticator:
 * it is refused and audited, but only once the signature shows the key really made it, so nobody
 * can fill a user's log with forged regressions. For that one check the library is handed a
 * counter of 0, which skips its own comparison; every other path gives it the stored counter.
 */
export async function verifyAssertion(
  deps: Deps,
  args: {
    account: Pick<Account, "userId" | "email" | "factors">;
    factor: WebAuthnFactor;
    response: AuthenticationResponseJSON;
    expectedChallenge: string;
    requireUserVerification: boolean;
    /** A second step's budget window: the use is recorded only while it has room (db/second-factor-budget.ts). */
    window?: BudgetWindow;
  },
): Promise<{ userVerified: boolean } | undefined> {
  const { account, factor, response } = args;
  const stored = factor.data.counter;
  const claimed = await claimedCounter(response);
  if (claimed === undefined) return undefined;
  const regressed = (claimed > 0 || stored > 0) && claimed <= stored;

  const info = await checkSignature(deps, args, regressed ? 0 : stored);
  if (!info) return undefined;

  if (regressed) {
    deps.log.warn({ event: "webauthn.counter.regression", userId: account.userId, factorId: factor.id, stored, claimed }, "counter regression");
    await recordAudit(
      deps,
      {
        action: "WEBAUTHN_COUNTER_REGRESSION",
        actor: userRef(account),
        subject: userRef(account),
        detail: `${factor.label}: counter ${claimed} after ${stored} (the key may have been cloned)`,
      },
      [userStream(account.userId)],
    );
    return undefined;
  }

  const use = { newCounter: info.newCounter, backedUp: info.credentialBackedUp, ...(args.window ? { window: args.window } : {}) };
  const recorded = await recordCredentialUse(deps, account, factor, use);
  return recorded ? { userVerified: info.userVerified } : undefined;
}

/**
 * Whether the key really made this assertion for `expectedChallenge` (signature, origin, RP id),
 * judging no counter and recording nothing: tells a late copy of a real answer (refused as spent)
 * from a forgery that merely names the same challenge (a wrong proof).
 */
export async function isGenuineAssertion(
  deps: Deps,
  args: { account: Pick<Account, "userId">; factor: WebAuthnFactor; response: AuthenticationResponseJSON; expectedChallenge: string },
): Promise<boolean> {
  return (await checkSignature(deps, { ...args, requireUserVerification: false }, 0)) !== undefined;
}

/** The library's check against one credential; undefined (logged) when it refuses. */
async function checkSignature(
  deps: Deps,
  args: {
    account: Pick<Account, "userId">;
    factor: WebAuthnFactor;
    response: AuthenticationResponseJSON;
    expectedChallenge: string;
    requireUserVerification: boolean;
  },
  counter: number,
): Promise<VerifiedAuthenticationResponse["authenticationInfo"] | undefined> {
  const { factor } = args;
  // Loaded outside the try: a library that fails to load is our fault, not a wrong proof.
  const { verifyAuthenticationResponse } = await webAuthnServer();
  try {
    const result = await verifyAuthenticationResponse({
      response: args.response,
      expectedChallenge: args.expectedChallenge,
      expectedOrigin: deps.config.webauthn.origins,
      expectedRPID: deps.config.webauthn.rpId,
      credential: {
        id: factor.data.credentialId,
        publicKey: Buffer.from(factor.data.publicKey, "base64url"),
        counter,
        transports: factor.data.transports as never,
      },
      requireUserVerification: args.requireUserVerification,
    });
    return result.verified ? result.authenticationInfo : undefined;
  } catch (error) {
    // The library's reason (wrong origin, challenge, RP id...) helps operators; it holds no secret.
    deps.log.info({ event: "webauthn.assertion.refused", userId: args.account.userId, reason: (error as Error).message }, "assertion refused");
    return undefined;
  }
}
