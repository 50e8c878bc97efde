import type { FactorOfKind } from "../../accounts/account.js";
import type { Factor } from "../types.js";
import { confirmSmsEnrolment, startSmsEnrolment, type SmsEnrolment } from "./enrolment.js";
import { smsMethod } from "./method.js";

// The SMS factor's public surface (re-exported by core's index.ts).
export { startSmsEnrolment, confirmSmsEnrolment, type SmsEnrolment } from "./enrolment.js";
export { sendSignInSmsCode, type SmsCodeSent } from "./sign-in.js";
export { parseMobileNumber, maskPhoneNumber, type PhoneNumber } from "./phone.js";

/** Text-message codes to a verified mobile number. Holds nothing outside its account item. */
export const smsFactor: Factor<"SMS", { phoneNumber: string }, SmsEnrolment, { factorId: string; code: string }> = {
  kind: "SMS",
  enrolment: { start: startSmsEnrolment, confirm: confirmSmsEnrolment },
  secondStep: smsMethod,
  // The numbers a sign-in code can be texted to, masked, so the user can pick one.
  signInHints: (factors) => ({
    smsFactors: factors
      .filter((f): f is FactorOfKind<"SMS"> => f.kind === "SMS")
      .map((f) => ({ factorId: f.id, maskedPhoneNumber: f.data.maskedPhoneNumber ?? f.label })),
  }),
};
