/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Authenticator assurance level of a session (NIST SP 800-63B). */
export type Aal =
  /** Password only. */
  | 'AAL1'
  /** Password (or passkey) and a second factor. */
  | 'AAL2';

/** A member of the domain to make an owner. */
export type AddDomainOwnerInput = {
  /** The member's email. */
  email: string;
  /** The domain, e.g. example.com; internationalised names are accepted. */
  name: string;
};

/** What an audit event records. */
export type AuditAction =
  /** A new set of backup codes replaced the old one. */
  | 'BACKUP_CODES_GENERATED'
  /** A backup code signed in. */
  | 'BACKUP_CODE_USED'
  /** The domain was claimed (a DNS proof started). */
  | 'DOMAIN_CLAIMED'
  /** An owner was added to the domain. */
  | 'DOMAIN_OWNER_ADDED'
  /** An owner was removed from the domain. */
  | 'DOMAIN_OWNER_REMOVED'
  /** The domain's 2FA policy changed; detail has the new policy. */
  | 'DOMAIN_POLICY_CHANGED'
  /** The domain was proven by DNS. */
  | 'DOMAIN_VERIFIED'
  /** Email verified. */
  | 'EMAIL_VERIFIED'
  /** A second factor was confirmed; detail names it. */
  | 'FACTOR_ADDED'
  /** A second factor was removed. */
  | 'FACTOR_REMOVED'
  /** A second factor was renamed. */
  | 'FACTOR_RENAMED'
  /** Password changed. */
  | 'PASSWORD_CHANGED'
  /** Password reset. */
  | 'PASSWORD_RESET'
  /** A second-factor proof was refused (wrong or already used); detail says which method and from where. */
  | 'SECOND_FACTOR_FAILED'
  /** The account's budget of failed second-factor proofs ran out. */
  | 'SECOND_FACTOR_LOCKED'
  /** Second factor unlocked. */
  | 'SECOND_FACTOR_UNLOCKED'
  /** Signed out everywhere. */
  | 'SIGNED_OUT_EVERYWHERE'
  /** 2FA was turned off by the user. */
  | 'TWO_FACTOR_DISABLED'
  /** 2FA was turned on. */
  | 'TWO_FACTOR_ENABLED'
  /** A domain owner reset the member's 2FA; detail holds their reason. */
  | 'TWO_FACTOR_RESET'
  /** A security key's signature counter went backwards: the key may have been cloned. */
  | 'WEBAUTHN_COUNTER_REGRESSION';

/** Which kind of authenticator to ask the browser for. */
export type AuthenticatorAttachment =
  /** A roaming security key (USB, NFC, Bluetooth) or a phone nearby. */
  | 'CROSS_PLATFORM'
  /** Built into this device: fingerprint, face or screen lock (a passkey on the device). */
  | 'PLATFORM';

/** The password in force and its replacement (the sign-up rules apply). */
export type ChangePasswordInput = {
  /** The password in force. */
  currentPassword: string;
  /** 8 to 256 characters, not a common password nor the email. */
  newPassword: string;
};

/** The domain to claim: the caller's own email domain. */
export type ClaimDomainInput = {
  /** The domain, e.g. example.com; internationalised names are accepted. */
  name: string;
};

/** The browser's answer to startPasskeySignIn's options. */
export type CompletePasskeySignInInput = {
  /** AuthenticationResponseJSON from @simplewebauthn/browser. */
  response: unknown;
};

/** Exactly one proof: totpCode, smsCode, webAuthnResponse or backupCode. */
export type CompleteSignInInput = {
  /** One of the backup codes, with or without its dash, in any letter case. Each works once. */
  backupCode?: string | null | undefined;
  /** The `SignInChallenge.id` being answered. */
  challengeId: string | number;
  /** The 6-digit code texted by `sendSignInSmsCode`. */
  smsCode?: string | null | undefined;
  /** The 6-digit code the authenticator app shows now. */
  totpCode?: string | null | undefined;
  /** AuthenticationResponseJSON from @simplewebauthn/browser. */
  webAuthnResponse?: unknown;
};

/** The pending factor and the code texted to it. */
export type ConfirmSmsEnrolmentInput = {
  /** The 6-digit code from the text message. */
  code: string;
  /** `SmsEnrolment.factorId`. */
  factorId: string | number;
};

/** The pending factor and a code from the app. */
export type ConfirmTotpEnrolmentInput = {
  /** The 6-digit code the app shows now. */
  code: string;
  /** `TotpEnrolment.factorId`. */
  factorId: string | number;
};

/** The pending factor and the browser's registration response. */
export type ConfirmWebAuthnEnrolmentInput = {
  /** `WebAuthnEnrolment.factorId`. */
  factorId: string | number;
  /** RegistrationResponseJSON from @simplewebauthn/browser. */
  response: unknown;
};

/** The last step of setting up 2FA. */
export type EnableTwoFactorInput = {
  /** The user confirms they stored their backup codes; must be true. */
  backupCodesAcknowledged: boolean;
};

