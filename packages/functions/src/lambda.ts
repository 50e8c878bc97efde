import { createCore, loadConfig } from "@access-identity/core";
import { createHandler } from "./http.js";

/** The shape of a Lambda Function URL / API Gateway HTTP API (payload v2) event that we read. */
export interface HttpEventV2 {
  rawPath: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: { http: { method: string; sourceIp: string; userAgent?: string }; domainName?: string };
}

export interface HttpResultV2 {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

/**
 * A function deployed without its table or its key must fail at init, where Lambda reports it and
 * the FunctionErrors alarm fires, not answer every caller "Unexpected error." (nor fall back to the
 * local default table name, which exists in no AWS account). createCore refuses a missing key.
 */
function start(env: Record<string, string | undefined>): ReturnType<typeof createHandler> {
  if (!env.TABLE_NAME) throw new Error("the API function cannot start without TABLE_NAME (stacks/api.ts passes the table's name)");
  try {
    return createHandler(createCore(loadConfig(env)));
  } catch (error) {
    throw new Error(`the API function cannot start: ${(error as Error).message} (the key is the linked EncryptionKey secret: \`npx sst secret set EncryptionKey ...\`)`, { cause: error });
  }
}

// Built once per container, reused by every invocation it serves.
const handle = start(process.env);

/** Bridges the event to the same Fetch handler the local server uses (after yoga's Lambda example). */
export async function handler(event: HttpEventV2): Promise<HttpResultV2> {
  const method = event.requestContext.http.method;
  const host = event.headers?.host ?? event.requestContext.domainName ?? "lambda";
  const url = `https://${host}${event.rawPath}${event.rawQueryString ? `?${event.rawQueryString}` : ""}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers.set(name, value);
  const hasBody = method !== "GET" && method !== "HEAD" && event.body !== undefined;
  const request = new Request(url, {
    method,
    headers,
    body: hasBody ? Buffer.from(event.body!, event.isBase64Encoded ? "base64" : "utf8") : undefined,
  });
  const response = await handle(request, {
    ip: event.requestContext.http.sourceIp,
    userAgent: event.requestContext.http.userAgent,
  });
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  return { statusCode: response.status, headers: responseHeaders, body: await response.text(), isBase64Encoded: false };
}
