import { KeyRing } from "./crypto/keys.js";
import { loadEmailConfig, type EmailConfig } from "./email/config.js";
import { int, sstResource, type Env } from "./env.js";
import { loadLimits, type Limits } from "./rate-limit/limits.js";

/**
 * Every setting the system reads, in one place. In AWS the table name and the encryption key
 * come from SST's linked resources; everywhere else from plain environment variables, so the
 * same code runs locally without SST.
 */
export interface Config {
  production: boolean;
  tableName: string;
  dynamoEndpoint?: string;
  region: string;
  /** The current key (seals new secrets) and the older ones (still open what they sealed). */
  encryptionKeys?: KeyRing;
  sms: {
    provider: "sns" | "console";
    defaultRegion?: string;
    allowedCountries?: string[];
    dailyLimit: number;
    /** The most one text may cost in USD (SNS `AWS.SNS.SMS.MaxPrice`): an SMS-pumping run to premium routes is refused by SNS. */
    maxPriceUsd?: string;
  };
  dnsServers?: string[];
  dnsTimeoutMs: number;
  webauthn: { rpId: string; rpName: string; origins: string[] };
  corsOrigins: string[];
  totpIssuer: string;
  /** Session lifetimes: absolute and idle (AAL1), and how long a second-factor proof counts (AAL2, NIST SP 800-63B-4). */
  session: { absoluteSeconds: number; idleSeconds: number; aal2Seconds: number; aal2IdleSeconds: number };
  graphiql: boolean;
  introspection: boolean;
  limits: Limits;
  /** Email delivery (EMAIL_PROVIDER, EMAIL_FROM, APP_URL, EMAIL_DAILY_LIMIT). */
  email: EmailConfig;
  /** An account whose address was never verified reads as absent after this many days (UNVERIFIED_ACCOUNT_TTL_DAYS). */
  unverifiedAccountTtlDays: number;
}

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

/** A positive decimal as SNS takes it ("0.50"), or undefined when unset; anything else stops the start. */
function decimal(name: string, value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (!/^\d+(\.\d+)?$/.test(trimmed) || Number(trimmed) <= 0) throw new Error(`${name} must be a positive decimal such as 0.50`);
  return trimmed;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return ["1", "true", "yes", "on"].includes(value.toLowerCase());
}

export function decodeEncryptionKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes, base64-encoded");
  return key;
}

/**
 * `ENCRYPTION_KEYS` (comma-separated base64 keys, the current one first) or `ENCRYPTION_KEY` (a
 * single key, as before rotation existed). When both are set, the single key must be in the list:
 * dropping it by accident would leave every secret it sealed unreadable.
 */
export function loadKeyRing(keysText: string | undefined, keyText: string | undefined): KeyRing | undefined {
  const keys = list(keysText)?.map(decodeEncryptionKey);
  const single = keyText?.trim() ? decodeEncryptionKey(keyText) : undefined;
  if (keys && single && !keys.some((k) => k.equals(single))) {
    throw new Error("ENCRYPTION_KEY is not among ENCRYPTION_KEYS: list it there (after the current key) or unset it");
  }
  if (keys) return new KeyRing(keys);
  return single ? new KeyRing([single]) : undefined;
}

/**
 * A delivery provider (SMS now, email next): the AWS one, or `console`, which prints the message,
 * codes included, to the log. Unset, it is the AWS one in Lambda and `console` elsewhere;
 * but a self-hosted production server must name it: the local default must never print sign-in
 * codes to a production log because a variable was forgotten. Unknown values are refused rather
 * than read as `console`.
 */
export function deliveryProvider<T extends string>(
  variable: string,
  value: string | undefined,
  awsProvider: T,
  where: { inAws: boolean; selfHostedProduction: boolean },
  problems: string[],
): T | "console" {
  const chosen = value?.trim();
  if (!chosen) {
    if (where.inAws) return awsProvider;
    if (where.selfHostedProduction) problems.push(`${variable} must be set (${awsProvider}, or console on purpose)`);
    return "console";
  }
  if (chosen !== awsProvider && chosen !== "console") problems.push(`${variable} must be ${awsProvider} or console, not "${chosen}"`);
  return chosen === awsProvider ? awsProvider : "console";
}

