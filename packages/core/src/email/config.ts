import { int, sstResource, type Env } from "../env.js";

/** What the email feature reads from the environment (see API.md, "Configuration"). */
export interface EmailConfig {
  /** `ses` in AWS unless EMAIL_PROVIDER says otherwise; `console` elsewhere. */
  provider: "ses" | "console";
  /** The From header: `Name <address>` or a bare address. */
  from: string;
  /** The base of every link in an email, without a trailing slash. */
  appUrl: string;
  /** Emails the whole system may send per UTC day, like SMS_DAILY_LIMIT. */
  dailyLimit: number;
}

const DEFAULT_FROM_NAME = "Access Identity";

/**
 * EMAIL_FROM, else the sender of a linked SST `Email` component (an address, or a domain we send
 * from as no-reply@), else a local placeholder. A line break would let a value add headers.
 */
function sender(env: Env): string {
  const linked = sstResource("Email", "sender");
  const from =
    env.EMAIL_FROM ||
    (linked?.includes("@") ? linked : linked ? `${DEFAULT_FROM_NAME} <no-reply@${linked}>` : undefined) ||
    `${DEFAULT_FROM_NAME} <no-reply@localhost>`;
  if (/[\r\n]/.test(from) || !/@[^@\s>]+>?$/.test(from.trim())) {
    throw new Error("EMAIL_FROM must be an address or `Name <address>` on one line");
  }
  return from.trim();
}

/** APP_URL without its trailing slash; links are built by appending paths to it. */
function appUrl(env: Env, port: number): string {
  const raw = env.APP_URL || `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`APP_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("APP_URL must be http(s)");
  if (url.search || url.hash) throw new Error("APP_URL must not have a query or a fragment");
  return url.href.replace(/\/+$/, "");
}

export function loadEmailConfig(env: Env = process.env): EmailConfig {
  const inAws = Boolean(env.AWS_LAMBDA_FUNCTION_NAME);
  return {
    provider: env.EMAIL_PROVIDER === "ses" || (env.EMAIL_PROVIDER === undefined && inAws) ? "ses" : "console",
    from: sender(env),
    appUrl: appUrl(env, int(env.PORT, 4000)),
    dailyLimit: int(env.EMAIL_DAILY_LIMIT, 1000),
  };
}
