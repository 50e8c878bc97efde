// Journeys as a client walks them, over either test API (`./api` or `./server`).
export { PASSWORD, uniqueEmail } from "../identities.js";
export { sendAs, signUpUser, enableTotpTwoFactor, startSignIn, tokenFromInbox, verifyEmailFromInbox } from "./accounts.js";
export { confirmTotp, expectResult, finishGettingStarted, startTotp, type Send } from "./journey.js";
export {
  e164,
  enableSmsTwoFactor,
  enrolSms,
  finishEnabling,
  passwordStep,
  sendSignInSms,
  signUpFrom,
  startOfFreshDay,
  startSmsEnrolment,
  uniqueIp,
  uniqueMobile,
  type SmsUser,
} from "./sms.js";
export {
  auditActions,
  completePasskey,
  completeWithKey,
  confirmEnrolment,
  enableWebAuthnTwoFactor,
  enrolKey,
  ORIGIN,
  RP_ID,
  signInWithKey,
  startEnrolment,
  startKeySignIn,
  startPasskey,
  userWithKey,
  WEBAUTHN_ENV,
} from "./webauthn.js";
