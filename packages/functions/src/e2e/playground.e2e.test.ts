// The GraphiQL playground as a developer meets it: it loads with no internet access (every asset
// served by the API itself), and a query typed into it runs against the API.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "@access-identity/testing/server";
import { signUpUser } from "@access-identity/testing/flows";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);

describe.skipIf(!hasChromium)("the GraphiQL playground in Chromium", () => {
  let api: TestServer;
  let context: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    api = await startTestServer();
    profile = mkdtempSync(join(tmpdir(), "playground-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await context?.close();
    await api?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test("loads offline and runs a query with a bearer token from its Headers tab", async () => {
    const user = await signUpUser(api);
    const page = await context.newPage();
    const offOrigin: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(api.server.url) && !request.url().startsWith("data:") && !request.url().startsWith("blob:")) offOrigin.push(request.url());
    });
    // Not "networkidle": GraphiQL's editor starts web workers from blob: URLs, and Chromium can
    // report one of those fetches as in flight for good, so the page may never count as idle.
    await page.goto(`${api.server.url}/graphql`, { waitUntil: "load" });
    await page.locator(".graphiql-execute-button").waitFor();

    // Headers tab: the token, as a developer pastes it.
    await page.getByText("Headers", { exact: true }).click();
    const headers = page.locator(".graphiql-editor-tool .graphiql-editor").last();
    await headers.click();
    await page.keyboard.type(`{"Authorization": "Bearer ${user.token}"`);
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(async () => page.locator(".result-window").innerText(), { timeout: 10_000 }).toContain(user.email);
    expect(offOrigin).toEqual([]);
  }, 40_000);
});
