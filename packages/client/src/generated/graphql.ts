/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Aal =
  /** Password only. */
  | 'AAL1'
  /** Password (or passkey) and a second factor. */
  | 'AAL2';

export type AddDomainOwnerInput = {
  email: string;
  name: string;
};

export type AuditAction =
  | 'BACKUP_CODES_GENERATED'
  | 'BACKUP_CODE_USED'
  | 'DOMAIN_CLAIMED'
  | 'DOMAIN_OWNER_ADDED'
  | 'DOMAIN_OWNER_REMOVED'
  | 'DOMAIN_POLICY_CHANGED'
  | 'DOMAIN_VERIFIED'
  | 'FACTOR_ADDED'
  | 'FACTOR_REMOVED'
  | 'FACTOR_RENAMED'
  | 'SECOND_FACTOR_FAILED'
  | 'SECOND_FACTOR_LOCKED'
  | 'SECOND_FACTOR_UNLOCKED'
  | 'TWO_FACTOR_DISABLED'
  | 'TWO_FACTOR_ENABLED'
  | 'TWO_FACTOR_RESET'
  | 'WEBAUTHN_COUNTER_REGRESSION';

/** Which kind of authenticator to ask the browser for. */
export type AuthenticatorAttachment =
  /** A roaming security key (USB, NFC, Bluetooth) or a phone nearby. */
  | 'CROSS_PLATFORM'
  /** Built into this device: fingerprint, face or screen lock (a passkey on the device). */
  | 'PLATFORM';

export type ClaimDomainInput = {
  /** e.g. example.com; internationalised names are accepted. */
  name: string;
};

export type CompletePasskeySignInInput = {
  /** AuthenticationResponseJSON from @simplewebauthn/browser. */
  response: unknown;
};

/** Exactly one proof: totpCode, smsCode, webAuthnResponse or backupCode. */
export type CompleteSignInInput = {
  backupCode?: string | null | undefined;
  challengeId: string | number;
  smsCode?: string | null | undefined;
  totpCode?: string | null | undefined;
  /** AuthenticationResponseJSON from @simplewebauthn/browser. */
  webAuthnResponse?: unknown;
};

export type ConfirmSmsEnrolmentInput = {
  code: string;
  factorId: string | number;
};

export type ConfirmTotpEnrolmentInput = {
  code: string;
  factorId: string | number;
};

export type ConfirmWebAuthnEnrolmentInput = {
  factorId: string | number;
  /** RegistrationResponseJSON from @simplewebauthn/browser. */
  response: unknown;
};

export type EnableTwoFactorInput = {
  backupCodesAcknowledged: boolean;
};

export type FactorKind =
  | 'SMS'
  | 'TOTP'
  | 'WEBAUTHN';

export type RemoveDomainOwnerInput = {
  email: string;
  name: string;
};

export type RemoveFactorInput = {
  factorId: string | number;
};

export type RenameFactorInput = {
  factorId: string | number;
  label: string;
};

export type ResetUserTwoFactorInput = {
  email: string;
  /** 1-500 characters, kept in the member's and the domain's audit logs. */
  reason: string;
};

export type SendSignInSmsCodeInput = {
  challengeId: string | number;
  /** One of the challenge's smsFactors; default the first. */
  factorId?: string | number | null | undefined;
};

export type SetDomainTwoFactorPolicyInput = {
  enforce: boolean;
  /** 0-90; omitted keeps the current value (0 for a new policy). */
  gracePeriodDays?: number | null | undefined;
  name: string;
};

export type SignInInput = {
  email: string;
  password: string;
};

export type SignUpInput = {
  email: string;
  password: string;
};

export type StartSignInWebAuthnInput = {
  challengeId: string | number;
};

export type StartSmsEnrolmentInput = {
  /** A mobile number in any common written form, international ("+44 7400 123456") unless the server sets a default region. */
  phoneNumber: string;
};

export type StartTotpEnrolmentInput = {
  /** A name for the app, e.g. "Work phone". Default "Authenticator app". */
  label?: string | null | undefined;
};

export type StartWebAuthnEnrolmentInput = {
  /** Omitted: either kind. */
  authenticatorAttachment?: AuthenticatorAttachment | null | undefined;
  /** A name for the key, e.g. "Blue YubiKey". Default "Security key" or "This device". */
  nickname?: string | null | undefined;
};

