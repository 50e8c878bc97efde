import type { GraphiQLOptions } from "graphql-yoga";

// The GraphiQL playground opens on the seed's journey, one tab per step, each with its variables
// and headers and a comment saying what to paste where. GraphiQL uses these only when the browser
// has no tabs of its own saved yet.

interface Tab {
  query: string;
  variables?: string;
  headers?: string;
}

const TOKEN = "PASTE_SESSION_TOKEN";

/** Headers of a tab that needs a session (the token placeholder is replaced by hand). */
function authHeaders(): string {
  return `${JSON.stringify({ Authorization: `Bearer ${TOKEN}` }, null, 2)}\n`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const ERRORS = `    ... on Error { message }
    ... on ValidationError { field }`;

export const playgroundTabs: Tab[] = [
  {
    query: `# Step 1 of the journey: create an account (each tab above is the next step).
# Change the email in Variables, run it, then copy session.token from the answer:
# the next tabs send it in Headers, in place of ${TOKEN}.
mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    __typename
    ... on SignedIn { session { token aal expiresAt } user { id email } }
${ERRORS}
  }
}
`,
    variables: json({ input: { email: "ada@example.com", password: "correct horse battery staple" } }),
  },
  {
    query: `# Step 2: start adding an authenticator app. In Headers, replace ${TOKEN} with your session.token.
# Open qrCodeDataUrl in a new browser tab and scan it with the app (or type \`secret\` into it),
# then copy factorId for the next tab.
mutation StartTotpEnrolment($input: StartTotpEnrolmentInput) {
  startTotpEnrolment(input: $input) {
    __typename
    ... on TotpEnrolment { factorId secret otpauthUri qrCodeDataUrl expiresAt }
${ERRORS}
  }
}
`,
    variables: json({ input: { label: "Phone" } }),
    headers: authHeaders(),
  },
  {
    query: `# Step 3: confirm the app. In Variables, paste factorId from step 2 and the 6-digit code the
# app shows now; in Headers, your session.token.
mutation ConfirmTotpEnrolment($input: ConfirmTotpEnrolmentInput!) {
  confirmTotpEnrolment(input: $input) {
    __typename
    ... on FactorConfirmed { factor { id kind label } }
    ... on InvalidCodeError { attemptsRemaining }
${ERRORS}
  }
}
`,
    variables: json({ input: { factorId: "PASTE_FACTOR_ID", code: "123456" } }),
    headers: authHeaders(),
  },
  {
    query: `# Step 4: backup codes, shown once: keep them somewhere safe (each works once, if the phone is lost).
# Headers: your session.token.
mutation GenerateBackupCodes {
  generateBackupCodes {
    __typename
    ... on BackupCodes { codes generatedAt }
    ... on Error { message }
  }
}
`,
    headers: authHeaders(),
  },
  {
    query: `# Step 5: turn two-factor authentication on, saying the backup codes are stored.
# Headers: your session.token. From now on signing in asks for a second factor.
mutation EnableTwoFactor($input: EnableTwoFactorInput!) {
  enableTwoFactor(input: $input) {
    __typename
    ... on TwoFactorEnabled { status { enabled backupCodesRemaining factors { kind label } } }
${ERRORS}
  }
}
`,
    variables: json({ input: { backupCodesAcknowledged: true } }),
    headers: authHeaders(),
  },
  {
    query: `# Step 6: sign in with the email and password of step 1 (no session needed).
# With 2FA on the answer is SecondFactorRequired: copy challenge.id for the next tab.
mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on SecondFactorRequired { challenge { id expiresAt methods backupCodesAvailable } }
    ... on SignedIn { session { token aal } }
    ... on RateLimitedError { retryAfterSeconds }
    ... on Error { message }
  }
}
`,
    variables: json({ input: { email: "ada@example.com", password: "correct horse battery staple" } }),
  },
  {
    query: `# Step 7: the second step. In Variables, paste challenge.id from step 6 and the app's current
# code (or replace totpCode with "backupCode": one of step 4's codes). The answer is an AAL2
# session: copy its token for the last tab.
mutation CompleteSignIn($input: CompleteSignInInput!) {
  completeSignIn(input: $input) {
    __typename
    ... on SignedIn { session { token aal expiresAt } user { email } }
    ... on InvalidCodeError { attemptsRemaining }
${ERRORS}
  }
}
`,
    variables: json({ input: { challengeId: "PASTE_CHALLENGE_ID", totpCode: "123456" } }),
  },
  {
    query: `# Step 8: who am I? Headers: the session.token from step 7 (or any session's token).
query Me {
  me {
    email
    twoFactor { enabled backupCodesRemaining factors { kind label lastUsedAt } }
  }
}
`,
    headers: authHeaders(),
  },
];

/**
 * GraphiQL 5 fills the first tab's variables editor from `initialVariables` (yoga's `variables`
 * option), not from `defaultTabs[0]`: without it the first tab opened with no variables.
 */
export const playgroundOptions: GraphiQLOptions & { variables?: string } = {
  title: "Access Identity",
  defaultTabs: playgroundTabs,
  variables: playgroundTabs[0]?.variables,
  defaultEditorToolsVisibility: true,
};
