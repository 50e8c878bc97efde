import type { Factor } from "../types.js";
import { confirmTotpEnrolment, startTotpEnrolment, type TotpEnrolment } from "./enrolment.js";
import { totpMethod } from "./method.js";

/** Authenticator apps (RFC 6238 time-based codes). Holds nothing outside its account item. */
export const totpFactor: Factor<"TOTP", { label?: string | null }, TotpEnrolment, { factorId: string; code: string }> = {
  kind: "TOTP",
  enrolment: {
    start: (deps, account, input) => startTotpEnrolment(deps, account, input),
    confirm: confirmTotpEnrolment,
  },
  secondStep: totpMethod,
};