export type VerifyDomainInput = {
  /** e.g. example.com; internationalised names are accepted. */
  name: string;
};

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp:
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'SignedIn', session: { token: string, aal: Aal, expiresAt: string, enrolmentRequired: boolean }, user: { id: string, email: string, domain: string, createdAt: string, twoFactor: { enabled: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null } } }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn:
    | { __typename: 'InvalidCredentialsError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'SecondFactorRequired', challenge: { id: string, expiresAt: string, methods: Array<FactorKind>, backupCodesAvailable: boolean, smsFactors: Array<{ factorId: string, maskedPhoneNumber: string }> } }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'SignedIn', session: { token: string, aal: Aal, expiresAt: string, enrolmentRequired: boolean }, user: { id: string, email: string, domain: string, createdAt: string, twoFactor: { enabled: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null } } }
   };

export type SendSignInSmsCodeMutationVariables = Exact<{
  input: SendSignInSmsCodeInput;
}>;


export type SendSignInSmsCodeMutation = { sendSignInSmsCode:
    | { __typename: 'ExpiredError', message: string }
    | { __typename: 'FactorLockedError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'SmsCodeSent', expiresAt: string, resendAfter: string }
    | { __typename: 'SmsDeliveryFailedError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type StartSignInWebAuthnMutationVariables = Exact<{
  input: StartSignInWebAuthnInput;
}>;


export type StartSignInWebAuthnMutation = { startSignInWebAuthn:
    | { __typename: 'ExpiredError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
    | { __typename: 'WebAuthnOptions', options: unknown }
   };

export type CompleteSignInMutationVariables = Exact<{
  input: CompleteSignInInput;
}>;


export type CompleteSignInMutation = { completeSignIn:
    | { __typename: 'ExpiredError', message: string }
    | { __typename: 'FactorLockedError', message: string }
    | { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'SignedIn', session: { token: string, aal: Aal, expiresAt: string, enrolmentRequired: boolean }, user: { id: string, email: string, domain: string, createdAt: string, twoFactor: { enabled: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null } } }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type StartPasskeySignInMutationVariables = Exact<{ [key: string]: never; }>;


export type StartPasskeySignInMutation = { startPasskeySignIn:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'WebAuthnOptions', options: unknown }
   };

export type CompletePasskeySignInMutationVariables = Exact<{
  input: CompletePasskeySignInInput;
}>;


export type CompletePasskeySignInMutation = { completePasskeySignIn:
    | { __typename: 'ExpiredError', message: string }
    | { __typename: 'FactorLockedError', message: string }
    | { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'SignedIn', session: { token: string, aal: Aal, expiresAt: string, enrolmentRequired: boolean }, user: { id: string, email: string, domain: string, createdAt: string, twoFactor: { enabled: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null } } }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'SignedOut', success: boolean }
   };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, domain: string, createdAt: string, twoFactor: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } } | null };

