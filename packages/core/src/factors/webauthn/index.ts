import type { Factor } from "../types.js";
import { releaseCredential } from "./credentials.js";
import { webAuthnMethod } from "./method.js";
import { confirmWebAuthnEnrolment, startWebAuthnEnrolment, type AuthenticatorAttachment, type WebAuthnEnrolment } from "./registration.js";

/**
 * Security keys, device biometrics and passkeys (WebAuthn). Each factor owns its credential id
 * (one account per key): removing the factor frees it, so the key can be registered again.
 */
export const webAuthnFactor: Factor<
  "WEBAUTHN",
  { nickname?: string | null; authenticatorAttachment?: AuthenticatorAttachment | null },
  WebAuthnEnrolment,
  { factorId: string; response: unknown }
> = {
  kind: "WEBAUTHN",
  enrolment: {
    start: (deps, account, input) => startWebAuthnEnrolment(deps, account, input),
    confirm: confirmWebAuthnEnrolment,
  },
  secondStep: webAuthnMethod,
  async onRemoved(deps, _account, factor) {
    if (factor.kind === "WEBAUTHN") await releaseCredential(deps, factor.data.credentialId, factor.id);
  },
};
