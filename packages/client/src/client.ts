// The framework-free client: one method per operation in src/operations/, derived from the
// generated documents (an operation added there and regenerated is a method here, with no edit).
import * as generated from "./generated/graphql.js";
import { AccessIdentityRequestError, type GraphQLErrorJSON } from "./errors.js";

/** A document with its result and variables types, as GraphQL Code Generator emits them. */
export interface TypedDocument<TResult, TVariables> {
  __apiType?: (variables: TVariables) => TResult;
  toString(): string;
}

export type Token = string | null | undefined;

export interface AccessIdentityClientOptions {
  /** The GraphQL endpoint, e.g. `https://id.example.com/graphql`. */
  url: string;
  /** Defaults to the global `fetch` (browsers, Node 20+). */
  fetch?: typeof fetch;
  /** The session token to send as `Authorization: Bearer`; called before every request. */
  getToken?: () => Token | Promise<Token>;
}

export interface RequestOptions {
  /** Overrides `getToken` for this request (`null`: send none). */
  token?: Token;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type Documents = typeof generated;
type DocumentName = { [K in keyof Documents]: K extends `${string}Document` ? (K extends `${string}FragmentDoc` ? never : K) : never }[keyof Documents];
type MethodName<K> = K extends `${infer Name}Document` ? Uncapitalize<Name> : never;

type ResultOf<D> = D extends { __apiType?: (variables: never) => infer R } ? R : never;
type VariablesOf<D> = D extends { __apiType?: (variables: infer V) => unknown } ? V : never;

/** Every operation asks for one root field; a method answers that field's value. */
type RootValue<R> = R[keyof R];
type Arguments<V> = string extends keyof V
  ? [variables?: Record<string, never>, options?: RequestOptions]
  : {} extends V
    ? [variables?: V, options?: RequestOptions]
    : [variables: V, options?: RequestOptions];

export type Operations = {
  [K in DocumentName as MethodName<K>]: (...args: Arguments<VariablesOf<Documents[K]>>) => Promise<RootValue<ResultOf<Documents[K]>>>;
};

export interface AccessIdentityClient extends Operations {
  /** Runs any typed document (your own operations too) and answers its whole `data`. */
  request<R, V>(document: TypedDocument<R, V>, variables?: V, options?: RequestOptions): Promise<R>;
}

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorJSON[];
}

async function readResponse(response: Response): Promise<GraphQLResponse> {
  const requestId = response.headers.get("x-request-id") ?? undefined;
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResponse;
  } catch (cause) {
    throw new AccessIdentityRequestError(`HTTP ${response.status}: not a GraphQL response`, [], response.status, requestId, { cause });
  }
}

export function createAccessIdentityClient(options: AccessIdentityClientOptions): AccessIdentityClient {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function request<R, V>(document: TypedDocument<R, V>, variables?: V, requestOptions: RequestOptions = {}): Promise<R> {
    const token = "token" in requestOptions ? requestOptions.token : await options.getToken?.();
    let response: Response;
    try {
      response = await send(options.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...requestOptions.headers,
        },
        body: JSON.stringify({ query: String(document), variables: variables ?? {} }),
        signal: requestOptions.signal ?? null,
      });
    } catch (cause) {
      throw new AccessIdentityRequestError(`could not reach ${options.url}`, [], 0, undefined, { cause });
    }
    const body = await readResponse(response);
    const requestId = response.headers.get("x-request-id") ?? undefined;
    if (body.errors?.length) throw new AccessIdentityRequestError(body.errors.map((e) => e.message).join("; "), body.errors, response.status, requestId);
    if (!body.data) throw new AccessIdentityRequestError(`HTTP ${response.status}: no data`, [], response.status, requestId);
    return body.data as R;
  }

  const client: Record<string, unknown> = { request };
  for (const [name, document] of Object.entries(generated)) {
    if (!name.endsWith("Document")) continue;
    const method = name[0]!.toLowerCase() + name.slice(1, -"Document".length);
    client[method] = async (variables?: unknown, requestOptions?: RequestOptions) => {
      const data = await request(document as TypedDocument<Record<string, unknown>, unknown>, variables, requestOptions);
      return Object.values(data)[0];
    };
  }
  return client as unknown as AccessIdentityClient;
}
