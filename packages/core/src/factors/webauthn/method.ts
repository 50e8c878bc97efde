import { InvalidCodeError } from "../../errors.js";
import type { SecondStepMethod } from "../types.js";
import { verifySignInAssertion } from "./authentication.js";

/** Security keys, device biometrics and passkeys as the second step of a sign-in. */
export const webAuthnMethod: SecondStepMethod & { name: "WEBAUTHN" } = {
  name: "WEBAUTHN",
  proofField: "webAuthnResponse",
  proofInput: { type: "JSON", description: "AuthenticationResponseJSON from @simplewebauthn/browser." },
  spentMessage: "That security key prompt was already answered. Try again.",
  wrongProof: (attemptsRemaining) => InvalidCodeError.securityKey(attemptsRemaining),
  verify: (deps, { account, challenge, proof, window }) => verifySignInAssertion(deps, { account, challenge, proof, window }),
};