/** Why an operation was refused, for machines: stable values that are never renamed or reused. Branch on this, show `message`. */
export type ErrorCode =
  /** The code was right but has already been used: wait for the next one, ask for a new one, or use another backup code. */
  | 'CODE_ALREADY_USED'
  /** It already exists, or it changed meanwhile (a parallel request won): read again and retry. */
  | 'CONFLICT'
  /** The domain has not been proven by its DNS TXT record yet. */
  | 'DOMAIN_NOT_VERIFIED'
  /** The DNS TXT record was not found with the expected value. */
  | 'DOMAIN_VERIFICATION_FAILED'
  /** The challenge, code, enrolment or claim has expired or was already completed: start again. */
  | 'EXPIRED'
  /** Too many consecutive wrong second factors: TOTP and SMS are refused until a backup code or a security key signs in, or a domain owner resets the account. */
  | 'FACTOR_LOCKED'
  /** The code (TOTP, SMS, backup or enrolment code) is wrong. */
  | 'INVALID_CODE'
  /** The email or password is wrong (which one is never said). */
  | 'INVALID_CREDENTIALS'
  /** The caller may not do this (the message says why). */
  | 'NOT_ALLOWED'
  /** Too many attempts: retry after `RateLimitedError.retryAfterSeconds`. */
  | 'RATE_LIMITED'
  /** The security key's or passkey's answer was not accepted (not registered here, the wrong key, or it did not verify). */
  | 'SECURITY_KEY_NOT_ACCEPTED'
  /** A dependency was briefly unavailable and nothing was changed: retry. */
  | 'SERVICE_UNAVAILABLE'
  /** The SMS provider refused or failed to send the text; retry later. */
  | 'SMS_DELIVERY_FAILED'
  /** Prove a second factor on this session (AAL2 within the last 10 minutes), then retry. */
  | 'STEP_UP_REQUIRED'
  /** An input value was not acceptable; `ValidationError.field` names the input field at fault. */
  | 'VALIDATION_FAILED';

/** A kind of second factor. */
export type FactorKind =
  /** Codes sent by text message to a mobile number. */
  | 'SMS'
  /** An authenticator app (time-based one-time codes, RFC 6238). */
  | 'TOTP'
  /** A security key, device biometrics or a passkey (WebAuthn). */
  | 'WEBAUTHN';

/** An owner of the domain to remove. */
export type RemoveDomainOwnerInput = {
  /** The member's email. */
  email: string;
  /** The domain, e.g. example.com; internationalised names are accepted. */
  name: string;
};

/** A factor of the caller's to remove. */
export type RemoveFactorInput = {
  /** The factor's id. */
  factorId: string | number;
};

/** A factor of the caller's and its new label. */
export type RenameFactorInput = {
  /** The factor's id. */
  factorId: string | number;
  /** 1-64 characters. Text-message factors cannot be renamed (they show the masked number). */
  label: string;
};

/** The address of the account whose password was forgotten. */
export type RequestPasswordResetInput = {
  /** The account's email address. */
  email: string;
};

/** The token of a reset link (APP_URL/reset-password?token=...) and the new password. */
export type ResetPasswordInput = {
  /** 8 to 256 characters, not a common password nor the email address (as at sign-up). */
  newPassword: string;
  /** The link's `token` parameter. */
  token: string;
};

/** The member whose 2FA to reset, and why. */
export type ResetUserTwoFactorInput = {
  /** The member's email (on the caller's verified domain). */
  email: string;
  /** 1-500 characters, kept in the member's and the domain's audit logs. */
  reason: string;
};

/** The session to sign out. */
export type RevokeSessionInput = {
  /** A SessionInfo id of the caller's. */
  sessionId: string | number;
};

/** Which sign-in challenge, and which number. */
export type SendSignInSmsCodeInput = {
  /** The `SignInChallenge.id`. */
  challengeId: string | number;
  /** One of the challenge's smsFactors; default the first. */
  factorId?: string | number | null | undefined;
};

/** A verified domain's new 2FA policy. */
export type SetDomainTwoFactorPolicyInput = {
  /** Require 2FA of every member. */
  enforce: boolean;
  /** 0-90; omitted keeps the current value (0 for a new policy). */
  gracePeriodDays?: number | null | undefined;
  /** The domain, e.g. example.com; internationalised names are accepted. */
  name: string;
};

/** The first step of a sign-in. */
export type SignInInput = {
  /** The `deviceToken` of an earlier SignedIn on this device, if it has one: it keeps the device able to sign in while the account's limit is full. */
  deviceToken?: string | null | undefined;
  /** The account's email. */
  email: string;
  /** The account's password. */
  password: string;
};

/** Whether the current session survives. */
export type SignOutEverywhereInput = {
  /** Keep the session this request came with (default false). */
  keepCurrent?: boolean | null | undefined;
};

/** A new account's email and password. */
export type SignUpInput = {
  /** The account's email; case and surrounding spaces do not matter. */
  email: string;
  /** 8-256 characters; very common passwords and the email itself are refused. */
  password: string;
};

/** Which sign-in challenge to answer with a security key. */
export type StartSignInWebAuthnInput = {
  /** The `SignInChallenge.id`. */
  challengeId: string | number;
};

/** The mobile number to add. */
export type StartSmsEnrolmentInput = {
  /** A mobile number in any common written form, international ("+44 7400 123456") unless the server sets a default region. */
  phoneNumber: string;
};

/** Options of a new authenticator app. */
export type StartTotpEnrolmentInput = {
  /** A name for the app, e.g. "Work phone". Default "Authenticator app". */
  label?: string | null | undefined;
};

/** Options of a new security key, device biometrics or passkey. */
export type StartWebAuthnEnrolmentInput = {
  /** Omitted: either kind. */
  authenticatorAttachment?: AuthenticatorAttachment | null | undefined;
  /** A name for the key, e.g. "Blue YubiKey". Default "Security key" or "This device". */
  nickname?: string | null | undefined;
};

/** The claimed domain to verify. */
export type VerifyDomainInput = {
  /** The domain, e.g. example.com; internationalised names are accepted. */
  name: string;
};

