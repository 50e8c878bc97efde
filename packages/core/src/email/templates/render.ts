/**
 * How every email is laid out, in one place, so each template states only what it says. A template
 * describes its email as blocks of plain strings; this module turns them into the text part and the
 * HTML part, escaping every string on its way into HTML. Nothing here fetches anything: no remote
 * images, fonts, stylesheets or scripts, and styles are inline because many mail clients drop
 * <style> blocks.
 */

/** What an email is made of: the three fields of the EmailSender's message but the recipient. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Where links point: APP_URL (EmailConfig satisfies this). */
export interface Site {
  appUrl: string;
}

/** When and from where an action was taken, as far as the request told us. */
export interface EventInfo {
  at: Date;
  ip?: string;
  userAgent?: string;
}

export interface Link {
  href: string;
  label: string;
}

/** A run of a paragraph: plain text, or a link with its label. */
export type Inline = string | Link;

export interface EmailSpec {
  subject: string;
  heading: string;
  /** Paragraphs before the action button. */
  intro: Inline[][];
  /** The one thing to do (verify, reset), as a button and the link spelled out. */
  action?: Link;
  /** Label/value rows: when, IP address, device. */
  details?: [string, string][];
  /** Paragraphs after the details: what to do if it was not you. */
  outro?: Inline[][];
}

const PRODUCT = "Access Identity";

/**
 * A value someone else chose (a factor label, a user agent, an owner's reason) as one bounded line
 * of plain text. Control characters and line breaks could forge lines in the text part, so they
 * collapse to spaces. Mail clients turn anything that looks like a web address into a link, and an
 * attacker who can sign in could name a factor "Not you? Go to https://evil.example": web addresses
 * are defanged ("https[:]//", "www[.]") so the only links in an email are ours.
 */
export function oneLine(value: string, max = 200): string {
  const line = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .replace(/:\/\//g, "[:]//")
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}[.]`)
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const WHEN = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "full", timeStyle: "short" });

/** "Sunday, 29 November 2026 at 15:59 UTC". */
export function formatWhen(at: Date): string {
  return `${WHEN.format(at)} UTC`;
}

/** APP_URL + path (+ query), the only kind of link an email holds. */
export function appLink(site: Site, path: string, query?: Record<string, string>): string {
  const search = query ? `?${new URLSearchParams(query).toString()}` : "";
  return `${site.appUrl}${path}${search}`;
}

/** The rows every security email shows: when, and from where when known. */
export function eventDetails(event: EventInfo): [string, string][] {
  const rows: [string, string][] = [["When", formatWhen(event.at)]];
  if (event.ip) rows.push(["IP address", oneLine(event.ip, 64)]);
  if (event.userAgent) rows.push(["Device", oneLine(event.userAgent, 200)]);
  return rows;
}

function inlineText(runs: Inline[]): string {
  return runs.map((run) => (typeof run === "string" ? run : `${run.label} <${run.href}>`)).join("");
}

const LINK_STYLE = "color:#1d4ed8;text-decoration:underline;";

function inlineHtml(runs: Inline[]): string {
  return runs
    .map((run) =>
      typeof run === "string"
        ? escapeHtml(run)
        : `<a href="${escapeHtml(run.href)}" style="${LINK_STYLE}">${escapeHtml(run.label)}</a>`,
    )
    .join("");
}

function renderText(spec: EmailSpec): string {
  const blocks: string[] = [spec.heading, ...spec.intro.map(inlineText)];
  if (spec.action) blocks.push(`${spec.action.label}:\n${spec.action.href}`);
  if (spec.details?.length) blocks.push(spec.details.map(([label, value]) => `${label}: ${value}`).join("\n"));
  blocks.push(...(spec.outro ?? []).map(inlineText));
  blocks.push(`— ${PRODUCT}`);
  return `${blocks.join("\n\n")}\n`;
}

const P = "margin:0 0 16px;font-size:16px;line-height:1.5;";
const SMALL = "margin:0 0 16px;font-size:14px;line-height:1.5;color:#52525b;";

function renderHtml(spec: EmailSpec): string {
  const parts: string[] = [
    `<h1 style="margin:0 0 24px;font-size:22px;line-height:1.3;font-weight:600;">${escapeHtml(spec.heading)}</h1>`,
    ...spec.intro.map((runs) => `<p style="${P}">${inlineHtml(runs)}</p>`),
  ];
  if (spec.action) {
    const href = escapeHtml(spec.action.href);
    parts.push(
      `<p style="margin:24px 0;"><a href="${href}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;font-size:16px;font-weight:600;text-decoration:none;border-radius:6px;">${escapeHtml(spec.action.label)}</a></p>`,
      `<p style="${SMALL}">If the button does not work, open this link:<br><a href="${href}" style="${LINK_STYLE}word-break:break-all;">${href}</a></p>`,
    );
  }
  if (spec.details?.length) {
    const rows = spec.details
      .map(
        ([label, value]) =>
          `<tr><td style="padding:4px 16px 4px 0;font-size:14px;color:#52525b;vertical-align:top;white-space:nowrap;">${escapeHtml(label)}</td><td style="padding:4px 0;font-size:14px;word-break:break-word;">${escapeHtml(value)}</td></tr>`,
      )
      .join("");
    parts.push(`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;">${rows}</table>`);
  }
  parts.push(...(spec.outro ?? []).map((runs) => `<p style="${P}">${inlineHtml(runs)}</p>`));
  parts.push(`<p style="margin:24px 0 0;font-size:13px;color:#71717a;">${PRODUCT}</p>`);
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(spec.subject)}</title></head>`,
    `<body style="margin:0;padding:24px 12px;background:#f4f4f5;color:#18181b;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e4e4e7;border-radius:8px;"><tr><td style="padding:32px 28px;">`,
    ...parts,
    "</td></tr></table>",
    "</td></tr></table>",
    "</body></html>",
    "",
  ].join("\n");
}

export function render(spec: EmailSpec): EmailContent {
  return { subject: oneLine(spec.subject, 150), text: renderText(spec), html: renderHtml(spec) };
}
