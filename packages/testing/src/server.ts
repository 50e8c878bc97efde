import { createHandler } from "@access-identity/functions/http";
import { startLocalServer, type LocalServer, type LocalServerOptions } from "@access-identity/functions/local/server";
import { TestClock } from "./clock.js";
import { useLoopbackSns } from "./api/sms.js";
import { loopbackEmail, TEST_ENCRYPTION_KEY } from "./core.js";
import { graphqlRequest, gqlResult, type GqlApi } from "./gql.js";
import { randomTestIp } from "./identities.js";

export interface TestServer extends GqlApi {
  /** The real local server on a loopback port: `server.url` for tests that need real HTTP (browsers, CORS). */
  server: LocalServer;
}

/**
 * The real local server (the Lambda's handler on Node's http server) over a fresh in-memory store.
 * `gql` goes through the same handler without a socket; `server.url` is the real thing.
 */
export async function startTestServer(options: LocalServerOptions & { env?: Record<string, string> } = {}): Promise<TestServer> {
  const clock = new TestClock();
  const { mail, email } = await loopbackEmail();
  const server = await startLocalServer({
    inMemory: true,
    ...options,
    env: { PORT: "0", ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: "silent", SMS_PROVIDER: "console", ...options.env },
    core: { clock, email, ...options.core },
  });
  const handle = createHandler(server.deps);
  return {
    server,
    deps: server.deps,
    clock,
    mail,
    deliverEmails: () => server.delivery.flush(),
    async gql(query, variables, opts = {}) {
      const response = await handle(graphqlRequest(`${server.url}/graphql`, query, variables, opts), {
        ip: opts.ip ?? randomTestIp(),
        userAgent: opts.headers?.["user-agent"],
      });
      return gqlResult(response);
    },
    close: async () => {
      await server.close();
      await mail.close();
    },
  };
}

/** The real local server (for tests that need HTTP: browsers, the client) sending SMS through the loopback SNS endpoint. */
export async function startSmsTestServer(options: { env?: Record<string, string> } = {}) {
  const loopback = await useLoopbackSns();
  const api = await startTestServer({ env: { ...loopback.apiEnv, ...options.env } });
  return {
    api,
    sns: loopback.sns,
    async close() {
      await api.close();
      await loopback.restore();
    },
  };
}
