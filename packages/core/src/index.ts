// The public surface of the domain. GraphQL and the functions import from here only.
export * from "./accounts/account.js";
export { signUp, getAccount, getAccounts, PASSWORD_MIN, PASSWORD_MAX } from "./accounts/accounts.js";
export { normaliseEmail, normaliseDomain, domainOf } from "./accounts/email.js";
export * from "./audit/audit.js";
export { generateBackupCodes } from "./backup-codes/backup-codes.js";
export { systemClock, type Clock } from "./clock.js";
export { loadConfig, decodeEncryptionKey, type Config } from "./config.js";
export { createCore, type CoreOptions } from "./core.js";
export { ensureTable } from "./db/table.js";
export type { Deps, RequestInfo } from "./deps.js";
export * from "./errors.js";
export { enforcementForAccount, enforcementFor, getDomain, policyDomainOf, type Enforcement } from "./domains/policy.js";
export { isOwner, txtRecordName, type DomainRecord } from "./domains/domain.js";
export { claimDomain, type DomainClaim } from "./domains/claims.js";
export { isPublicMailDomain } from "./domains/public-mail.js";
export { verifyDomain } from "./domains/verification.js";
export { setDomainTwoFactorPolicy } from "./domains/policy-admin.js";
export { addDomainOwner, removeDomainOwner } from "./domains/owners.js";
export { resetUserTwoFactor } from "./domains/reset.js";
export { listDomainMembers, domainAuditLog, type DomainMember } from "./domains/members.js";
export { parseDomainName } from "./domains/admin.js";
export type { TotpEnrolment } from "./factors/totp/enrolment.js";
export {
  startTotpEnrolment,
  confirmTotpEnrolment,
  startSmsEnrolment,
  confirmSmsEnrolment,
  startWebAuthnEnrolment,
  confirmWebAuthnEnrolment,
} from "./two-factor/enrol.js";
export { viewDomain, pendingClaim, type DomainView } from "./domains/view.js";
export { withPageUsers, type AuditEventWithUsers } from "./audit/named-users.js";
export type { SignInProof, ProofField, SignInHints } from "./factors/types.js";
export { factorKinds, proofInputs, signInHints } from "./factors/registry.js";
export { sendSignInSmsCode, type SmsEnrolment, type SmsCodeSent } from "./factors/sms/index.js";
export type { WebAuthnEnrolment, AuthenticatorAttachment } from "./factors/webauthn/registration.js";
export { startSignInWebAuthn } from "./factors/webauthn/authentication.js";
export { startPasskeySignIn, completePasskeySignIn } from "./factors/webauthn/passkeys.js";
export { createLogger, withRequestId, currentRequestId, requestLogger, type Logger } from "./logger.js";
export { resolveSession, revokeSession, type Caller } from "./sessions/sessions.js";
export type { IssuedSession, SessionRecord, SessionInfo, Aal } from "./sessions/session.js";
export { listSessions, currentSessionInfo, ownSessionInfo, revokeOwnSession, signOutEverywhere } from "./sessions/manage.js";
export { revokeOthers, revokeAll } from "./sessions/revocation.js";
export { sessionLifetimes, type SessionLifetimes } from "./sessions/lifetimes.js";
export type { Revocation } from "./db/revocation.js";
export * from "./access/index.js";
export { changePassword } from "./accounts/password.js";
export { startStepUp, completeStepUp } from "./sign-in/step-up.js";
export { issueDeviceToken } from "./sign-in/devices.js";
export type { SignInChallengeView } from "./sign-in/challenge-view.js";
export { signIn, completeSignIn, sessionForNewAccount, type SignInOutcome } from "./sign-in/sign-in.js";
export { enableTwoFactor, disableTwoFactor, removeFactor, renameFactor, clearTwoFactor } from "./two-factor/manage.js";
export { twoFactorStatus, type TwoFactorStatus } from "./two-factor/status.js";
export type { SmsSender } from "./sms/sender.js";
export type { TxtResolver } from "./dns/txt-resolver.js";
export { isTransientDependencyError } from "./transient.js";
export type { EmailSender, EmailMessage, EmailReceipt } from "./email/sender.js";
export { EmailDeliveryError } from "./email/sender.js";
export type { EmailConfig } from "./email/config.js";
export { sendEmailVerification, verifyEmail, type EmailVerificationSent } from "./email-verification/verification.js";
export { requestPasswordReset, resetPassword, type ResetOutcome } from "./password-reset/reset.js";
export { deliverOutboxItem, deliverOutboxItems, deliverDueOutbox, type DeliveryOutcome } from "./notifications/deliver.js";
export { outboxIdOf } from "./db/outbox.js";
export type { OutboxSignal } from "./notifications/signal.js";
export { hasPrefix } from "./ids.js";
