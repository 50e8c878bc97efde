// The one place the client's tests reach into the server's test harness: when the helpers move to
// packages/testing, only these paths change.
export { oathtool, PASSWORD, startTestApi, uniqueEmail, type TestApi } from "../../../functions/src/testing/harness.js";
export { startSmsTestApi, uniqueMobile, e164 } from "../../../functions/src/testing/sms.js";
export { startDnsServer, type TestDnsServer } from "../../../functions/src/testing/dns-server.js";
