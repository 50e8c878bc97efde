import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import type { Account, FactorOfKind } from "../../accounts/account.js";
import type { Deps } from "../../deps.js";
import { ExpiredError, InvalidCodeError } from "../../errors.js";
import { webAuthnServer } from "./library.js";
import { activatePending, failPending, loadPending, startPending, validateLabel } from "../pending.js";
import {
  assertNotAlreadyYours,
  CEREMONY_TIMEOUT_SECONDS,
  claimCredential,
  credentialDescriptors,
  parseRegistrationResponse,
  releaseCredential,
} from "./credentials.js";
import type { WebAuthnFactorData } from "./data.js";

export type AuthenticatorAttachment = "PLATFORM" | "CROSS_PLATFORM";

export interface WebAuthnEnrolment {
  factorId: string;
  /** PublicKeyCredentialCreationOptionsJSON, as @simplewebauthn/browser's startRegistration takes it. */
  options: PublicKeyCredentialCreationOptionsJSON;
  expiresAt: Date;
}

type BrowserAttachment = "platform" | "cross-platform";

function browserAttachment(value: AuthenticatorAttachment | null | undefined): BrowserAttachment | undefined {
  if (value === "PLATFORM") return "platform";
  if (value === "CROSS_PLATFORM") return "cross-platform";
  return undefined;
}

/** The label of a key given no nickname: what the user would call it. */
function defaultLabel(attachment: string | null | undefined): string {
  return attachment === "platform" ? "This device" : "Security key";
}

/**
 * Registration options for a new key or passkey. The user handle is the account's opaque random
 * handle (never the email, which authenticators may show or sync); the email is only the display
 * name, as users expect to recognise the account in their passkey list.
 */
export async function startWebAuthnEnrolment(
  deps: Deps,
  account: Account,
  input: { nickname?: string | null; authenticatorAttachment?: AuthenticatorAttachment | null },
): Promise<WebAuthnEnrolment> {
  const nickname = validateLabel(input.nickname, "", "nickname");
  const attachment = browserAttachment(input.authenticatorAttachment);
  if (!account.webAuthnUserHandle) throw new Error("account has no WebAuthn user handle");
  const { rpId, rpName } = deps.config.webauthn;
  const { generateRegistrationOptions } = await webAuthnServer();
  const options = await generateRegistrationOptions({
    rpName,
    rpID: rpId,
    userName: account.email,
    userDisplayName: account.email,
    userID: Buffer.from(account.webAuthnUserHandle, "base64url"),
    timeout: CEREMONY_TIMEOUT_SECONDS * 1000,
    attestationType: "none",
    // The browser refuses to register a key the user already has here, before the user touches it.
    excludeCredentials: credentialDescriptors(account),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred", authenticatorAttachment: attachment },
    preferredAuthenticatorType: attachment === "platform" ? "localDevice" : attachment === "cross-platform" ? "securityKey" : undefined,
  });
  const pending = await startPending(deps, account, {
    kind: "WEBAUTHN",
    label: nickname || defaultLabel(attachment),
    ttlSeconds: CEREMONY_TIMEOUT_SECONDS,
    data: { purpose: "registration", challenge: options.challenge, nicknameGiven: Boolean(nickname) },
  });
  return { factorId: pending.id, options, expiresAt: new Date(pending.expiresAt * 1000) };
}

/**
 * Verifies the browser's registration response against the pending challenge, our origins and RP
 * id; claims the credential id for this account (one account per key), then makes the factor.
 * The pending item is the challenge's only copy and activation removes it: a challenge registers once.
 */
export async function confirmWebAuthnEnrolment(
  deps: Deps,
  account: Account,
  input: { factorId: string; response: unknown },
): Promise<FactorOfKind<"WEBAUTHN">> {
  const pending = await loadPending(deps, account, input.factorId, "WEBAUTHN");
  if (pending.data.purpose !== "registration" || typeof pending.data.challenge !== "string") throw new ExpiredError();
  const response = parseRegistrationResponse(input.response);

  // Loaded outside the try: a library that fails to load is our fault, not a wrong response.
  const { verifyRegistrationResponse } = await webAuthnServer();
  let info;
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: pending.data.challenge,
      expectedOrigin: deps.config.webauthn.origins,
      expectedRPID: deps.config.webauthn.rpId,
      // Asked for as "preferred": a key without a PIN or biometrics is still a good second factor.
      requireUserVerification: false,
    });
    if (!result.verified) return failPending(deps, pending, InvalidCodeError.securityKey);
    info = result.registrationInfo;
  } catch (error) {
    deps.log.info({ event: "webauthn.registration.refused", userId: account.userId, reason: (error as Error).message }, "registration refused");
    return failPending(deps, pending, InvalidCodeError.securityKey);
  }

  const { credential } = info;
  assertNotAlreadyYours(account, credential.id);
  await claimCredential(deps, account, credential.id, pending.id);
  const data: WebAuthnFactorData = {
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString("base64url"),
    counter: credential.counter,
    transports: credential.transports ?? response.response.transports ?? [],
    aaguid: info.aaguid,
    backupEligible: info.credentialDeviceType === "multiDevice",
    backedUp: info.credentialBackedUp,
    deviceType: info.credentialDeviceType,
  };
  // Without a nickname, what the browser says it used names the key better than what was asked for.
  const label = pending.data.nicknameGiven || !response.authenticatorAttachment ? pending.label : defaultLabel(response.authenticatorAttachment);
  // Should the account refuse it (full), the credential id claimed above is given back.
  return activatePending(deps, account, { ...pending, label }, data, () => releaseCredential(deps, credential.id, pending.id));
}