export type AuditLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { edges: Array<{ cursor: string, node: { id: string, at: string, action: AuditAction, detail: string | null, actor: { id: string, email: string } | null, subject: { id: string, email: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ClaimDomainMutationVariables = Exact<{
  input: ClaimDomainInput;
}>;


export type ClaimDomainMutation = { claimDomain:
    | { __typename: 'DomainClaim', txtRecordName: string, txtRecordValue: string, expiresAt: string }
    | { __typename: 'NotAllowedError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type VerifyDomainMutationVariables = Exact<{
  input: VerifyDomainInput;
}>;


export type VerifyDomainMutation = { verifyDomain:
    | { __typename: 'DomainVerificationFailedError', expected: string, found: Array<string>, message: string }
    | { __typename: 'DomainVerified', domain: { name: string, verified: boolean, verifiedAt: string | null, enforceTwoFactor: boolean, enforcedAt: string | null, gracePeriodDays: number } }
    | { __typename: 'ExpiredError', message: string }
    | { __typename: 'NotAllowedError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
   };

export type SetDomainTwoFactorPolicyMutationVariables = Exact<{
  input: SetDomainTwoFactorPolicyInput;
}>;


export type SetDomainTwoFactorPolicyMutation = { setDomainTwoFactorPolicy:
    | { __typename: 'DomainNotVerifiedError', message: string }
    | { __typename: 'DomainPolicyUpdated', domain: { name: string, verified: boolean, verifiedAt: string | null, enforceTwoFactor: boolean, enforcedAt: string | null, gracePeriodDays: number } }
    | { __typename: 'NotAllowedError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'StepUpRequiredError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type AddDomainOwnerMutationVariables = Exact<{
  input: AddDomainOwnerInput;
}>;


export type AddDomainOwnerMutation = { addDomainOwner:
    | { __typename: 'DomainNotVerifiedError', message: string }
    | { __typename: 'DomainOwnersUpdated', domain: { name: string, owners: Array<{ id: string, email: string }> } }
    | { __typename: 'NotAllowedError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'StepUpRequiredError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type RemoveDomainOwnerMutationVariables = Exact<{
  input: RemoveDomainOwnerInput;
}>;


export type RemoveDomainOwnerMutation = { removeDomainOwner:
    | { __typename: 'DomainNotVerifiedError', message: string }
    | { __typename: 'DomainOwnersUpdated', domain: { name: string, owners: Array<{ id: string, email: string }> } }
    | { __typename: 'NotAllowedError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'StepUpRequiredError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type ResetUserTwoFactorMutationVariables = Exact<{
  input: ResetUserTwoFactorInput;
}>;


export type ResetUserTwoFactorMutation = { resetUserTwoFactor:
    | { __typename: 'DomainNotVerifiedError', message: string }
    | { __typename: 'NotAllowedError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'StepUpRequiredError', message: string }
    | { __typename: 'TwoFactorReset', user: { id: string, email: string, twoFactor: { enabled: boolean, backupCodesRemaining: number } } }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type DomainQueryVariables = Exact<{
  name: string;
}>;


export type DomainQuery = { domain: { name: string, verified: boolean, verifiedAt: string | null, enforceTwoFactor: boolean, enforcedAt: string | null, gracePeriodDays: number, owners: Array<{ id: string, email: string }> } | null };

export type DomainMembersQueryVariables = Exact<{
  name: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DomainMembersQuery = { domain: { name: string, members: { edges: Array<{ cursor: string, node: { email: string, user: { id: string }, twoFactor: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type DomainAuditLogQueryVariables = Exact<{
  name: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DomainAuditLogQuery = { domain: { name: string, auditLog: { edges: Array<{ cursor: string, node: { id: string, at: string, action: AuditAction, detail: string | null, actor: { id: string, email: string } | null, subject: { id: string, email: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

type ErrorFields_ConflictError_Fragment = { __typename: 'ConflictError', message: string };

type ErrorFields_DomainNotVerifiedError_Fragment = { __typename: 'DomainNotVerifiedError', message: string };

type ErrorFields_DomainVerificationFailedError_Fragment = { __typename: 'DomainVerificationFailedError', expected: string, found: Array<string>, message: string };

type ErrorFields_ExpiredError_Fragment = { __typename: 'ExpiredError', message: string };

type ErrorFields_FactorLockedError_Fragment = { __typename: 'FactorLockedError', message: string };

type ErrorFields_InvalidCodeError_Fragment = { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string };

type ErrorFields_InvalidCredentialsError_Fragment = { __typename: 'InvalidCredentialsError', message: string };

type ErrorFields_NotAllowedError_Fragment = { __typename: 'NotAllowedError', message: string };

type ErrorFields_RateLimitedError_Fragment = { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string };

type ErrorFields_ServiceUnavailableError_Fragment = { __typename: 'ServiceUnavailableError', message: string };

type ErrorFields_SmsDeliveryFailedError_Fragment = { __typename: 'SmsDeliveryFailedError', message: string };

type ErrorFields_StepUpRequiredError_Fragment = { __typename: 'StepUpRequiredError', message: string };

type ErrorFields_ValidationError_Fragment = { __typename: 'ValidationError', field: string, message: string };

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

export type StartTotpEnrolmentMutationVariables = Exact<{
  input?: StartTotpEnrolmentInput | null | undefined;
}>;


export type StartTotpEnrolmentMutation = { startTotpEnrolment:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'StepUpRequiredError', message: string }
    | { __typename: 'TotpEnrolment', factorId: string, secret: string, otpauthUri: string, qrCodeDataUrl: string, qrCodeSvg: string, expiresAt: string }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type ConfirmTotpEnrolmentMutationVariables = Exact<{
  input: ConfirmTotpEnrolmentInput;
}>;


export type ConfirmTotpEnrolmentMutation = { confirmTotpEnrolment:
    | { __typename: 'ExpiredError', message: string }
    | { __typename: 'FactorConfirmed', factor: { id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null } }
    | { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'StepUpRequiredError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type StartSmsEnrolmentMutationVariables = Exact<{
  input: StartSmsEnrolmentInput;
}>;


export type StartSmsEnrolmentMutation = { startSmsEnrolment:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'SmsDeliveryFailedError', message: string }
    | { __typename: 'SmsEnrolment', factorId: string, maskedPhoneNumber: string, expiresAt: string }
    | { __typename: 'StepUpRequiredError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type ConfirmSmsEnrolmentMutationVariables = Exact<{
  input: ConfirmSmsEnrolmentInput;
}>;


export type ConfirmSmsEnrolmentMutation = { confirmSmsEnrolment:
    | { __typename: 'ExpiredError', message: string }
    | { __typename: 'FactorConfirmed', factor: { id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null } }
    | { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'StepUpRequiredError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type StartWebAuthnEnrolmentMutationVariables = Exact<{
  input?: StartWebAuthnEnrolmentInput | null | undefined;
}>;


export type StartWebAuthnEnrolmentMutation = { startWebAuthnEnrolment:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'StepUpRequiredError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
    | { __typename: 'WebAuthnEnrolment', factorId: string, options: unknown, expiresAt: string }
   };

export type ConfirmWebAuthnEnrolmentMutationVariables = Exact<{
  input: ConfirmWebAuthnEnrolmentInput;
}>;


export type ConfirmWebAuthnEnrolmentMutation = { confirmWebAuthnEnrolment:
    | { __typename: 'ExpiredError', message: string }
    | { __typename: 'FactorConfirmed', factor: { id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null } }
    | { __typename: 'InvalidCodeError', attemptsRemaining: number | null, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'StepUpRequiredError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type GenerateBackupCodesMutationVariables = Exact<{ [key: string]: never; }>;


export type GenerateBackupCodesMutation = { generateBackupCodes:
    | { __typename: 'BackupCodes', codes: Array<string>, generatedAt: string }
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'StepUpRequiredError', message: string }
   };

export type EnableTwoFactorMutationVariables = Exact<{
  input: EnableTwoFactorInput;
}>;


export type EnableTwoFactorMutation = { enableTwoFactor:
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'TwoFactorEnabled', status: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type DisableTwoFactorMutationVariables = Exact<{ [key: string]: never; }>;


export type DisableTwoFactorMutation = { disableTwoFactor:
    | { __typename: 'NotAllowedError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'StepUpRequiredError', message: string }
    | { __typename: 'TwoFactorDisabled', status: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }
   };

export type RenameFactorMutationVariables = Exact<{
  input: RenameFactorInput;
}>;


export type RenameFactorMutation = { renameFactor:
    | { __typename: 'FactorRenamed', factor: { id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null } }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
   };

export type RemoveFactorMutationVariables = Exact<{
  input: RemoveFactorInput;
}>;


export type RemoveFactorMutation = { removeFactor:
    | { __typename: 'FactorRemoved', status: { enabled: boolean, backupCodesRemaining: number, enforcedByDomain: boolean, enrolmentRequired: boolean, enrolmentDeadline: string | null, factors: Array<{ id: string, kind: FactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } }
    | { __typename: 'NotAllowedError', message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string }
    | { __typename: 'ServiceUnavailableError', message: string }
    | { __typename: 'StepUpRequiredError', message: string }
    | { __typename: 'ValidationError', field: string, message: string }
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
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
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
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DomainMembersQuery, DomainMembersQueryVariables>;
export const DomainAuditLogDocument = new TypedDocumentString(`
    query DomainAuditLog($name: String!, $first: Int, $after: String) {
  domain(name: $name) {
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
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DomainAuditLogQuery, DomainAuditLogQueryVariables>;
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
      codes
      generatedAt
    }
    ...ErrorFields
  }
}
    fragment ErrorFields on Error {
  __typename
  message
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