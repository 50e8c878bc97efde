// Every GraphQL operation the tests and the benchmark send, written once, as a client would.
// Selections are the union of what the tests read; a test probing one particular selection
// (hostile input, a field's authorisation) keeps that query inline, next to its assertion.

const ERRORS = `... on RateLimitedError { message retryAfterSeconds } ... on Error { message }`;
const VALIDATION = `... on ValidationError { field }`;
const DOMAIN_FIELDS = `name verified verifiedAt enforceTwoFactor gracePeriodDays enforcedAt`;

// Accounts and sessions

export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename
  ... on SignedIn { session { token aal expiresAt enrolmentRequired } user { id email domain createdAt twoFactor { enabled } } }
  ... on ValidationError { message field } ... on Error { message } } }`;
export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename
  ... on SignedIn { session { token aal enrolmentRequired } }
  ... on SecondFactorRequired { challenge { id expiresAt methods backupCodesAvailable smsFactors { factorId maskedPhoneNumber } } }
  ... on RateLimitedError { message retryAfterSeconds } ... on Error { message } } }`;
export const COMPLETE_SIGN_IN = `mutation($input: CompleteSignInInput!) { completeSignIn(input: $input) { __typename
  ... on SignedIn { session { token aal expiresAt } user { email } }
  ... on InvalidCodeError { message attemptsRemaining } ... on RateLimitedError { message retryAfterSeconds } ... on Error { message } } }`;
/**
 * What a sign-in form sends for the second step: it needs the session's token. Selecting
 * `user { ... }` as well (COMPLETE_SIGN_IN) costs one more read (the account), which the second
 * step itself avoids; the benchmark measures both.
 */
export const COMPLETE_SIGN_IN_SESSION_ONLY = `mutation($input: CompleteSignInInput!) { completeSignIn(input: $input) { __typename
  ... on SignedIn { session { token aal } } ... on InvalidCodeError { message attemptsRemaining } ... on Error { message } } }`;
export const SIGN_OUT = `mutation { signOut { __typename ... on SignedOut { success } } }`;
export const ME = `{ me { id email domain twoFactor { enabled enforcedByDomain enrolmentRequired enrolmentDeadline factors { id } backupCodesRemaining } } }`;
/** The cheapest authenticated read: the benchmark's per-request baseline. */
export const ME_EMAIL = `query { me { email } }`;

// "Get started with 2FA": enrol a factor, generate backup codes, acknowledge them, enable

export const ENROL_TOTP = `mutation($input: StartTotpEnrolmentInput) { startTotpEnrolment(input: $input) { __typename
  ... on TotpEnrolment { factorId secret otpauthUri qrCodeDataUrl qrCodeSvg expiresAt } ... on Error { message } } }`;
export const CONFIRM_TOTP = `mutation($input: ConfirmTotpEnrolmentInput!) { confirmTotpEnrolment(input: $input) { __typename
  ... on FactorConfirmed { factor { id kind label } } ... on InvalidCodeError { message attemptsRemaining } ... on Error { message } } }`;
export const START_SMS = `mutation($input: StartSmsEnrolmentInput!) { startSmsEnrolment(input: $input) { __typename
  ... on SmsEnrolment { factorId maskedPhoneNumber expiresAt }
  ... on ValidationError { message field } ... on RateLimitedError { message retryAfterSeconds } ... on Error { message } } }`;
export const CONFIRM_SMS = `mutation($input: ConfirmSmsEnrolmentInput!) { confirmSmsEnrolment(input: $input) { __typename
  ... on FactorConfirmed { factor { id kind label createdAt lastUsedAt } }
  ... on InvalidCodeError { message attemptsRemaining } ... on Error { message } } }`;
export const START_WEBAUTHN_ENROLMENT = `mutation($input: StartWebAuthnEnrolmentInput) { startWebAuthnEnrolment(input: $input) { __typename
  ... on WebAuthnEnrolment { factorId options expiresAt } ... on ValidationError { message field } ... on Error { message } } }`;
export const CONFIRM_WEBAUTHN_ENROLMENT = `mutation($input: ConfirmWebAuthnEnrolmentInput!) { confirmWebAuthnEnrolment(input: $input) { __typename
  ... on FactorConfirmed { factor { id kind label createdAt lastUsedAt } } ... on InvalidCodeError { message attemptsRemaining }
  ... on ValidationError { message field } ... on Error { message } } }`;
export const GENERATE_BACKUP_CODES = `mutation { generateBackupCodes { __typename ... on BackupCodes { codes generatedAt } ... on Error { message } } }`;
export const ENABLE_2FA = `mutation($input: EnableTwoFactorInput!) { enableTwoFactor(input: $input) { __typename
  ... on TwoFactorEnabled { status { enabled backupCodesRemaining factors { id kind } } } ... on ValidationError { message field } ... on Error { message } } }`;
