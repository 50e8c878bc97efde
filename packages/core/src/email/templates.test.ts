import { describe, expect, it } from "vitest";
import { emailTemplates, type EmailTemplateName } from "./templates/index.js";
import { escapeHtml, formatWhen } from "./templates/render.js";
import { renderAll, sampleEmailData, SAMPLE_TOKENS, type EmailTemplateData } from "./templates/samples.js";

const site = { appUrl: "https://id.example.com" };
const names = Object.keys(emailTemplates) as EmailTemplateName[];
const NOTIFICATIONS = names.filter((name) => name !== "verifyEmailAddress" && name !== "resetPassword");
const HOSTILE = `<script>alert(1)</script><img src=https://evil.example/x.png onerror=alert(2)>"'&\r\nBcc: x@evil.example www.evil.example`;

/** The sample data with every string a user or an owner could choose replaced by HOSTILE. */
function hostileData(): EmailTemplateData {
  const replace = (value: unknown, key: string): unknown => {
    if (value instanceof Date || typeof value === "number") return value;
    if (typeof value === "string") return key === "token" || key === "kind" ? value : HOSTILE;
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, replace(v, k)]));
  };
  return replace(sampleEmailData(), "") as EmailTemplateData;
}

const samples = renderAll(site, sampleEmailData());
const hostile = renderAll(site, hostileData());

/** Every tag and attribute the layout uses: anything else came from data, unescaped. */
const TAGS = new Set(["!doctype", "html", "head", "meta", "title", "body", "table", "tr", "td", "h1", "p", "a", "br"]);
const ATTRIBUTES = new Set(["html", "lang", "charset", "name", "content", "style", "role", "width", "cellpadding", "cellspacing", "align", "href"]);

function tagsOf(html: string): { tag: string; attributes: string[] }[] {
  return [...html.matchAll(/<\s*(\/?[!a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({
    tag: m[1]!.replace(/^\//, "").toLowerCase(),
    attributes: [...m[2]!.matchAll(/([^\s=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)].map((a) => a[1]!.toLowerCase()),
  }));
}

function urlsIn(body: string): string[] {
  return [...body.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s<>"')]+/gi)].map((m) => m[0]);
}

describe("email templates", () => {
  it.each(names)("%s has a subject, a text part and a whole HTML document", (name) => {
    const email = samples[name];
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text.trim().length).toBeGreaterThan(50);
    expect(email.html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(email.html).toContain(`<title>${escapeHtml(email.subject)}</title>`);
    expect(email.html.trimEnd()).toMatch(/<\/html>$/);
  });

  it.each(names)("%s escapes every value it shows: a hostile label renders as text", (name) => {
    const { html, text, subject } = hostile[name];
    for (const { tag, attributes } of tagsOf(html)) {
      expect(TAGS, `<${tag}> in ${name}`).toContain(tag);
      for (const attribute of attributes) expect(ATTRIBUTES, `${attribute}= in ${name}`).toContain(attribute);
    }
    expect(html).not.toMatch(/<script|<img|<style|<link/i);
    for (const [, style] of html.matchAll(/style="([^"]*)"/g)) expect(style).not.toMatch(/url\(|@import|expression\(/i);
    // A line break in a value cannot start a line of its own in the text part or the subject.
    expect(text).not.toMatch(/\nBcc:/);
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it("shows a hostile value escaped where the template shows it at all", () => {
    for (const name of ["factorAdded", "factorRemoved", "twoFactorResetByOwner"] as const) {
      expect(hostile[name].html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  });

  it.each(names)("%s links nowhere but APP_URL and loads nothing remote", (name) => {
    for (const email of [samples[name], hostile[name]]) {
      const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
      for (const href of hrefs) expect(href.startsWith(`${site.appUrl}/`), href).toBe(true);
    }
    // Web addresses in values someone chose (HOSTILE holds one) are defanged: mail clients would link them.
    for (const { html, text } of [samples[name], hostile[name]]) {
      for (const url of [...urlsIn(html), ...urlsIn(text)]) expect(url.startsWith(`${site.appUrl}/`), url).toBe(true);
      expect(html + text).not.toMatch(/www\./i);
    }
  });

  it.each([
    ["verifyEmailAddress", "/verify-email", SAMPLE_TOKENS.verify],
    ["resetPassword", "/reset-password", SAMPLE_TOKENS.reset],
  ] as const)("%s holds its token in its link %s and nowhere else", (name, path, token) => {
    const { subject, text, html } = samples[name];
    const link = `${site.appUrl}${path}?token=${token}`;
    expect(text).toContain(link);
    expect(html).toContain(`href="${escapeHtml(link)}"`);
    expect(subject).not.toContain(token);
    expect(text.replaceAll(link, "")).not.toContain(token);
    expect(html.replaceAll(escapeHtml(link), "")).not.toContain(token);
  });

  it("carries a token with URL-special characters intact through its link", () => {
    const token = "a+b/c=d&e f";
    const email = emailTemplates.resetPassword(site, { token, expiresAt: new Date() });
    const href = email.html.match(/href="([^"]*reset-password\?[^"]*)"/)![1]!.replaceAll("&amp;", "&");
    expect(new URL(href).searchParams.get("token")).toBe(token);
    expect(new URL(email.text.match(/https:\/\/\S+reset-password\?\S+/)![0]).searchParams.get("token")).toBe(token);
  });

  it("puts no token in any notification", () => {
    for (const name of NOTIFICATIONS) {
      const { subject, text, html } = samples[name];
      for (const token of Object.values(SAMPLE_TOKENS)) expect(subject + text + html).not.toContain(token);
      expect(text + html).not.toContain("token=");
    }
  });

  it("says until when a link works", () => {
    const data = sampleEmailData();
    expect(samples.verifyEmailAddress.text).toContain(formatWhen(data.verifyEmailAddress.expiresAt));
    expect(samples.resetPassword.text).toContain(formatWhen(data.resetPassword.expiresAt));
    expect(formatWhen(new Date("2026-11-29T15:59:00Z"))).toBe("Sunday, 29 November 2026 at 15:59 UTC");
  });

  it.each(NOTIFICATIONS)("%s says when, from which IP and device, and what to do if it was not you", (name) => {
    const { event } = sampleEmailData()[name];
    for (const part of [samples[name].text, samples[name].html]) {
      expect(part).toContain(formatWhen(event.at));
      expect(part).toContain(event.ip!);
      expect(part).toContain(event.userAgent!);
      expect(part).toMatch(/If (this was not you|you did not expect this)/);
      expect(part).toContain(`${site.appUrl}/settings/sessions`);
    }
  });

  it("leaves out the IP and device rows when the request did not tell them", () => {
    const email = emailTemplates.passwordChanged(site, { event: { at: new Date() } });
    expect(email.text).not.toMatch(/IP address|Device/);
    expect(email.text).toContain("When: ");
  });

  it("names what happened: the factor, the codes left, the owner and their reason", () => {
    expect(samples.factorAdded.text).toContain("authenticator app “Phone authenticator”");
    expect(samples.factorRemoved.text).toContain("security key or passkey “YubiKey 5C”");
    expect(samples.backupCodeUsed.text).toContain("2 unused backup codes remain");
    expect(samples.backupCodesGenerated.text).toContain("10 new backup codes");
    const owner = samples.twoFactorResetByOwner.text;
    expect(owner).toContain("it-admin@example.com");
    expect(owner).toContain("example.com");
    expect(owner).toContain("Lost phone, confirmed by a video call on Friday");
  });
});
