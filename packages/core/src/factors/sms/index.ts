// The SMS factor's public surface (re-exported by core's index.ts).
export { startSmsEnrolment, confirmSmsEnrolment, type SmsEnrolment } from "./enrolment.js";
export { sendSignInSmsCode, type SmsCodeSent } from "./sign-in.js";
export { parseMobileNumber, maskPhoneNumber, type PhoneNumber } from "./phone.js";
export { snsSmsSender } from "./sns-sender.js";