export const DISABLE_2FA = `mutation { disableTwoFactor { __typename
  ... on TwoFactorDisabled { status { enabled factors { id } backupCodesRemaining } } ... on Error { message } } }`;
export const RENAME_FACTOR = `mutation($input: RenameFactorInput!) { renameFactor(input: $input) { __typename
  ... on FactorRenamed { factor { id label } } ... on ValidationError { field } } }`;
export const REMOVE_FACTOR = `mutation($input: RemoveFactorInput!) { removeFactor(input: $input) { __typename
  ... on FactorRemoved { status { factors { id kind label } } } ... on Error { message } } }`;
export const TWO_FACTOR_STATUS = `{ me { twoFactor { enabled enforcedByDomain enrolmentRequired enrolmentDeadline backupCodesRemaining factors { id kind label lastUsedAt } } } }`;
export const MY_FACTORS = `query { me { twoFactor { enabled factors { id kind label createdAt lastUsedAt } } } }`;
export const MY_AUDIT = `query { auditLog(first: 50) { edges { node { action detail } } } }`;

// Second factors at sign-in

export const SEND_SIGN_IN_SMS = `mutation($input: SendSignInSmsCodeInput!) { sendSignInSmsCode(input: $input) { __typename
  ... on SmsCodeSent { expiresAt resendAfter }
  ... on RateLimitedError { message retryAfterSeconds } ... on ValidationError { message field } ... on Error { message } } }`;
export const START_SIGN_IN_WEBAUTHN = `mutation($input: StartSignInWebAuthnInput!) { startSignInWebAuthn(input: $input) { __typename
  ... on WebAuthnOptions { options } ... on Error { message } } }`;
export const START_PASSKEY_SIGN_IN = `mutation { startPasskeySignIn { __typename
  ... on WebAuthnOptions { options } ... on RateLimitedError { message retryAfterSeconds } ... on Error { message } } }`;
export const COMPLETE_PASSKEY_SIGN_IN = `mutation($input: CompletePasskeySignInInput!) { completePasskeySignIn(input: $input) { __typename
  ... on SignedIn { session { token aal } user { email } } ... on InvalidCodeError { message attemptsRemaining }
  ... on ValidationError { message field } ... on Error { message } } }`;

// Domains, as an admin's console sends them

export const CLAIM = `mutation($input: ClaimDomainInput!) { claimDomain(input: $input) { __typename
  ... on DomainClaim { txtRecordName txtRecordValue expiresAt domain { ${DOMAIN_FIELDS} } } ${VALIDATION} ${ERRORS} } }`;
export const VERIFY = `mutation($input: VerifyDomainInput!) { verifyDomain(input: $input) { __typename
  ... on DomainVerified { domain { ${DOMAIN_FIELDS} owners { email } } }
  ... on DomainVerificationFailedError { expected found } ${ERRORS} } }`;
export const SET_POLICY = `mutation($input: SetDomainTwoFactorPolicyInput!) { setDomainTwoFactorPolicy(input: $input) { __typename
  ... on DomainPolicyUpdated { domain { ${DOMAIN_FIELDS} } } ${VALIDATION} ${ERRORS} } }`;
export const ADD_OWNER = `mutation($input: AddDomainOwnerInput!) { addDomainOwner(input: $input) { __typename
  ... on DomainOwnersUpdated { domain { name owners { email } } } ${VALIDATION} ${ERRORS} } }`;
export const REMOVE_OWNER = `mutation($input: RemoveDomainOwnerInput!) { removeDomainOwner(input: $input) { __typename
  ... on DomainOwnersUpdated { domain { name } } ${VALIDATION} ${ERRORS} } }`;
export const RESET = `mutation($input: ResetUserTwoFactorInput!) { resetUserTwoFactor(input: $input) { __typename
  ... on TwoFactorReset { user { email twoFactor { enabled factors { id } backupCodesRemaining } } } ${VALIDATION} ${ERRORS} } }`;
export const DOMAIN = `query($name: String!, $first: Int, $after: String) { domain(name: $name) { ${DOMAIN_FIELDS} owners { email }
  members(first: $first, after: $after) { edges { cursor node { email user { id email }
    twoFactor { enabled enforcedByDomain enrolmentRequired enrolmentDeadline factors { kind } } } } pageInfo { hasNextPage endCursor } }
  auditLog(first: 20) { edges { node { action detail actor { email } subject { email } } } pageInfo { hasNextPage } } } }`;
export const AUDIT_LOG = `{ auditLog(first: 20) { edges { node { action detail actor { email } subject { email } } } } }`;

export const VERIFY_EMAIL = `mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { __typename
  ... on EmailVerified { user { email emailVerified } } ... on InvalidCodeError { message } ... on Error { message } } }`;
