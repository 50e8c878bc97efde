// Debian's Chromium, driven by playwright-core, for every browser test (the web app's e2e suites,
// the client's and the functions' WebAuthn ceremonies, the playground): one launcher, one virtual
// authenticator, one page server.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type CDPSession, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

type LaunchOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

export interface Chromium {
  context: BrowserContext;
  /** The profile's first page. */
  page: Page;
  /** Adds the CDP virtual authenticator to that page (a platform authenticator holding passkeys, with user verification). */
  addAuthenticator(): Promise<void>;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Chromium, headless, in a fresh profile; `options` adds to the launch (viewport, locale, ...). */
export async function launchChromium(options: Omit<LaunchOptions, "executablePath" | "headless" | "args"> = {}): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), "chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let cdp: CDPSession | undefined;
  return {
    context,
    page,
    async addAuthenticator() {
      cdp ??= await context.newCDPSession(page);
      await cdp.send("WebAuthn.enable", { enableUI: false });
      await cdp.send("WebAuthn.addVirtualAuthenticator", {
        options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
      });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * A loopback server answering fixed pages by path (404 for anything else), on a `localhost` origin:
 * 127.0.0.1 is not a valid WebAuthn RP id.
 */
export async function servePages(pages: Record<string, { type: string; body: string | Buffer }>): Promise<PageServer> {
  const server = createServer((req, res) => {
    const page = pages[(req.url ?? "/").split("?")[0]!];
    if (page) res.writeHead(200, { "content-type": page.type }).end(page.body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
