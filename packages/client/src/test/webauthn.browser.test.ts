// The client's WebAuthn ceremonies in Debian's Chromium with a CDP virtual authenticator, from a
// page on its own http://localhost origin calling the API across origins: enrol a platform
// authenticator, answer the second step with it, then sign in with the passkey alone.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hasChromium, launchChromium, servePages, type Chromium, type PageServer } from "@access-identity/testing/browser";
import { PASSWORD, startTestApi, uniqueEmail, type TestApi } from "./server.js";

async function bundleClient(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("browser-entry.ts", import.meta.url))],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>client test</title><script src="/client.js"></script></head><body></body></html>`;

describe.skipIf(!hasChromium)("the client's WebAuthn ceremonies in Chromium", () => {
  let api: TestApi;
  let pages: PageServer;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    pages = await servePages({ "/": { type: "text/html; charset=utf-8", body: PAGE }, "/client.js": { type: "text/javascript", body: await bundleClient() } });
    api = await startTestApi({ env: { WEBAUTHN_RP_ID: "localhost", WEBAUTHN_ORIGINS: pages.origin, CORS_ORIGINS: pages.origin } });
    browser = await launchChromium();
    page = browser.page;
    await browser.addAuthenticator();
    await page.goto(pages.origin);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await pages?.close();
  });

  test("enrol a platform authenticator, answer the second step with it, sign in with the passkey", async () => {
    const email = uniqueEmail();
    const outcome = await page.evaluate(
      async ([url, email, password]) => {
        const ai = (globalThis as any).accessIdentity;
        let token: string | undefined;
        const client = ai.createAccessIdentityClient({ url, getToken: () => token });
        token = ai.unwrap(await client.signUp({ input: { email, password } })).session.token;
        const enrolled = ai.unwrap(await ai.enrolWebAuthn(client, { nickname: "Laptop", authenticatorAttachment: "PLATFORM" }));
        ai.unwrap(await client.generateBackupCodes());
        ai.unwrap(await client.enableTwoFactor({ input: { backupCodesAcknowledged: true } }));

        const first = await client.signIn({ input: { email, password } });
        const withKey = ai.unwrap(await ai.signInWithSecurityKey(client, first.challenge.id));
        token = undefined;
        const withPasskey = ai.unwrap(await ai.signInWithPasskey(client));
        token = withPasskey.session.token;
        const me = await client.me();
        return { supported: ai.browserSupportsWebAuthn(), enrolled: enrolled.factor, methods: first.challenge.methods, keyAal: withKey.session.aal, passkey: withPasskey, me };
      },
      [`${api.server.url}/graphql`, email, PASSWORD] as const,
    );
    expect(outcome.supported).toBe(true);
    expect(outcome.enrolled).toMatchObject({ kind: "WEBAUTHN", label: "Laptop" });
    expect(outcome.methods).toEqual(["WEBAUTHN"]);
    expect(outcome.keyAal).toBe("AAL2");
    expect(outcome.passkey.session.aal).toBe("AAL2");
    expect(outcome.passkey.user.email).toBe(email);
    expect(outcome.me.twoFactor.factors).toMatchObject([{ kind: "WEBAUTHN", label: "Laptop" }]);
    expect(outcome.me.twoFactor.factors[0].lastUsedAt).not.toBeNull();
  }, 40_000);

  test("a refused start comes back as its typed error, no browser prompt", async () => {
    const result = await page.evaluate(async (url) => {
      const ai = (globalThis as any).accessIdentity;
      const client = ai.createAccessIdentityClient({ url });
      return ai.signInWithSecurityKey(client, "01HZZZZZZZZZZZZZZZZZZZZZZZ");
    }, `${api.server.url}/graphql`);
    expect(["ExpiredError", "ValidationError"]).toContain(result.__typename);
  });
});
