import { withRequestId, withRequestOrigin } from "@access-identity/core";
import { createGraphqlServer } from "@access-identity/graphql";
import { startTestCore, type TestCoreOptions } from "../core.js";
import { graphqlRequest, gqlResult, type GqlApi } from "../gql.js";
import { testRequest } from "../identities.js";

export type TestApi = GqlApi;

/**
 * The GraphQL API over a fresh in-memory store: requests go to the yoga server packages/graphql
 * builds (`yoga.fetch`, no socket, no HTTP adapter), each with its own request id as the
 * functions' handler gives it. HTTP concerns (body limits, CORS, x-request-id) are tested in
 * packages/functions with `@access-identity/testing/server`.
 */
export async function startTestApi(options: TestCoreOptions = {}): Promise<TestApi> {
  const { deps, clock, mail, deliverEmails, close } = await startTestCore(options);
  const yoga = createGraphqlServer(deps);
  return {
    deps,
    clock,
    mail,
    deliverEmails,
    async gql(query, variables, opts = {}) {
      const client = { ...testRequest(opts.ip), userAgent: opts.headers?.["user-agent"] };
      // As the functions' handler does: a request id, and where the request came from (for the
      // security notifications a change sends).
      const response = await withRequestId(
        client.requestId,
        () =>
          withRequestOrigin({ ip: client.ip, userAgent: client.userAgent }, () =>
            yoga.fetch(graphqlRequest("http://localhost/graphql", query, variables, opts), { deps, client }),
          ),
        deps.log,
      );
      return gqlResult(response);
    },
    close,
  };
}
