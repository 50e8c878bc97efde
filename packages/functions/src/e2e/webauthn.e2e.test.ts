// End to end in a real browser: Debian's Chromium (driven by playwright-core) with a CDP virtual
// authenticator, on a page served from its own http://localhost origin that calls the API across
// origins (CORS preflight included) using @simplewebauthn/browser: sign up, enrol a key, enable
// 2FA, sign in with password + key (AAL2), then sign in with the passkey alone, typing no email.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CHROMIUM, hasChromium, launchChromium, servePages, type Chromium, type PageServer } from "@access-identity/testing/browser";
import { startTestServer, type TestServer } from "@access-identity/testing/server";
import { PASSWORD, uniqueEmail } from "@access-identity/testing/flows";

if (!hasChromium) console.warn(`[webauthn e2e] skipped: ${CHROMIUM} is not installed (apt-get install -y chromium).`);

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The frontend's own origin: the page and the browser library, nothing else. */
function startPageServer(): Promise<PageServer> {
  const library = readFileSync(join(dirname(require.resolve("@simplewebauthn/browser")), "..", "dist", "bundle", "index.umd.min.js"));
  return servePages({
    "/": { type: "text/html; charset=utf-8", body: readFileSync(join(here, "page.html")) },
    "/simplewebauthn-browser.js": { type: "text/javascript", body: library },
  });
}

describe.skipIf(!hasChromium)("WebAuthn in Chromium with a virtual authenticator", () => {
  let api: TestServer;
  let pages: PageServer;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    pages = await startPageServer();
    api = await startTestServer({
      env: { WEBAUTHN_RP_ID: "localhost", WEBAUTHN_ORIGINS: pages.origin, CORS_ORIGINS: pages.origin },
    });
    browser = await launchChromium();
    page = browser.page;
    await browser.addAuthenticator();
    await page.goto(`${pages.origin}/?api=${encodeURIComponent(api.server.url)}`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await pages?.close();
  });

  test("sign up, enrol a key, enable 2FA, sign in with it (AAL2), then with the passkey alone", async () => {
    const email = uniqueEmail();
    expect(await page.evaluate(() => (window as any).flows.supported())).toBe(true);

    const token: string = await page.evaluate(([e, p]) => (window as any).flows.signUp(e, p), [email, PASSWORD]);
    const factor = await page.evaluate(([t]) => (window as any).flows.enrolKey(t, "Laptop"), [token]);
    expect(factor).toMatchObject({ kind: "WEBAUTHN", label: "Laptop" });
    expect(await page.evaluate(([t]) => (window as any).flows.enableTwoFactor(t), [token])).toBe(true);

    const withKey = await page.evaluate(([e, p]) => (window as any).flows.signInWithKey(e, p), [email, PASSWORD]);
    expect(withKey.methods).toEqual(["WEBAUTHN"]);
    expect(withKey.session.aal).toBe("AAL2");
    expect(withKey.user.email).toBe(email);

    const withPasskey = await page.evaluate(() => (window as any).flows.signInWithPasskey());
    expect(withPasskey.session.aal).toBe("AAL2");
    expect(withPasskey.user.email).toBe(email);

    const me = await page.evaluate(([t]) => (window as any).flows.me(t), [withPasskey.session.token]);
    expect(me.twoFactor.enabled).toBe(true);
    expect(me.twoFactor.factors).toHaveLength(1);
    expect(me.twoFactor.factors[0].lastUsedAt).not.toBeNull();
  }, 30_000);

  test("CORS: the page's origin passes the preflight; another origin does not", async () => {
    const preflight = (origin: string) =>
      fetch(`${api.server.url}/graphql`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
      });
    const allowed = await preflight(pages.origin);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(pages.origin);
    expect(allowed.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const refused = await preflight("http://localhost:1");
    expect(refused.headers.get("access-control-allow-origin")).not.toBe("http://localhost:1");
    // In the browser: the page's origin reads the API's answers; the same page served from another
    // origin (127.0.0.1 is not localhost, for the browser) is refused by CORS.
    const tryFetch = (url: string) =>
      fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ me { email } }"}' })
        .then((r) => r.json())
        .then((body) => JSON.stringify(body))
        .catch(() => "blocked");
    expect(await page.evaluate(tryFetch, api.server.url)).toBe('{"data":{"me":null}}');
    const foreign = await browser.context.newPage();
    await foreign.goto(pages.origin.replace("localhost", "127.0.0.1"));
    expect(await foreign.evaluate(tryFetch, api.server.url)).toBe("blocked");
    await foreign.close();
  });
});
