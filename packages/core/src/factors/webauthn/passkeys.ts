import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { webAuthnServer } from "./library.js";
import type { Account } from "../../accounts/account.js";
import { getAccount } from "../../accounts/accounts.js";
import { epochSeconds } from "../../clock.js";
import { safeEqual } from "../../crypto/hashing.js";
import { consumePasskeyCeremony, putPasskeyCeremony } from "../../db/passkey-ceremonies.js";
import { getCredentialOwner } from "../../db/webauthn-credentials.js";
import type { Deps, RequestInfo } from "../../deps.js";
import { enforcementForAccount } from "../../domains/policy.js";
import { ExpiredError, InvalidCodeError, ValidationError } from "../../errors.js";
import { createSession } from "../../sessions/sessions.js";
import type { IssuedSession } from "../../sessions/session.js";
import { verifyAssertion } from "./assertion.js";
import { answeredChallenge, CEREMONY_TIMEOUT_SECONDS, factorForCredential, parseAuthenticationResponse } from "./credentials.js";
import { afterPasskeySignIn } from "../../sign-in/lockout.js";

/**
 * Options for signing in with a passkey alone: no email is asked for and no credentials are
 * listed (the authenticator offers the discoverable credentials it holds for our RP id). User
 * verification is preferred: with it the passkey is two factors in one (AAL2). Each start writes
 * one item, so starts are limited per IP.
 */
export async function startPasskeySignIn(deps: Deps, request: RequestInfo): Promise<PublicKeyCredentialRequestOptionsJSON> {
  await deps.limiter.hit(deps.limits.passkeyStartsPerIp, request.ipKey);
  const { generateAuthenticationOptions } = await webAuthnServer();
  const options = await generateAuthenticationOptions({
    rpID: deps.config.webauthn.rpId,
    timeout: CEREMONY_TIMEOUT_SECONDS * 1000,
    userVerification: "preferred",
  });
  await putPasskeyCeremony(deps.db, options.challenge, epochSeconds(deps.clock.now()) + CEREMONY_TIMEOUT_SECONDS);
  return options;
}

/** Deletes the ceremony's challenge; false when it is unknown, already used or expired. */
async function consumeCeremony(deps: Deps, challenge: string): Promise<boolean> {
  const used = await consumePasskeyCeremony(deps.db, challenge);
  // An expired one is spent all the same (dynalite never expires items; AWS's TTL is lazy).
  return used !== undefined && epochSeconds(deps.clock.now()) < used.expiresAt;
}

// One message for every refusal: it says nothing about whether the credential or an account exists.
const NOT_RECOGNISED =
  "This passkey was not recognised or did not confirm it is you (PIN or biometrics). Try again, or sign in with your email and password.";

/**
 * Signs in with a passkey: the ceremony's challenge is spent first, then the credential leads to
 * its account, whose user handle must be the one the authenticator returned. User verification
 * makes the session AAL2; without it the passkey is one factor, which only an account without
 * 2FA may sign in with (AAL1), since 2FA accounts never get a session from one factor.
 */
export async function completePasskeySignIn(
  deps: Deps,
  input: { response: unknown },
  request: RequestInfo,
): Promise<{ session: IssuedSession; account: Account }> {
  const response = parseAuthenticationResponse(input.response);
  const challenge = response && answeredChallenge(response);
  if (!response || !challenge) throw new ValidationError("This is not a passkey's sign-in response.", "response");
  if (!(await consumeCeremony(deps, challenge))) throw new ExpiredError("This passkey sign-in has expired or was already used. Start again.");

  const owner = await getCredentialOwner(deps.db, response.id);
  const readAt = deps.clock.now().toISOString();
  const account = owner ? await getAccount(deps, owner.email) : undefined;
  const factor = account && account.userId === owner?.userId ? factorForCredential(account, response.id) : undefined;
  const userHandle = response.response.userHandle;
  // The credential id leads to the account; the user handle the authenticator stored at
  // registration must agree with it, so a credential moved or misfiled never signs anyone in.
  if (!account || !factor || typeof userHandle !== "string" || !safeEqual(userHandle, account.webAuthnUserHandle)) {
    deps.log.info({ event: "passkey.refused", ip: request.ip, reason: "unknown credential or user handle" }, "passkey refused");
    throw InvalidCodeError.securityKey(null, NOT_RECOGNISED);
  }

  const verified = await verifyAssertion(deps, {
    account,
    factor,
    response,
    expectedChallenge: challenge,
    requireUserVerification: account.twoFactorEnabled,
  });
  if (!verified) throw InvalidCodeError.securityKey(null, NOT_RECOGNISED);

  const enforcement = await enforcementForAccount(deps, account);
  const aal = verified.userVerified ? "AAL2" : "AAL1";
  // Judged on the account as read above: a reset since then (keys cleared) revokes the session.
  // The success clears a consecutive-failure lock on TOTP and SMS meanwhile (no extra round trip).
  const [session] = await Promise.all([
    createSession(deps, account, aal, enforcement.mustEnrolNow, readAt, request),
    afterPasskeySignIn(deps, account),
  ]);
  deps.log.info({ event: "signIn", userId: account.userId, aal, method: "PASSKEY" }, "signed in");
  return { session, account };
}