/** The token of a verification link (APP_URL/verify-email?token=...). */
export type VerifyEmailInput = {
  /** The link's `token` parameter. */
  token: string;
};

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'SignedIn', session: { token: string, aal: Aal, expiresAt: string, enrolmentRequired: boolean }, user: { id: string, email: string, domain: string, createdAt: string, twoFactor: { enabled: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null } } }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn:
    | { __typename: 'InvalidCredentialsError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'SecondFactorRequired', challenge: { id: string, expiresAt: string, methods: Array<FactorKind>, backupCodesAvailable: boolean, smsFactors: Array<{ factorId: string, maskedPhoneNumber: string }> } }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'SignedIn', session: { token: string, aal: Aal, expiresAt: string, enrolmentRequired: boolean }, user: { id: string, email: string, domain: string, createdAt: string, twoFactor: { enabled: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null } } }
   };

export type SendSignInSmsCodeMutationVariables = Exact<{
  input: SendSignInSmsCodeInput;
}>;


export type SendSignInSmsCodeMutation = { sendSignInSmsCode:
    | { __typename: 'ExpiredError', message: string, code: ErrorCode }
    | { __typename: 'FactorLockedError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'SmsCodeSent', expiresAt: string, resendAfter: string }
    | { __typename: 'SmsDeliveryFailedError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type StartSignInWebAuthnMutationVariables = Exact<{
  input: StartSignInWebAuthnInput;
}>;


export type StartSignInWebAuthnMutation = { startSignInWebAuthn:
    | { __typename: 'ExpiredError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
    | { __typename: 'WebAuthnOptions', options: unknown }
   };

export type CompleteSignInMutationVariables = Exact<{
  input: CompleteSignInInput;
}>;


export type CompleteSignInMutation = { completeSignIn:
    | { __typename: 'ExpiredError', message: string, code: ErrorCode }
    | { __typename: 'FactorLockedError', message: string, code: ErrorCode }
    | { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'SignedIn', session: { token: string, aal: Aal, expiresAt: string, enrolmentRequired: boolean }, user: { id: string, email: string, domain: string, createdAt: string, twoFactor: { enabled: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null } } }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type StartPasskeySignInMutationVariables = Exact<{ [key: string]: never; }>;


export type StartPasskeySignInMutation = { startPasskeySignIn:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'WebAuthnOptions', options: unknown }
   };

export type CompletePasskeySignInMutationVariables = Exact<{
  input: CompletePasskeySignInInput;
}>;


export type CompletePasskeySignInMutation = { completePasskeySignIn:
    | { __typename: 'ExpiredError', message: string, code: ErrorCode }
    | { __typename: 'FactorLockedError', message: string, code: ErrorCode }
    | { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'SignedIn', session: { token: string, aal: Aal, expiresAt: string, enrolmentRequired: boolean }, user: { id: string, email: string, domain: string, createdAt: string, twoFactor: { enabled: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null } } }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'SignedOut', success: boolean }
   };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, domain: string, createdAt: string, twoFactor: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } } | null };

