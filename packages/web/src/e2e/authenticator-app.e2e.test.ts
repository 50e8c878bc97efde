// The seed's flow with an authenticator app, then everything a person does with 2FA on: the second
// step of sign-in (app code, backup code, security key), "Confirm it's you", renaming, adding a key,
// passkey sign-in, removing, disabling. One browser, one page, as one person would.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildWebApp, decodeQr, expectNoSeriousA11yViolations, expectOnlySameOrigin, freePort, hasChromium, openBrowser, originEnv, screenshot, type Browser } from "./browser.js";
import { oathtool, PASSWORD, startTestApi, type TestApi } from "./testing.js";

describe.skipIf(!hasChromium)("the web app: two-factor authentication with an authenticator app", () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  // Each test file has its own in-memory store: fixed names make the screenshots read well.
  const email = "ada.lovelace@example.com";
  let secret = "";
  let backupCodes: string[] = [];

  const code = () => oathtool(secret, api.clock.now());
  /** The next TOTP step: a code is single use, so each proof waits for a fresh one (on the test clock). */
  const nextCode = () => {
    api.clock.advance(30);
    return code();
  };

  beforeAll(async () => {
    await buildWebApp();
    const port = await freePort();
    api = await startTestApi({ env: originEnv(port) });
    browser = await openBrowser(api.server.url);
    page = browser.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function signInWithPassword() {
    await page.goto(`${browser.origin}/sign-in`);
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Two-factor authentication" }).isVisible()).toBe(true);
  }

  async function signOut() {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
  }

  test("the app loads from its own origin only, and a person signs up", async () => {
    await page.goto(`${browser.origin}/`);
    await page.getByRole("link", { name: "Sign up" }).waitFor();
    await expect.poll(() => page.getByRole("link", { name: "Sign in" }).isVisible()).toBe(true);
    await expectNoSeriousA11yViolations(page, "welcome");
    await screenshot(page, "welcome");
    expectOnlySameOrigin(browser.requests, browser.origin);
    expect(browser.requests.length).toBeGreaterThan(2);

    await page.getByRole("link", { name: "Sign up" }).click();
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/^Password: .*8 characters/);
    await expectNoSeriousA11yViolations(page, "sign up");
    await screenshot(page, "sign-up");

    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    await expectNoSeriousA11yViolations(page, "account");
    await screenshot(page, "account");
    expectOnlySameOrigin(browser.requests, browser.origin);
  });

  test("the seed's flow: Get started, the authentication app, backup codes, Enable Two Factor", async () => {
    // 1. Click Two Factor Authentication.
    await page.getByRole("link", { name: "Two Factor Authentication" }).click();
    expect(new URL(page.url()).pathname).toBe("/settings/two-factor");
    await screenshot(page, "seed-1-two-factor-authentication");

    // 2. Click Get started with two-factor authentication, then select the option.
    await page.getByRole("button", { name: "Get started with two-factor authentication" }).click();
    for (const option of [
      "Use a hardware security key or biometric features on your device",
      "Add a phone number to receive an SMS message containing a verification code",
      "Use an authentication app on your phone",
    ]) {
      await expect.poll(() => page.getByRole("button", { name: option }).isVisible()).toBe(true);
    }
    await expectNoSeriousA11yViolations(page, "the three options");
    await screenshot(page, "seed-2-get-started-options");
    await page.getByRole("button", { name: "Use an authentication app on your phone" }).click();

    // The QR code, read back as a phone would, carries the same secret the page shows as text.
    const qr = page.getByRole("img", { name: "QR code" });
    await qr.waitFor();
    const uri = new URL(decodeQr((await qr.getAttribute("src"))!));
    expect(uri.protocol).toBe("otpauth:");
    secret = uri.searchParams.get("secret")!;
    expect((await page.locator(".secret").textContent())!.replace(/\s/g, "")).toBe(secret);

    await page.getByRole("textbox", { name: "Authentication code" }).fill(code());
    await expectNoSeriousA11yViolations(page, "authentication app");
    await screenshot(page, "seed-3-add-authenticator");

    // A wrong code is refused where the person typed it.
    await page.getByRole("textbox", { name: "Authentication code" }).fill("000000");
    await page.getByRole("button", { name: "Add authenticator" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/isn't right/);

    // 3. On the preferred option, click Add authenticator.
    await page.getByRole("textbox", { name: "Authentication code" }).fill(code());
    await page.getByRole("button", { name: "Add authenticator" }).click();

    // 4. Take note of the backup codes then confirm you understand the use of backup codes.
    const list = page.getByRole("list", { name: "Backup codes" });
    await list.waitFor();
    backupCodes = await list.getByRole("listitem").allTextContents();
    expect(backupCodes).toHaveLength(10);
    const enable = page.getByRole("button", { name: "Enable Two Factor" });
    expect(await enable.isDisabled()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
    const file = readFileSync((await download.path())!, "utf8");
    for (const backupCode of backupCodes) expect(file).toContain(backupCode);
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByRole("status").filter({ hasText: "copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(backupCodes.join("\n"));

    await page.getByRole("checkbox", { name: /I understand/ }).check();
    expect(await enable.isEnabled()).toBe(true);
    await expectNoSeriousA11yViolations(page, "backup codes");
    await screenshot(page, "seed-4-backup-codes");

    // 5. Click Enable Two Factor.
    await enable.click();
    await page.getByRole("status").filter({ hasText: "Two-factor authentication is on" }).waitFor();
    await expect.poll(() => page.getByRole("button", { name: "Generate new backup codes" }).isVisible()).toBe(true);
    expect(await page.getByText("10 of 10 backup codes remaining").isVisible()).toBe(true);
    await expectNoSeriousA11yViolations(page, "two-factor on");
    await screenshot(page, "seed-5-two-factor-enabled");
  });

  test("the second step of sign-in, by keyboard alone: a wrong code is explained, the app's code signs in", async () => {
    await signOut();
    await page.goto(`${browser.origin}/sign-in`);
    // The email box has focus; Tab moves to the password; Enter submits.
    await page.getByRole("textbox", { name: "Email" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("email");
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Two-factor authentication" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("one-time-code");
    await expectNoSeriousA11yViolations(page, "second step");
    await screenshot(page, "sign-in-second-step");
    await page.getByRole("textbox", { name: "Authentication code" }).fill("123456");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/isn't right/);
    await page.getByRole("textbox", { name: "Authentication code" }).fill(nextCode());
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Your account" }).waitFor();
  });

  test("Generate new backup codes asks to confirm it's you once the sign-in is over 10 minutes old", async () => {
    await page.getByRole("link", { name: "Two Factor Authentication" }).click();
    api.clock.advance(11 * 60);
    await page.getByRole("button", { name: "Generate new backup codes" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
    await dialog.waitFor();
    // Step-up in place: the same session, a second factor only (no password asked).
    await dialog.getByRole("textbox", { name: "Authentication code" }).fill(nextCode());
    expect(await dialog.getByLabel("Password").count()).toBe(0);
    await expectNoSeriousA11yViolations(page, "confirm it's you");
    await screenshot(page, "confirm-its-you", { fullPage: false });
    await dialog.getByRole("button", { name: "Verify" }).click();
    await dialog.waitFor({ state: "detached" });
    const list = page.getByRole("list", { name: "Backup codes" });
    await list.waitFor();
    const fresh = await list.getByRole("listitem").allTextContents();
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toEqual(backupCodes);
    backupCodes = fresh;
  });

  test("a backup code signs in, and the count goes down", async () => {
    await signOut();
    await signInWithPassword();
    await page.getByRole("button", { name: "Use a backup code" }).click();
    await page.getByRole("textbox", { name: "Backup code" }).fill(backupCodes[0]!);
    await screenshot(page, "sign-in-backup-code");
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    await page.getByRole("link", { name: "Two Factor Authentication" }).click();
    await page.getByText("9 of 10 backup codes remaining").waitFor();
  });

  test("rename a factor, add a security key, sign in with it and with the passkey alone", async () => {
    const app = page.getByRole("listitem").filter({ hasText: "Authenticator app" });
    await app.getByRole("button", { name: "Rename" }).click();
    await page.getByRole("textbox", { name: /New name for/ }).fill("Work phone");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("listitem").filter({ hasText: "Work phone" }).waitFor();

    await browser.addAuthenticator();
    await page.getByRole("button", { name: "Add another authenticator" }).click();
    await page.getByRole("button", { name: "Use a hardware security key or biometric features on your device" }).click();
    await page.getByRole("textbox", { name: "Nickname" }).fill("Laptop");
    await page.getByRole("button", { name: "Add authenticator" }).click();
    await page.getByRole("status").filter({ hasText: "Authenticator added: Laptop" }).waitFor();
    await expectNoSeriousA11yViolations(page, "factor management");
    await screenshot(page, "manage-factors");

    await signOut();
    await signInWithPassword();
    await page.getByRole("button", { name: "Use your security key" }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();

    await signOut();
    await page.goto(`${browser.origin}/sign-in`);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    expect(await page.getByText(`Signed in as ${email}`).isVisible()).toBe(true);
  });

  test("remove a factor, then disable two-factor authentication", async () => {
    await page.getByRole("link", { name: "Two Factor Authentication" }).click();
    const phone = page.getByRole("listitem").filter({ hasText: "Work phone" });
    await phone.getByRole("button", { name: "Remove" }).click();
    await phone.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Disable two-factor authentication" }).click();
    await page.getByRole("button", { name: "Get started with two-factor authentication" }).waitFor();
    expectOnlySameOrigin(browser.requests, browser.origin);
  });
});
