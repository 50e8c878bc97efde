// The one place the web app's tests reach into the server's test helpers (packages/testing).

export { startSmsTestServer as startSmsTestApi, startTestServer as startTestApi, type TestServer as TestApi } from "@access-identity/testing/server";
export { enableTotpTwoFactor, e164, signUpUser, uniqueMobile } from "@access-identity/testing/flows";
export { PASSWORD, uniqueEmail } from "@access-identity/testing/identities";
export { oathtool } from "@access-identity/testing/totp";
export type { SnsEndpoint } from "@access-identity/testing/sns";
export { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
export { linkIn, startSesEndpoint, type SesEndpoint } from "@access-identity/testing/ses";
export { freePort } from "@access-identity/testing/ports";
