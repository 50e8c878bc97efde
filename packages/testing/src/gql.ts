import type { SesEndpoint } from "./aws/ses-endpoint.js";
import type { Deps } from "@access-identity/core";
import type { TestClock } from "./clock.js";

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  headers: Headers;
}

export interface GqlOptions {
  token?: string;
  ip?: string;
  headers?: Record<string, string>;
}

/** What every flow helper needs: one GraphQL operation at a time, and the clock the API runs on. */
export interface GqlApi {
  deps: Deps;
  clock: TestClock;
  /** The loopback SES v2 endpoint every email goes to, through the real SES client. */
  mail: SesEndpoint;
  /** Sends every email due from the outbox (what the notifier does in AWS) and waits for it. */
  deliverEmails(): Promise<void>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/** The POST a GraphQL client sends. */
export function graphqlRequest(url: string, query: string, variables: Record<string, unknown> | undefined, options: GqlOptions): Request {
  return new Request(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
}

export async function gqlResult(response: Response): Promise<GqlResult> {
  const body = (await response.json()) as { data?: any; errors?: GqlResult["errors"] };
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}
