// The screens built on the API's coming operations (../shared/API.md): sessions, password change,
// email verification and password reset through the links in the emails (real SES client, loopback
// SES endpoint: the test server's own, `api.mail`). They run once schema.graphql has those operations.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildWebApp, expectNoSeriousA11yViolations, freePort, hasChromium, openBrowser, originEnv, screenshot, type Browser } from "./browser.js";
import { linkIn, PASSWORD, startTestApi, uniqueEmail, type TestApi } from "./testing.js";

const schema = readFileSync(new URL("../../../../schema.graphql", import.meta.url), "utf8");
const apiHasThem = ["revokeSession(", "signOutEverywhere(", "changePassword(", "verifyEmail(", "requestPasswordReset(", "resetPassword("].every((field) => schema.includes(field));

describe.skipIf(!hasChromium || !apiHasThem)("the web app: sessions, password and email links", () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  const email = uniqueEmail();
  const newPassword = "a different horse battery staple";

  beforeAll(async () => {
    await buildWebApp();
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    // The test server sends its emails with the real SES client to its own loopback endpoint (api.mail).
    api = await startTestApi({ env: { ...originEnv(port), APP_URL: origin } });
    browser = await openBrowser(origin);
    page = browser.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** The link to `path` in the latest email to `email` that has one, once the server has sent it. */
  async function linkTo(path: string): Promise<URL> {
    const latest = () => api.mail.messages.filter((m) => m.to.includes(email) && m.text.includes(path)).at(-1);
    await expect
      .poll(async () => {
        await api.deliverEmails();
        return latest() !== undefined;
      })
      .toBe(true);
    return linkIn(latest()!, path);
  }

  test("sign up, then open the verification link from the email", async () => {
    await page.goto(`${browser.origin}/sign-up`);
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    const link = await linkTo("/verify-email");
    expect(link.origin).toBe(browser.origin);
    await page.goto(link.href);
    await page.getByText(`${email} is verified`).waitFor();
    await expectNoSeriousA11yViolations(page, "verify email");
    await screenshot(page, "verify-email");
  });

  test("sessions: revoke another device, change the password", async () => {
    const other = await api.gql(`mutation($input: SignInInput!) { signIn(input: $input) { __typename } }`, { input: { email, password: PASSWORD } }, { headers: { "user-agent": "Mozilla/5.0 (Windows NT 10.0) Firefox/140.0" } });
    expect(other.data?.signIn.__typename).toBe("SignedIn");
    await page.goto(`${browser.origin}/settings/sessions`);
    const list = page.getByRole("list", { name: "Sessions" });
    await list.getByRole("listitem").nth(1).waitFor();
    expect(await list.getByRole("listitem").count()).toBe(2);
    await expectNoSeriousA11yViolations(page, "sessions");
    await screenshot(page, "sessions");
    await list.getByRole("listitem").filter({ hasNot: page.getByText("This device") }).getByRole("button", { name: "Revoke" }).click();
    await expect.poll(() => list.getByRole("listitem").count()).toBe(1);

    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("status").filter({ hasText: "Password changed" }).waitFor();
  });

  test("Forgot password? sends a link that sets a new password", async () => {
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.getByRole("link", { name: "Forgot password?" }).waitFor();
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByRole("status").filter({ hasText: "we've emailed it a link" }).waitFor();
    await expectNoSeriousA11yViolations(page, "forgot password");
    await screenshot(page, "forgot-password");
    await page.goto((await linkTo("/reset-password")).href);
    await page.getByLabel("New password").fill(PASSWORD);
    await expectNoSeriousA11yViolations(page, "reset password");
    await screenshot(page, "reset-password");
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.getByText("Your password was changed").waitFor();

    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
  });
});