/** Settings whose local default (localhost) is wrong anywhere else; production must set them. */
function required(env: Env, names: string[], problems: string[]): void {
  for (const name of names) if (!env[name]?.trim()) problems.push(`${name} must be set`);
}

export function loadConfig(env: Env = process.env): Config {
  const inAws = Boolean(env.AWS_LAMBDA_FUNCTION_NAME);
  const production = env.NODE_ENV === "production" || inAws;
  // Outside Lambda with NODE_ENV=production nothing that only makes sense on a laptop applies by
  // default: configuration fails closed, all problems reported at once.
  const selfHostedProduction = env.NODE_ENV === "production" && !inAws;
  const problems: string[] = [];
  if (selfHostedProduction) required(env, ["WEBAUTHN_RP_ID", "WEBAUTHN_ORIGINS"], problems);
  const smsProvider = deliveryProvider("SMS_PROVIDER", env.SMS_PROVIDER, "sns", { inAws, selfHostedProduction }, problems);
  // The console prints live verification and reset links: chosen on purpose or not at all.
  const emailProvider = deliveryProvider("EMAIL_PROVIDER", env.EMAIL_PROVIDER, "ses", { inAws, selfHostedProduction }, problems);
  // Links to localhost in a production email would lead nowhere.
  if (selfHostedProduction) required(env, ["APP_URL"], problems);
  if (problems.length > 0) {
    const context = selfHostedProduction ? " (NODE_ENV=production outside Lambda)" : "";
    throw new Error(`Configuration refused${context}: ${problems.join("; ")}.`);
  }
  const port = int(env.PORT, 4000);
  const rpId = env.WEBAUTHN_RP_ID || "localhost";
  const origins = list(env.WEBAUTHN_ORIGINS) ?? [`http://localhost:${port}`];
  return {
    production,
    tableName: sstResource("Table", "name") ?? env.TABLE_NAME ?? "access-identity",
    dynamoEndpoint: env.AWS_ENDPOINT_URL_DYNAMODB || undefined,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1",
    encryptionKeys: loadKeyRing(sstResource("EncryptionKeys", "value") ?? env.ENCRYPTION_KEYS, sstResource("EncryptionKey", "value") ?? env.ENCRYPTION_KEY),
    sms: {
      provider: smsProvider,
      defaultRegion: env.SMS_DEFAULT_REGION?.toUpperCase() || undefined,
      allowedCountries: list(env.SMS_ALLOWED_COUNTRIES)?.map((c) => c.toUpperCase()),
      dailyLimit: int(env.SMS_DAILY_LIMIT, 1000),
      maxPriceUsd: decimal("SMS_MAX_PRICE_USD", env.SMS_MAX_PRICE_USD),
    },
    dnsServers: list(env.DNS_SERVERS),
    dnsTimeoutMs: int(env.DNS_TIMEOUT_MS, 3000),
    webauthn: { rpId, rpName: env.WEBAUTHN_RP_NAME || "Access Identity", origins },
    corsOrigins: list(env.CORS_ORIGINS) ?? origins,
    totpIssuer: env.TOTP_ISSUER || "Access Identity",
    session: {
      absoluteSeconds: int(env.SESSION_TTL_SECONDS, 7 * 24 * 3600),
      idleSeconds: int(env.SESSION_IDLE_SECONDS, 24 * 3600),
      aal2Seconds: int(env.SESSION_AAL2_SECONDS, 12 * 3600),
      aal2IdleSeconds: int(env.SESSION_AAL2_IDLE_SECONDS, 3600),
    },
    graphiql: bool(env.GRAPHIQL, !production),
    introspection: bool(env.INTROSPECTION, !production),
    limits: loadLimits(env),
    email: { ...loadEmailConfig(env), provider: emailProvider },
    unverifiedAccountTtlDays: Math.max(1, int(env.UNVERIFIED_ACCOUNT_TTL_DAYS, 7)),
  };
}
