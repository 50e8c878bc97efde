// The one place the web app's tests reach into the server's test helpers (packages/testing).
import { useLoopbackSns } from "@access-identity/testing/api";
import { startTestServer, type TestServer } from "@access-identity/testing/server";

export { startTestServer as startTestApi, type TestServer as TestApi } from "@access-identity/testing/server";
export { enableTotpTwoFactor, e164, signUpUser, uniqueMobile } from "@access-identity/testing/flows";
export { PASSWORD, uniqueEmail } from "@access-identity/testing/identities";
export { oathtool } from "@access-identity/testing/totp";
export type { SnsEndpoint } from "@access-identity/testing/sns";
export { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
export { linkIn, startSesEndpoint, type SesEndpoint } from "@access-identity/testing/ses";

/** The real local server (the browser needs HTTP) sending SMS through the loopback SNS endpoint. */
export async function startSmsTestApi(options: { env?: Record<string, string> } = {}) {
  const loopback = await useLoopbackSns();
  const api: TestServer = await startTestServer({ env: { ...loopback.apiEnv, ...options.env } });
  return {
    api,
    sns: loopback.sns,
    async close() {
      await api.close();
      await loopback.restore();
    },
  };
}
