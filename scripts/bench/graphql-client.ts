// The documents the benchmark sends are the tests' own: @access-identity/testing/operations.

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
