// The seed's other two options: a phone number (codes through the real SNS client to a loopback
// SNS endpoint) and a security key or biometrics (the CDP virtual authenticator); then the second
// step of sign-in with each: "Send a text message" with its resend countdown, "Use your security key".
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildWebApp, expectNoSeriousA11yViolations, expectOnlySameOrigin, freePort, hasChromium, openBrowser, originEnv, screenshot, type Browser } from "./browser.js";
import { e164, PASSWORD, startSmsTestApi, uniqueMobile, type SnsEndpoint, type TestApi } from "./testing.js";

describe.skipIf(!hasChromium)("the web app: text messages and security keys", () => {
  let api: TestApi;
  let sns: SnsEndpoint;
  let closeApi: () => Promise<void>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await buildWebApp();
    const port = await freePort();
    const started = await startSmsTestApi({ env: originEnv(port) });
    ({ api, sns } = started);
    closeApi = started.close;
    browser = await openBrowser(api.server.url);
    page = browser.page;
    await browser.addAuthenticator();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await closeApi?.();
  });

  async function signUp(email: string) {
    await page.goto(`${browser.origin}/sign-up`);
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByRole("link", { name: "Two Factor Authentication" }).click();
    await page.getByRole("button", { name: "Get started with two-factor authentication" }).click();
  }

  async function acknowledgeAndEnable() {
    await page.getByRole("list", { name: "Backup codes" }).waitFor();
    await page.getByRole("checkbox", { name: /I understand/ }).check();
    await page.getByRole("button", { name: "Enable Two Factor" }).click();
    await page.getByRole("button", { name: "Disable two-factor authentication" }).waitFor();
  }

  async function passwordStep(email: string) {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "Two-factor authentication" }).waitFor();
  }

  test("SMS: add a phone number, enable, then sign in with a texted code", async () => {
    const email = "alan.turing@example.com";
    const phone = uniqueMobile();
    await signUp(email);
    await page.getByRole("button", { name: "Add a phone number to receive an SMS message containing a verification code" }).click();

    // A number that cannot be one is explained at the field.
    await page.getByRole("textbox", { name: "Phone number" }).fill("12");
    await page.getByRole("button", { name: "Send code" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/^Phone number: /);

    await page.getByRole("textbox", { name: "Phone number" }).fill(phone);
    await page.getByRole("button", { name: "Send code" }).click();
    await page.getByRole("status").filter({ hasText: "We texted a 6-digit code" }).waitFor();
    await page.getByRole("textbox", { name: "Authentication code" }).fill(sns.lastCodeFor(e164(phone)));
    await expectNoSeriousA11yViolations(page, "SMS option");
    await screenshot(page, "seed-3-add-authenticator-sms");
    await page.getByRole("button", { name: "Add authenticator" }).click();
    await acknowledgeAndEnable();
    expect(await page.getByRole("listitem").filter({ hasText: "Text message" }).isVisible()).toBe(true);

    await passwordStep(email);
    const before = sns.messages.length;
    await page.getByRole("button", { name: "Send a text message" }).click();
    // Then a countdown until another text may be sent.
    await page.getByRole("button", { name: /Resend text in \d+ s/ }).waitFor();
    expect(await page.getByRole("button", { name: /Resend text in/ }).isDisabled()).toBe(true);
    expect(sns.messages.length).toBe(before + 1);
    await expectNoSeriousA11yViolations(page, "second step with SMS");
    await screenshot(page, "sign-in-sms");
    await page.getByRole("textbox", { name: "Authentication code" }).fill(sns.lastCodeFor(e164(phone)));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
  });

  test("security key or biometrics: add one with a nickname, enable, sign in with it", async () => {
    const email = "katherine.johnson@example.com";
    await signUp(email);
    await page.getByRole("button", { name: "Use a hardware security key or biometric features on your device" }).click();
    await page.getByRole("textbox", { name: "Nickname" }).fill("Blue key");
    await expectNoSeriousA11yViolations(page, "security key option");
    await screenshot(page, "seed-3-add-authenticator-security-key");
    await page.getByRole("button", { name: "Add authenticator" }).click();
    await acknowledgeAndEnable();
    expect(await page.getByRole("listitem").filter({ hasText: "Blue key" }).isVisible()).toBe(true);

    await passwordStep(email);
    expect(await page.getByRole("button", { name: "Send a text message" }).count()).toBe(0);
    await page.getByRole("button", { name: "Use your security key" }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    expect(await page.getByText(`Signed in as ${email}`).isVisible()).toBe(true);
    expectOnlySameOrigin(browser.requests, browser.origin);
  });
});
