import { randomUUID } from "node:crypto";
import { withRequestId, withRequestOrigin, type Deps, type RequestInfo } from "@access-identity/core";
import { createGraphqlServer, MAX_BODY_BYTES } from "@access-identity/graphql";
import { limitSubject } from "./client-address.js";

export type Handler = (request: Request, client: Omit<RequestInfo, "requestId" | "ipKey">) => Promise<Response>;

function tooLarge(): Response {
  return Response.json(
    { errors: [{ message: "Request body too large.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] },
    { status: 413 },
  );
}

/**
 * The one entry point both adapters (Lambda and the local server) call: a Fetch Request in, a
 * Response out. It gives each request an id (logged with every line, returned as x-request-id),
 * derives the address per-address limits count by (here, so both adapters agree), and refuses
 * oversized bodies before anything parses them.
 */
export function createHandler(deps: Deps): Handler {
  const yoga = createGraphqlServer(deps);
  return async (request, client) => {
    const requestId = randomUUID();
    return withRequestId(requestId, async () => {
      const declared = Number(request.headers.get("content-length") ?? 0);
      if (declared > MAX_BODY_BYTES) return tooLarge();
      let body: ArrayBuffer | undefined;
      if (request.body) {
        body = await request.arrayBuffer();
        if (body.byteLength > MAX_BODY_BYTES) return tooLarge();
      }
      const bounded = body === undefined ? request : new Request(request, { body });
      // Security notifications written during the request say where it came from.
      const response = await withRequestOrigin({ ip: client.ip, userAgent: client.userAgent }, () =>
        yoga.fetch(bounded, { deps, client: { ...client, ipKey: limitSubject(client.ip), requestId } }),
      );
      response.headers.set("x-request-id", requestId);
      return response;
    }, deps.log);
  };
}
