// The one place the client's tests reach into the server's test helpers (packages/testing).
import { linkIn } from "@access-identity/testing/ses";
import type { TestServer } from "@access-identity/testing/server";

export { startSmsTestServer as startSmsTestApi, startTestServer as startTestApi, type TestServer as TestApi } from "@access-identity/testing/server";
export { uniqueMobile, e164 } from "@access-identity/testing/flows";
export { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
export { PASSWORD, uniqueEmail } from "@access-identity/testing/identities";
export { oathtool } from "@access-identity/testing/totp";

/** The token of the verification link the server just emailed to `email` (loopback SES). */
export async function verificationToken(api: TestServer, email: string): Promise<string> {
  await api.deliverEmails();
  return linkIn(api.mail.lastTo(email), "/verify-email").searchParams.get("token") ?? "";
}

/** The token of the password reset link the server just emailed to `email` (loopback SES). */
export async function passwordResetToken(api: TestServer, email: string): Promise<string> {
  await api.deliverEmails();
  return linkIn(api.mail.lastTo(email), "/reset-password").searchParams.get("token") ?? "";
}
