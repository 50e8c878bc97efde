import type { SecondFactorMethod } from "../types.js";
import { verifySignInAssertion } from "./authentication.js";
import { releaseCredential } from "./credentials.js";

/** Security keys, device biometrics and passkeys as the second step of a sign-in. */
export const webAuthnMethod: SecondFactorMethod = {
  name: "WEBAUTHN",
  proofField: "webAuthnResponse",
  spentMessage: "That security key prompt was already answered. Try again.",
  verify: (deps, { account, challenge, proof }) => verifySignInAssertion(deps, { account, challenge, proof }),
  async onRemoved(deps, _account, factor) {
    const credentialId = factor.data.credentialId;
    if (typeof credentialId === "string") await releaseCredential(deps, credentialId, factor.id);
  },
};