export type AuditLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { edges: Array<{ cursor: string, node: { id: string, at: string, action: AuditAction, detail: string | null, actor: { id: string, email: string } | null, subject: { id: string, email: string } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'AuditEvent', at: string, action: AuditAction, detail: string | null, id: string }
    | { __typename: 'Domain', name: string, verified: boolean, enforceTwoFactor: boolean, gracePeriodDays: number, id: string }
    | { __typename: 'Factor', kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null, id: string }
    | { __typename: 'SessionInfo', id: string }
    | { __typename: 'User', email: string, domain: string, createdAt: string, id: string }
   | null };

export type ClaimDomainMutationVariables = Exact<{
  input: ClaimDomainInput;
}>;


export type ClaimDomainMutation = { claimDomain:
    | { __typename: 'DomainClaim', txtRecordName: string, txtRecordValue: string, expiresAt: string }
    | { __typename: 'NotAllowedError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type VerifyDomainMutationVariables = Exact<{
  input: VerifyDomainInput;
}>;


export type VerifyDomainMutation = { verifyDomain:
    | { __typename: 'DomainVerificationFailedError', expected: string, found: Array<string>, message: string, code: ErrorCode }
    | { __typename: 'DomainVerified', domain: { id: string, name: string, verified: boolean, verifiedAt: string | null, enforceTwoFactor: boolean, enforcedAt: string | null, gracePeriodDays: number } }
    | { __typename: 'ExpiredError', message: string, code: ErrorCode }
    | { __typename: 'NotAllowedError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
   };

export type SetDomainTwoFactorPolicyMutationVariables = Exact<{
  input: SetDomainTwoFactorPolicyInput;
}>;


export type SetDomainTwoFactorPolicyMutation = { setDomainTwoFactorPolicy:
    | { __typename: 'DomainNotVerifiedError', message: string, code: ErrorCode }
    | { __typename: 'DomainPolicyUpdated', domain: { id: string, name: string, verified: boolean, verifiedAt: string | null, enforceTwoFactor: boolean, enforcedAt: string | null, gracePeriodDays: number } }
    | { __typename: 'NotAllowedError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type AddDomainOwnerMutationVariables = Exact<{
  input: AddDomainOwnerInput;
}>;


export type AddDomainOwnerMutation = { addDomainOwner:
    | { __typename: 'DomainNotVerifiedError', message: string, code: ErrorCode }
    | { __typename: 'DomainOwnersUpdated', domain: { id: string, name: string, owners: Array<{ id: string, email: string }> } }
    | { __typename: 'NotAllowedError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type RemoveDomainOwnerMutationVariables = Exact<{
  input: RemoveDomainOwnerInput;
}>;


export type RemoveDomainOwnerMutation = { removeDomainOwner:
    | { __typename: 'DomainNotVerifiedError', message: string, code: ErrorCode }
    | { __typename: 'DomainOwnersUpdated', domain: { id: string, name: string, owners: Array<{ id: string, email: string }> } }
    | { __typename: 'NotAllowedError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type ResetUserTwoFactorMutationVariables = Exact<{
  input: ResetUserTwoFactorInput;
}>;


export type ResetUserTwoFactorMutation = { resetUserTwoFactor:
    | { __typename: 'DomainNotVerifiedError', message: string, code: ErrorCode }
    | { __typename: 'NotAllowedError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'TwoFactorReset', user: { id: string, email: string, twoFactor: { enabled: boolean, backupCodesRemaining: number } } }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type DomainQueryVariables = Exact<{
  name: string;
}>;


export type DomainQuery = { domain: { id: string, name: string, verified: boolean, verifiedAt: string | null, enforceTwoFactor: boolean, enforcedAt: string | null, gracePeriodDays: number, owners: Array<{ id: string, email: string }> } | null };

export type DomainMembersQueryVariables = Exact<{
  name: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DomainMembersQuery = { domain: { id: string, name: string, members: { edges: Array<{ cursor: string, node: { email: string, user: { id: string }, twoFactor: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } } | null };

export type DomainAuditLogQueryVariables = Exact<{
  name: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DomainAuditLogQuery = { domain: { id: string, name: string, auditLog: { edges: Array<{ cursor: string, node: { id: string, at: string, action: AuditAction, detail: string | null, actor: { id: string, email: string } | null, subject: { id: string, email: string } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } } | null };

export type SendEmailVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type SendEmailVerificationMutation = { sendEmailVerification:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'EmailVerificationSent', expiresAt: string, resendAfter: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
   };

export type VerifyEmailMutationVariables = Exact<{
  input: VerifyEmailInput;
}>;


export type VerifyEmailMutation = { verifyEmail:
    | { __typename: 'EmailVerified', user: { id: string, email: string, emailVerified: boolean } }
    | { __typename: 'ExpiredError', message: string, code: ErrorCode }
    | { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
   };

export type RequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset:
    | { __typename: 'PasswordResetRequested' }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
   };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword:
    | { __typename: 'ExpiredError', message: string, code: ErrorCode }
    | { __typename: 'PasswordReset' }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'SecondFactorRequired', challenge: { id: string, expiresAt: string, methods: Array<FactorKind>, backupCodesAvailable: boolean, smsFactors: Array<{ factorId: string, maskedPhoneNumber: string }> } }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

type ErrorFields_ConflictError_Fragment = { __typename: 'ConflictError', message: string, code: ErrorCode };

type ErrorFields_DomainNotVerifiedError_Fragment = { __typename: 'DomainNotVerifiedError', message: string, code: ErrorCode };

type ErrorFields_DomainVerificationFailedError_Fragment = { __typename: 'DomainVerificationFailedError', expected: string, found: Array<string>, message: string, code: ErrorCode };

type ErrorFields_ExpiredError_Fragment = { __typename: 'ExpiredError', message: string, code: ErrorCode };

type ErrorFields_FactorLockedError_Fragment = { __typename: 'FactorLockedError', message: string, code: ErrorCode };

type ErrorFields_InvalidCodeError_Fragment = { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string, code: ErrorCode };

type ErrorFields_InvalidCredentialsError_Fragment = { __typename: 'InvalidCredentialsError', message: string, code: ErrorCode };

type ErrorFields_NotAllowedError_Fragment = { __typename: 'NotAllowedError', message: string, code: ErrorCode };

type ErrorFields_RateLimitedError_Fragment = { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode };

type ErrorFields_ServiceUnavailableError_Fragment = { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode };

type ErrorFields_SmsDeliveryFailedError_Fragment = { __typename: 'SmsDeliveryFailedError', message: string, code: ErrorCode };

type ErrorFields_StepUpRequiredError_Fragment = { __typename: 'StepUpRequiredError', message: string, code: ErrorCode };

type ErrorFields_ValidationError_Fragment = { __typename: 'ValidationError', field: string, message: string, code: ErrorCode };

export type ErrorFieldsFragment =
  | ErrorFields_ConflictError_Fragment
  | ErrorFields_DomainNotVerifiedError_Fragment
  | ErrorFields_DomainVerificationFailedError_Fragment
  | ErrorFields_ExpiredError_Fragment
  | ErrorFields_FactorLockedError_Fragment
  | ErrorFields_InvalidCodeError_Fragment
  | ErrorFields_InvalidCredentialsError_Fragment
  | ErrorFields_NotAllowedError_Fragment
  | ErrorFields_RateLimitedError_Fragment
  | ErrorFields_ServiceUnavailableError_Fragment
  | ErrorFields_SmsDeliveryFailedError_Fragment
  | ErrorFields_StepUpRequiredError_Fragment
  | ErrorFields_ValidationError_Fragment
;

export type SessionQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionQuery = { session: { id: string, current: boolean, aal: Aal, aal2Until: string | null, createdAt: string, lastSeenAt: string, expiresAt: string, ipAddress: string | null, userAgent: string | null } | null };

export type SessionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SessionsQuery = { sessions: { edges: Array<{ cursor: string, node: { id: string, current: boolean, aal: Aal, aal2Until: string | null, createdAt: string, lastSeenAt: string, expiresAt: string, ipAddress: string | null, userAgent: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RevokeSessionMutationVariables = Exact<{
  input: RevokeSessionInput;
}>;


export type RevokeSessionMutation = { revokeSession:
    | { __typename: 'NotAllowedError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'SessionRevoked', sessionId: string }
   };

export type SignOutEverywhereMutationVariables = Exact<{
  input: SignOutEverywhereInput;
}>;


export type SignOutEverywhereMutation = { signOutEverywhere:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'SignedOutEverywhere', revokedCount: number }
   };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword:
    | { __typename: 'InvalidCredentialsError', message: string, code: ErrorCode }
    | { __typename: 'PasswordChanged', user: { id: string, email: string } }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type StartStepUpMutationVariables = Exact<{ [key: string]: never; }>;


export type StartStepUpMutation = { startStepUp:
    | { __typename: 'NotAllowedError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpChallenge', challenge: { id: string, expiresAt: string, methods: Array<FactorKind>, backupCodesAvailable: boolean, smsFactors: Array<{ factorId: string, maskedPhoneNumber: string }> } }
   };

export type CompleteStepUpMutationVariables = Exact<{
  input: CompleteSignInInput;
}>;


export type CompleteStepUpMutation = { completeStepUp:
    | { __typename: 'ExpiredError', message: string, code: ErrorCode }
    | { __typename: 'FactorLockedError', message: string, code: ErrorCode }
    | { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'SteppedUp', session: { token: string, aal: Aal, expiresAt: string, aal2Until: string | null } }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type StartTotpEnrolmentMutationVariables = Exact<{
  input?: StartTotpEnrolmentInput | null | undefined;
}>;


export type StartTotpEnrolmentMutation = { startTotpEnrolment:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'TotpEnrolment', factorId: string, secret: string, otpauthUri: string, qrCodeDataUrl: string, qrCodeSvg: string, expiresAt: string }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type ConfirmTotpEnrolmentMutationVariables = Exact<{
  input: ConfirmTotpEnrolmentInput;
}>;


export type ConfirmTotpEnrolmentMutation = { confirmTotpEnrolment:
    | { __typename: 'ExpiredError', message: string, code: ErrorCode }
    | { __typename: 'FactorConfirmed', user: { id: string, twoFactor: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }, factor: { id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null } }
    | { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type StartSmsEnrolmentMutationVariables = Exact<{
  input: StartSmsEnrolmentInput;
}>;


export type StartSmsEnrolmentMutation = { startSmsEnrolment:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'SmsDeliveryFailedError', message: string, code: ErrorCode }
    | { __typename: 'SmsEnrolment', factorId: string, maskedPhoneNumber: string, expiresAt: string }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type ConfirmSmsEnrolmentMutationVariables = Exact<{
  input: ConfirmSmsEnrolmentInput;
}>;


export type ConfirmSmsEnrolmentMutation = { confirmSmsEnrolment:
    | { __typename: 'ExpiredError', message: string, code: ErrorCode }
    | { __typename: 'FactorConfirmed', user: { id: string, twoFactor: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }, factor: { id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null } }
    | { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type StartWebAuthnEnrolmentMutationVariables = Exact<{
  input?: StartWebAuthnEnrolmentInput | null | undefined;
}>;


export type StartWebAuthnEnrolmentMutation = { startWebAuthnEnrolment:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
    | { __typename: 'WebAuthnEnrolment', factorId: string, options: unknown, expiresAt: string }
   };

export type ConfirmWebAuthnEnrolmentMutationVariables = Exact<{
  input: ConfirmWebAuthnEnrolmentInput;
}>;


export type ConfirmWebAuthnEnrolmentMutation = { confirmWebAuthnEnrolment:
    | { __typename: 'ExpiredError', message: string, code: ErrorCode }
    | { __typename: 'FactorConfirmed', user: { id: string, twoFactor: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }, factor: { id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null } }
    | { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type GenerateBackupCodesMutationVariables = Exact<{ [key: string]: never; }>;


export type GenerateBackupCodesMutation = { generateBackupCodes:
    | { __typename: 'BackupCodes', codes: Array<string>, generatedAt: string, user: { id: string, twoFactor: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } } }
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
   };

export type EnableTwoFactorMutationVariables = Exact<{
  input: EnableTwoFactorInput;
}>;


export type EnableTwoFactorMutation = { enableTwoFactor:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'TwoFactorEnabled', user: { id: string, twoFactor: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }, status: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type DisableTwoFactorMutationVariables = Exact<{ [key: string]: never; }>;


export type DisableTwoFactorMutation = { disableTwoFactor:
    | { __typename: 'NotAllowedError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'TwoFactorDisabled', user: { id: string, twoFactor: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }, status: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }
   };

export type RenameFactorMutationVariables = Exact<{
  input: RenameFactorInput;
}>;


export type RenameFactorMutation = { renameFactor:
    | { __typename: 'FactorRenamed', user: { id: string, twoFactor: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }, factor: { id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null } }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export type RemoveFactorMutationVariables = Exact<{
  input: RemoveFactorInput;
}>;


export type RemoveFactorMutation = { removeFactor:
    | { __typename: 'FactorRemoved', user: { id: string, twoFactor: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }, status: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }
    | { __typename: 'NotAllowedError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ServiceUnavailableError', message: string, code: ErrorCode }
    | { __typename: 'StepUpRequiredError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', field: string, message: string, code: ErrorCode }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}
    `, {"fragmentName":"ErrorFields"}) as unknown as TypedDocumentString<ErrorFieldsFragment, unknown>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    __typename
    ... on SignedIn {
      session {
        token
        aal
        expiresAt
        enrolmentRequired
      }
      user {
        id
        email
        domain
        createdAt
        twoFactor {
          enabled
          enrolmentRequired
          enrolmentDeadline
        }
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on SignedIn {
      session {
        token
        aal
        expiresAt
        enrolmentRequired
      }
      user {
        id
        email
        domain
        createdAt
        twoFactor {
          enabled
          enrolmentRequired
          enrolmentDeadline
        }
      }
    }
    ... on SecondFactorRequired {
      challenge {
        id
        expiresAt
        methods
        backupCodesAvailable
        smsFactors {
          factorId
          maskedPhoneNumber
        }
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SendSignInSmsCodeDocument = new TypedDocumentString(`
    mutation SendSignInSmsCode($input: SendSignInSmsCodeInput!) {
  sendSignInSmsCode(input: $input) {
    __typename
    ... on SmsCodeSent {
      expiresAt
      resendAfter
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<SendSignInSmsCodeMutation, SendSignInSmsCodeMutationVariables>;
export const StartSignInWebAuthnDocument = new TypedDocumentString(`
    mutation StartSignInWebAuthn($input: StartSignInWebAuthnInput!) {
  startSignInWebAuthn(input: $input) {
    __typename
    ... on WebAuthnOptions {
      options
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<StartSignInWebAuthnMutation, StartSignInWebAuthnMutationVariables>;
export const CompleteSignInDocument = new TypedDocumentString(`
    mutation CompleteSignIn($input: CompleteSignInInput!) {
  completeSignIn(input: $input) {
    __typename
    ... on SignedIn {
      session {
        token
        aal
        expiresAt
        enrolmentRequired
      }
      user {
        id
        email
        domain
        createdAt
        twoFactor {
          enabled
          enrolmentRequired
          enrolmentDeadline
        }
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<CompleteSignInMutation, CompleteSignInMutationVariables>;
export const StartPasskeySignInDocument = new TypedDocumentString(`
    mutation StartPasskeySignIn {
  startPasskeySignIn {
    __typename
    ... on WebAuthnOptions {
      options
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<StartPasskeySignInMutation, StartPasskeySignInMutationVariables>;
export const CompletePasskeySignInDocument = new TypedDocumentString(`
    mutation CompletePasskeySignIn($input: CompletePasskeySignInInput!) {
  completePasskeySignIn(input: $input) {
    __typename
    ... on SignedIn {
      session {
        token
        aal
        expiresAt
        enrolmentRequired
      }
      user {
        id
        email
        domain
        createdAt
        twoFactor {
          enabled
          enrolmentRequired
          enrolmentDeadline
        }
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<CompletePasskeySignInMutation, CompletePasskeySignInMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut {
    __typename
    ... on SignedOut {
      success
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    domain
    createdAt
    twoFactor {
      enabled
      backupCodesRemaining
      enforcedByDomain
      enrolmentRequired
      enrolmentDeadline
      factors {
        id
        kind
        label
        createdAt
        lastUsedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($first: Int, $after: String) {
  auditLog(first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        at
        action
        detail
        actor {
          id
          email
        }
        subject {
          id
          email
        }
      }
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const NodeDocument = new TypedDocumentString(`
    query Node($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on User {
      email
      domain
      createdAt
    }
    ... on Domain {
      name
      verified
      enforceTwoFactor
      gracePeriodDays
    }
    ... on Factor {
      kind
      label
      createdAt
      lastUsedAt
    }
    ... on AuditEvent {
      at
      action
      detail
    }
  }
}
    `) as unknown as TypedDocumentString<NodeQuery, NodeQueryVariables>;
export const ClaimDomainDocument = new TypedDocumentString(`
    mutation ClaimDomain($input: ClaimDomainInput!) {
  claimDomain(input: $input) {
    __typename
    ... on DomainClaim {
      txtRecordName
      txtRecordValue
      expiresAt
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<ClaimDomainMutation, ClaimDomainMutationVariables>;
export const VerifyDomainDocument = new TypedDocumentString(`
    mutation VerifyDomain($input: VerifyDomainInput!) {
  verifyDomain(input: $input) {
    __typename
    ... on DomainVerified {
      domain {
        id
        name
        verified
        verifiedAt
        enforceTwoFactor
        enforcedAt
        gracePeriodDays
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<VerifyDomainMutation, VerifyDomainMutationVariables>;
export const SetDomainTwoFactorPolicyDocument = new TypedDocumentString(`
    mutation SetDomainTwoFactorPolicy($input: SetDomainTwoFactorPolicyInput!) {
  setDomainTwoFactorPolicy(input: $input) {
    __typename
    ... on DomainPolicyUpdated {
      domain {
        id
        name
        verified
        verifiedAt
        enforceTwoFactor
        enforcedAt
        gracePeriodDays
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<SetDomainTwoFactorPolicyMutation, SetDomainTwoFactorPolicyMutationVariables>;
export const AddDomainOwnerDocument = new TypedDocumentString(`
    mutation AddDomainOwner($input: AddDomainOwnerInput!) {
  addDomainOwner(input: $input) {
    __typename
    ... on DomainOwnersUpdated {
      domain {
        id
        name
        owners {
          id
          email
        }
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<AddDomainOwnerMutation, AddDomainOwnerMutationVariables>;
export const RemoveDomainOwnerDocument = new TypedDocumentString(`
    mutation RemoveDomainOwner($input: RemoveDomainOwnerInput!) {
  removeDomainOwner(input: $input) {
    __typename
    ... on DomainOwnersUpdated {
      domain {
        id
        name
        owners {
          id
          email
        }
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<RemoveDomainOwnerMutation, RemoveDomainOwnerMutationVariables>;
export const ResetUserTwoFactorDocument = new TypedDocumentString(`
    mutation ResetUserTwoFactor($input: ResetUserTwoFactorInput!) {
  resetUserTwoFactor(input: $input) {
    __typename
    ... on TwoFactorReset {
      user {
        id
        email
        twoFactor {
          enabled
          backupCodesRemaining
        }
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<ResetUserTwoFactorMutation, ResetUserTwoFactorMutationVariables>;
export const DomainDocument = new TypedDocumentString(`
    query Domain($name: String!) {
  domain(name: $name) {
    id
    name
    verified
    verifiedAt
    enforceTwoFactor
    enforcedAt
    gracePeriodDays
    owners {
      id
      email
    }
  }
}
    `) as unknown as TypedDocumentString<DomainQuery, DomainQueryVariables>;
export const DomainMembersDocument = new TypedDocumentString(`
    query DomainMembers($name: String!, $first: Int, $after: String) {
  domain(name: $name) {
    id
    name
    members(first: $first, after: $after) {
      edges {
        cursor
        node {
          email
          user {
            id
          }
          twoFactor {
            enabled
            backupCodesRemaining
            enforcedByDomain
            enrolmentRequired
            enrolmentDeadline
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DomainMembersQuery, DomainMembersQueryVariables>;
export const DomainAuditLogDocument = new TypedDocumentString(`
    query DomainAuditLog($name: String!, $first: Int, $after: String) {
  domain(name: $name) {
    id
    name
    auditLog(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          at
          action
          detail
          actor {
            id
            email
          }
          subject {
            id
            email
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DomainAuditLogQuery, DomainAuditLogQueryVariables>;
export const SendEmailVerificationDocument = new TypedDocumentString(`
    mutation SendEmailVerification {
  sendEmailVerification {
    __typename
    ... on EmailVerificationSent {
      expiresAt
      resendAfter
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<SendEmailVerificationMutation, SendEmailVerificationMutationVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($input: VerifyEmailInput!) {
  verifyEmail(input: $input) {
    __typename
    ... on EmailVerified {
      user {
        id
        email
        emailVerified
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
  requestPasswordReset(input: $input) {
    __typename
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) {
    __typename
    ... on SecondFactorRequired {
      challenge {
        id
        expiresAt
        methods
        backupCodesAvailable
        smsFactors {
          factorId
          maskedPhoneNumber
        }
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const SessionDocument = new TypedDocumentString(`
    query Session {
  session {
    id
    current
    aal
    aal2Until
    createdAt
    lastSeenAt
    expiresAt
    ipAddress
    userAgent
  }
}
    `) as unknown as TypedDocumentString<SessionQuery, SessionQueryVariables>;
export const SessionsDocument = new TypedDocumentString(`
    query Sessions($first: Int, $after: String) {
  sessions(first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        current
        aal
        aal2Until
        createdAt
        lastSeenAt
        expiresAt
        ipAddress
        userAgent
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SessionsQuery, SessionsQueryVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($input: RevokeSessionInput!) {
  revokeSession(input: $input) {
    __typename
    ... on SessionRevoked {
      sessionId
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const SignOutEverywhereDocument = new TypedDocumentString(`
    mutation SignOutEverywhere($input: SignOutEverywhereInput!) {
  signOutEverywhere(input: $input) {
    __typename
    ... on SignedOutEverywhere {
      revokedCount
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<SignOutEverywhereMutation, SignOutEverywhereMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    __typename
    ... on PasswordChanged {
      user {
        id
        email
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const StartStepUpDocument = new TypedDocumentString(`
    mutation StartStepUp {
  startStepUp {
    __typename
    ... on StepUpChallenge {
      challenge {
        id
        expiresAt
        methods
        backupCodesAvailable
        smsFactors {
          factorId
          maskedPhoneNumber
        }
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<StartStepUpMutation, StartStepUpMutationVariables>;
export const CompleteStepUpDocument = new TypedDocumentString(`
    mutation CompleteStepUp($input: CompleteSignInInput!) {
  completeStepUp(input: $input) {
    __typename
    ... on SteppedUp {
      session {
        token
        aal
        expiresAt
        aal2Until
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<CompleteStepUpMutation, CompleteStepUpMutationVariables>;
export const StartTotpEnrolmentDocument = new TypedDocumentString(`
    mutation StartTotpEnrolment($input: StartTotpEnrolmentInput) {
  startTotpEnrolment(input: $input) {
    __typename
    ... on TotpEnrolment {
      factorId
      secret
      otpauthUri
      qrCodeDataUrl
      qrCodeSvg
      expiresAt
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<StartTotpEnrolmentMutation, StartTotpEnrolmentMutationVariables>;
export const ConfirmTotpEnrolmentDocument = new TypedDocumentString(`
    mutation ConfirmTotpEnrolment($input: ConfirmTotpEnrolmentInput!) {
  confirmTotpEnrolment(input: $input) {
    __typename
    ... on FactorConfirmed {
      user {
        id
        twoFactor {
          enabled
          backupCodesRemaining
          enforcedByDomain
          enrolmentRequired
          enrolmentDeadline
          factors {
            id
            kind
            label
            createdAt
            lastUsedAt
          }
        }
      }
      factor {
        id
        kind
        label
        createdAt
        lastUsedAt
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<ConfirmTotpEnrolmentMutation, ConfirmTotpEnrolmentMutationVariables>;
export const StartSmsEnrolmentDocument = new TypedDocumentString(`
    mutation StartSmsEnrolment($input: StartSmsEnrolmentInput!) {
  startSmsEnrolment(input: $input) {
    __typename
    ... on SmsEnrolment {
      factorId
      maskedPhoneNumber
      expiresAt
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<StartSmsEnrolmentMutation, StartSmsEnrolmentMutationVariables>;
export const ConfirmSmsEnrolmentDocument = new TypedDocumentString(`
    mutation ConfirmSmsEnrolment($input: ConfirmSmsEnrolmentInput!) {
  confirmSmsEnrolment(input: $input) {
    __typename
    ... on FactorConfirmed {
      user {
        id
        twoFactor {
          enabled
          backupCodesRemaining
          enforcedByDomain
          enrolmentRequired
          enrolmentDeadline
          factors {
            id
            kind
            label
            createdAt
            lastUsedAt
          }
        }
      }
      factor {
        id
        kind
        label
        createdAt
        lastUsedAt
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<ConfirmSmsEnrolmentMutation, ConfirmSmsEnrolmentMutationVariables>;
export const StartWebAuthnEnrolmentDocument = new TypedDocumentString(`
    mutation StartWebAuthnEnrolment($input: StartWebAuthnEnrolmentInput) {
  startWebAuthnEnrolment(input: $input) {
    __typename
    ... on WebAuthnEnrolment {
      factorId
      options
      expiresAt
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<StartWebAuthnEnrolmentMutation, StartWebAuthnEnrolmentMutationVariables>;
export const ConfirmWebAuthnEnrolmentDocument = new TypedDocumentString(`
    mutation ConfirmWebAuthnEnrolment($input: ConfirmWebAuthnEnrolmentInput!) {
  confirmWebAuthnEnrolment(input: $input) {
    __typename
    ... on FactorConfirmed {
      user {
        id
        twoFactor {
          enabled
          backupCodesRemaining
          enforcedByDomain
          enrolmentRequired
          enrolmentDeadline
          factors {
            id
            kind
            label
            createdAt
            lastUsedAt
          }
        }
      }
      factor {
        id
        kind
        label
        createdAt
        lastUsedAt
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<ConfirmWebAuthnEnrolmentMutation, ConfirmWebAuthnEnrolmentMutationVariables>;
export const GenerateBackupCodesDocument = new TypedDocumentString(`
    mutation GenerateBackupCodes {
  generateBackupCodes {
    __typename
    ... on BackupCodes {
      user {
        id
        twoFactor {
          enabled
          backupCodesRemaining
          enforcedByDomain
          enrolmentRequired
          enrolmentDeadline
          factors {
            id
            kind
            label
            createdAt
            lastUsedAt
          }
        }
      }
      codes
      generatedAt
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<GenerateBackupCodesMutation, GenerateBackupCodesMutationVariables>;
export const EnableTwoFactorDocument = new TypedDocumentString(`
    mutation EnableTwoFactor($input: EnableTwoFactorInput!) {
  enableTwoFactor(input: $input) {
    __typename
    ... on TwoFactorEnabled {
      user {
        id
        twoFactor {
          enabled
          backupCodesRemaining
          enforcedByDomain
          enrolmentRequired
          enrolmentDeadline
          factors {
            id
            kind
            label
            createdAt
            lastUsedAt
          }
        }
      }
      status {
        enabled
        backupCodesRemaining
        enforcedByDomain
        enrolmentRequired
        enrolmentDeadline
        factors {
          id
          kind
          label
          createdAt
          lastUsedAt
        }
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<EnableTwoFactorMutation, EnableTwoFactorMutationVariables>;
export const DisableTwoFactorDocument = new TypedDocumentString(`
    mutation DisableTwoFactor {
  disableTwoFactor {
    __typename
    ... on TwoFactorDisabled {
      user {
        id
        twoFactor {
          enabled
          backupCodesRemaining
          enforcedByDomain
          enrolmentRequired
          enrolmentDeadline
          factors {
            id
            kind
            label
            createdAt
            lastUsedAt
          }
        }
      }
      status {
        enabled
        backupCodesRemaining
        enforcedByDomain
        enrolmentRequired
        enrolmentDeadline
        factors {
          id
          kind
          label
          createdAt
          lastUsedAt
        }
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<DisableTwoFactorMutation, DisableTwoFactorMutationVariables>;
export const RenameFactorDocument = new TypedDocumentString(`
    mutation RenameFactor($input: RenameFactorInput!) {
  renameFactor(input: $input) {
    __typename
    ... on FactorRenamed {
      user {
        id
        twoFactor {
          enabled
          backupCodesRemaining
          enforcedByDomain
          enrolmentRequired
          enrolmentDeadline
          factors {
            id
            kind
            label
            createdAt
            lastUsedAt
          }
        }
      }
      factor {
        id
        kind
        label
        createdAt
        lastUsedAt
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<RenameFactorMutation, RenameFactorMutationVariables>;
export const RemoveFactorDocument = new TypedDocumentString(`
    mutation RemoveFactor($input: RemoveFactorInput!) {
  removeFactor(input: $input) {
    __typename
    ... on FactorRemoved {
      user {
        id
        twoFactor {
          enabled
          backupCodesRemaining
          enforcedByDomain
          enrolmentRequired
          enrolmentDeadline
          factors {
            id
            kind
            label
            createdAt
            lastUsedAt
          }
        }
      }
      status {
        enabled
        backupCodesRemaining
        enforcedByDomain
        enrolmentRequired
        enrolmentDeadline
        factors {
          id
          kind
          label
          createdAt
          lastUsedAt
        }
      }
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
  code
  ... on InvalidCodeError {
    attemptsRemaining
  }
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
  ... on DomainVerificationFailedError {
    expected
    found
  }
}`) as unknown as TypedDocumentString<RemoveFactorMutation, RemoveFactorMutationVariables>;