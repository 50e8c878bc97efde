// The domain owner's console: claim the domain, prove it with a TXT record served by Debian's
// dnsmasq, require 2FA with a grace period, see who uses it, reset a member who lost their phone,
// add and remove an owner, and read it all back in the audit log.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildWebApp, expectNoSeriousA11yViolations, expectOnlySameOrigin, freePort, hasChromium, openBrowser, originEnv, screenshot, type Browser } from "./browser.js";
import { enableTotpTwoFactor, oathtool, PASSWORD, signUpUser, startDnsServer, startTestApi, type TestApi, type TestDnsServer } from "./testing.js";

describe.skipIf(!hasChromium)("the web app: the domain owner's console", () => {
  let api: TestApi;
  let dns: TestDnsServer;
  let browser: Browser;
  let page: Page;
  // Each test file has its own in-memory store: fixed names make the screenshots read well.
  const domain = "acme.test";
  const owner = { email: `grace.hopper@${domain}`, secret: "" };
  const lostPhone = `margaret.hamilton@${domain}`;
  const noTwoFactor = `linus.pauling@${domain}`;
  const secondOwner = `barbara.liskov@${domain}`;
  let record = { name: "", value: "" };

  beforeAll(async () => {
    await buildWebApp();
    dns = await startDnsServer();
    const port = await freePort();
    api = await startTestApi({ env: { ...originEnv(port), DNS_SERVERS: dns.address } });
    // The members signed up and turned 2FA on (or not) on their own, through the API.
    owner.secret = (await enableTotpTwoFactor(api, await signUpUser(api, owner.email))).secret;
    await enableTotpTwoFactor(api, await signUpUser(api, lostPhone));
    await enableTotpTwoFactor(api, await signUpUser(api, secondOwner));
    await signUpUser(api, noTwoFactor);
    browser = await openBrowser(api.server.url);
    page = browser.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await dns?.close();
  });

  test("the owner signs in with their authenticator app and claims the domain", async () => {
    await page.goto(`${browser.origin}/sign-in`);
    await page.getByRole("textbox", { name: "Email" }).fill(owner.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    api.clock.advance(30);
    await page.getByRole("textbox", { name: "Authentication code" }).fill(oathtool(owner.secret, api.clock.now()));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("link", { name: "Domain administration" }).click();
    expect(new URL(page.url()).pathname).toBe("/admin/domain");

    await page.getByRole("button", { name: "Claim domain" }).waitFor();
    await expectNoSeriousA11yViolations(page, "claim");
    await screenshot(page, "owner-1-claim-domain");
    await page.getByRole("button", { name: "Claim domain" }).click();

    const code = page.locator(".record code");
    await code.first().waitFor();
    record = { name: (await code.nth(0).textContent())!, value: (await code.nth(1).textContent())! };
    expect(record.name).toBe(`_access-identity.${domain}`);
    await page.getByRole("button", { name: "Copy" }).nth(1).click();
    await page.getByRole("status").filter({ hasText: "TXT record value copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(record.value);
    await page.getByRole("button", { name: "Copy" }).nth(0).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(record.name);
    await expectNoSeriousA11yViolations(page, "TXT record");
    await screenshot(page, "owner-2-txt-record");
  });

  test("verify: refused while DNS lacks the record, accepted once it is there", async () => {
    await page.getByRole("button", { name: "Verify domain" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/couldn't find the TXT record/);
    await dns.setRecords({ [record.name]: [record.value] });
    await page.getByRole("button", { name: "Verify domain" }).click();
    await page.getByRole("checkbox", { name: "Require two-factor authentication" }).waitFor();
  });

  test("require 2FA with a grace period; the summary counts the members who use it", async () => {
    await page.getByRole("checkbox", { name: "Require two-factor authentication" }).check();
    await page.getByRole("spinbutton", { name: "Grace period (days)" }).fill("7");
    await page.getByRole("button", { name: "Save policy" }).click();
    await page.getByRole("status").filter({ hasText: "Policy saved." }).waitFor();

    const sentence = "3 of 4 members use two-factor authentication";
    await page.getByText(sentence).waitFor();
    expect(await page.getByRole("img", { name: sentence }).isVisible()).toBe(true);
    const members = page.getByRole("table", { name: "Members" });
    expect(await members.getByRole("columnheader", { name: "Email" }).isVisible()).toBe(true);
    expect(await members.getByRole("columnheader", { name: "Two-factor" }).isVisible()).toBe(true);
    // The table reloads once the policy is saved: the member without 2FA is now required to set it up.
    await members.getByRole("row").filter({ hasText: noTwoFactor }).filter({ hasText: /required by/ }).waitFor();
    await expectNoSeriousA11yViolations(page, "owner's console");
    await screenshot(page, "owner-3-console");
  });

  test("reset a member's 2FA with a reason", async () => {
    const row = page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: lostPhone });
    await row.getByRole("button", { name: "Reset two-factor authentication" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset two-factor authentication" });
    await dialog.getByRole("textbox", { name: "Reason" }).fill("Lost their phone");
    await expectNoSeriousA11yViolations(page, "reset dialog");
    await screenshot(page, "owner-4-reset-dialog", { fullPage: false });
    await dialog.getByRole("button", { name: "Reset" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("2 of 4 members use two-factor authentication").waitFor();
    await page.getByRole("status").filter({ hasText: `reset for ${lostPhone}` }).waitFor();
  });

  test("add an owner, remove them, and read it all in the audit log", async () => {
    await page.getByRole("textbox", { name: "Email" }).fill(secondOwner);
    await page.getByRole("button", { name: "Add owner" }).click();
    const owners = page.getByRole("list", { name: "Owners" });
    await owners.getByRole("listitem").filter({ hasText: secondOwner }).waitFor();
    expect(await owners.getByRole("listitem").count()).toBe(2);
    await owners.getByRole("listitem").filter({ hasText: secondOwner }).getByRole("button", { name: "Remove" }).click();
    await owners.getByRole("listitem").filter({ hasText: secondOwner }).waitFor({ state: "detached" });

    const log = page.getByRole("table", { name: "Audit log" });
    await log.getByRole("row").filter({ hasText: "Lost their phone" }).waitFor();
    for (const action of ["Domain claimed", "Domain verified", "Domain policy changed", "Two factor reset", "Domain owner added", "Domain owner removed"]) {
      await log.getByRole("row").filter({ hasText: action }).first().waitFor();
    }
    await screenshot(page, "owner-5-owners-and-audit-log");
    expectOnlySameOrigin(browser.requests, browser.origin);
  });
});
