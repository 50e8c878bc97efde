export {
  CONFIRM_TOTP,
  ENABLE_2FA,
  ENROL_TOTP,
  GENERATE_BACKUP_CODES,
  PASSWORD,
  SIGN_IN,
} from "@access-identity/functions/testing/harness";

export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename
  ... on SignedIn { session { token } } ... on Error { message } } }`;
export const ME = `query { me { email } }`;
/**
 * What a sign-in form sends for the second step: it needs the session's token. Selecting
 * `user { ... }` as well costs one more read (the account), which the second step itself avoids.
 */
export const COMPLETE_SIGN_IN = `mutation($input: CompleteSignInInput!) { completeSignIn(input: $input) { __typename
  ... on SignedIn { session { token aal } } ... on InvalidCodeError { message attemptsRemaining } ... on Error { message } } }`;

export interface GqlResponse {
  data?: Record<string, any>;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One GraphQL operation over real HTTP on loopback (fetch keeps connections alive). */
export type Gql = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<GqlResponse>;

export function httpGql(baseUrl: string): Gql {
  const endpoint = `${baseUrl.replace("localhost", "127.0.0.1")}/graphql`;
  if (!/^http:\/\/127\.0\.0\.1:\d+\/graphql$/.test(endpoint)) throw new Error(`the benchmark only talks to loopback, not ${endpoint}`);
  return async (query, variables = {}, token) => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResponse;
  };
}

/** The operation's result, or an error carrying the whole response when it is not the expected type. */
export function expectResult(response: GqlResponse, field: string, typename: string): Record<string, any> {
  const result = response.data?.[field];
  if (result?.__typename !== typename) throw new Error(`${field}: expected ${typename}, got ${JSON.stringify(response)}`);
  return result;
}
