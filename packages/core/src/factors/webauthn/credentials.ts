import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import * as z from "zod/mini";
import { factorsOfKind, type Account, type FactorOfKind } from "../../accounts/account.js";
import { getAccount } from "../../accounts/accounts.js";
import { updateWebAuthnCounter } from "../../db/account-credentials.js";
import type { BudgetWindow } from "../../db/second-factor-budget.js";
import { claimCredentialId, getCredentialOwner, releaseCredentialId, takeOverOrphanedCredentialId } from "../../db/webauthn-credentials.js";
import type { Deps } from "../../deps.js";
import { ValidationError } from "../../errors.js";

/**
 * How long a browser may take over a ceremony, and so how long its challenge lives. W3C suggests
 * 5 to 10 minutes when user verification (a PIN, a fingerprint) may be asked for.
 */
export const CEREMONY_TIMEOUT_SECONDS = 5 * 60;

export type WebAuthnFactor = FactorOfKind<"WEBAUTHN">;

export function webAuthnFactors(account: Pick<Account, "factors">): WebAuthnFactor[] {
  return factorsOfKind(account, "WEBAUTHN");
}

export function factorForCredential(account: Pick<Account, "factors">, credentialId: string): WebAuthnFactor | undefined {
  return webAuthnFactors(account).find((f) => f.data.credentialId === credentialId);
}

/** The allow/exclude list entries the browser needs to find a user's keys. */
export function credentialDescriptors(account: Account) {
  return webAuthnFactors(account).map((f) => ({ id: f.data.credentialId, transports: f.data.transports as never }));
}

// The browser's JSON, checked only for shape: the library checks meaning. Limits keep abuse cheap
// (credential ids are at most 1023 bytes, so 1364 base64url characters).
// zod/mini: the same checks as zod's classic API at a fiftieth of the bundle weight (cold starts).
const credentialId = z.string().check(z.minLength(1), z.maxLength(1400), z.regex(/^[A-Za-z0-9_-]+$/));
const base64url = z.string().check(z.minLength(1), z.maxLength(16_384), z.regex(/^[A-Za-z0-9_-]+={0,2}$/));
const attachment = z.nullish(z.enum(["platform", "cross-platform"]));
const extensionResults = z._default(z.record(z.string(), z.unknown()), {});

const registrationShape = z.looseObject({
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key"),
  response: z.looseObject({
    clientDataJSON: base64url,
    attestationObject: base64url,
    transports: z.optional(z.array(z.string().check(z.maxLength(32))).check(z.maxLength(10))),
  }),
  authenticatorAttachment: attachment,
  clientExtensionResults: extensionResults,
});

const authenticationShape = z.looseObject({
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key"),
  response: z.looseObject({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: z.nullish(z.string().check(z.maxLength(128))),
  }),
  authenticatorAttachment: attachment,
  clientExtensionResults: extensionResults,
});

export function parseRegistrationResponse(value: unknown): RegistrationResponseJSON {
  const parsed = registrationShape.safeParse(value);
  if (!parsed.success) throw new ValidationError("This is not a security key's registration response.", "response");
  return parsed.data as unknown as RegistrationResponseJSON;
}

/** undefined for anything that is not shaped like an assertion (a wrong proof, not a crash). */
export function parseAuthenticationResponse(value: unknown): AuthenticationResponseJSON | undefined {
  const parsed = authenticationShape.safeParse(value);
  return parsed.success ? (parsed.data as unknown as AuthenticationResponseJSON) : undefined;
}

/** The challenge the browser says it answered (verification later checks it is the expected one). */
export function answeredChallenge(response: AuthenticationResponseJSON): string | undefined {
  try {
    const challenge = (JSON.parse(Buffer.from(response.response.clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown }).challenge;
    return typeof challenge === "string" && /^[A-Za-z0-9_-]{16,128}$/.test(challenge) ? challenge : undefined;
  } catch {
    return undefined;
  }
}

const ALREADY_YOURS = "This security key is already registered on your account.";
const TAKEN = "This security key is already registered to another account. Use a different key.";

/**
 * Records that a credential id belongs to this account's factor. A credential id can belong to one
 * account only: a key registered elsewhere would otherwise let that account's holder sign in here.
 */
export async function claimCredential(deps: Deps, account: Account, credentialId: string, factorId: string): Promise<void> {
  const owner = { credentialId, userId: account.userId, email: account.email, factorId, createdAt: deps.clock.now().toISOString() };
  if (await claimCredentialId(deps.db, owner)) return;
  const existing = await getCredentialOwner(deps.db, credentialId);
  if (!existing || existing.userId !== account.userId) throw new ValidationError(TAKEN, "response");
  // Our own claim: either a live factor (the key is already on this account) or an orphan left by
  // an enrolment that stopped between its two writes, which this enrolment may take over.
  const fresh = await getAccount(deps, account.email);
  if (!fresh || fresh.userId !== account.userId || fresh.factors?.[existing.factorId]) throw new ValidationError(ALREADY_YOURS, "response");
  if (!(await takeOverOrphanedCredentialId(deps.db, owner, existing.factorId))) throw new ValidationError(ALREADY_YOURS, "response");
}

export function assertNotAlreadyYours(account: Account, credentialId: string): void {
  if (factorForCredential(account, credentialId)) throw new ValidationError(ALREADY_YOURS, "response");
}

/** Frees a credential id when its factor goes, so the key can be registered again (here or elsewhere). */
export async function releaseCredential(deps: Deps, credentialId: string, factorId: string): Promise<void> {
  await releaseCredentialId(deps.db, credentialId, factorId);
}

/**
 * Stores an assertion's signature counter and the moment of use. Returns false when the factor is
 * gone or its counter already reached this value (a parallel use of the same or a later assertion).
 */
export async function recordCredentialUse(
  deps: Deps,
  account: Pick<Account, "email" | "userId">,
  factor: WebAuthnFactor,
  use: { newCounter: number; backedUp: boolean; window?: BudgetWindow },
): Promise<boolean> {
  return updateWebAuthnCounter(deps.db, account, factor.id, { ...use, nowIso: deps.clock.now().toISOString() });
}
