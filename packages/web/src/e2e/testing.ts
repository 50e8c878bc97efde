// The one place the web app's tests reach into the server's test harness: when the helpers move
// to packages/testing, only these paths change.
export { oathtool, PASSWORD, startTestApi, uniqueEmail, type TestApi } from "../../../functions/src/testing/harness.js";
export { enableTotpTwoFactor, signUpUser } from "../../../functions/src/testing/harness.js";
export { startSmsTestApi, uniqueMobile, e164 } from "../../../functions/src/testing/sms.js";
export type { SnsEndpoint } from "../../../functions/src/testing/sns-endpoint.js";
export { startDnsServer, type TestDnsServer } from "../../../functions/src/testing/dns-server.js";
export { linkIn, startSesEndpoint, type SesEndpoint } from "../../../testing/src/ses-endpoint.js";
