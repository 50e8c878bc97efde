// Drives the built web app in Debian's Chromium (playwright-core) as a person would, against the
// real local server on a http://localhost origin (WebAuthn needs "localhost", not 127.0.0.1).
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium } from "@access-identity/testing/browser";
import { expect } from "vitest";

export { CHROMIUM, hasChromium } from "@access-identity/testing/browser";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SCREENSHOTS = fileURLToPath(new URL("../../../../docs/screenshots/", import.meta.url));

/**
 * Builds packages/web/dist when it is missing or older than its sources, as `npm start` does: in
 * its own process with NODE_ENV=production (vitest's NODE_ENV=test would select React's development build).
 */
export async function buildWebApp(): Promise<void> {
  const script = fileURLToPath(new URL("../../scripts/build-if-stale.mjs", import.meta.url));
  await promisify(execFile)(process.execPath, [script], { env: { ...process.env, NODE_ENV: "production" } });
}

/** A loopback port free right now, so the origin (and WEBAUTHN_ORIGINS) is known before the server starts. */
export { freePort } from "./testing.js";

/** The env that makes the API accept WebAuthn and browser requests from this origin. */
export function originEnv(port: number): Record<string, string> {
  const origin = `http://localhost:${port}`;
  return { PORT: String(port), WEBAUTHN_RP_ID: "localhost", WEBAUTHN_ORIGINS: origin, CORS_ORIGINS: origin };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  origin: string;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Adds the CDP virtual authenticator (a platform authenticator holding passkeys). */
  addAuthenticator(): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(origin: string): Promise<Browser> {
  const { context, page, addAuthenticator, close } = await launchChromium({
    acceptDownloads: true,
    viewport: { width: 1100, height: 820 },
    locale: "en-GB",
    timezoneId: "UTC",
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  // Fail fast and say where: a control that is not there within 8 s is not coming.
  page.setDefaultTimeout(8_000);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  return { context, page, origin, requests, addAuthenticator, close };
}

/** axe-core in the page (evaluated over CDP, which the app's CSP rightly does not allow as a script tag). */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    type Axe = { run(context: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
    const result = await (window as unknown as { axe: Axe }).axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical"), `axe on ${screen}`).toEqual([]);
}

/**
 * A screenshot of the step: into docs/screenshots/ when regenerating them (`npm run screenshots`),
 * else into a temporary folder, so every run still renders each screen. A modal dialog is shot as
 * the viewport (its backdrop covers the viewport, not the whole page).
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.SCREENSHOTS ? SCREENSHOTS : join(tmpdir(), "web-e2e-screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: options.fullPage ?? true, animations: "disabled", caret: "hide" });
}

/** Reads a QR code as a phone would: the image's bytes through Debian's zbarimg. */
export function decodeQr(dataUrl: string): string {
  const dir = mkdtempSync(join(tmpdir(), "qr-"));
  try {
    const file = join(dir, "qr.png");
    writeFileSync(file, Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64"));
    return execFileSync("zbarimg", ["--nodbus", "--raw", "-q", file], { encoding: "utf8" }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every request the app made stayed on its own origin (data: and blob: URLs are the page's own). */
export function expectOnlySameOrigin(requests: readonly string[], origin: string): void {
  const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
  expect(elsewhere).toEqual([]);
}
