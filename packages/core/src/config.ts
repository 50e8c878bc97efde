import { Resource } from "sst/resource";
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
  encryptionKey?: Buffer;
  sms: {
    provider: "sns" | "console";
    defaultRegion?: string;
    allowedCountries?: string[];
    dailyLimit: number;
  };
  dnsServers?: string[];
  dnsTimeoutMs: number;
  webauthn: { rpId: string; rpName: string; origins: string[] };
  corsOrigins: string[];
  totpIssuer: string;
  session: { absoluteSeconds: number; idleSeconds: number };
  graphiql: boolean;
  introspection: boolean;
  limits: Limits;
}

type Env = Record<string, string | undefined>;

/** Reads a linked SST resource property; undefined outside SST (Resource throws there). */
function sstResource(name: string, prop: string): string | undefined {
  try {
    const value = (Resource as unknown as Record<string, Record<string, unknown>>)[name]?.[prop];
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === "" ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
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

export function loadConfig(env: Env = process.env): Config {
  const inAws = Boolean(env.AWS_LAMBDA_FUNCTION_NAME);
  const production = env.NODE_ENV === "production" || inAws;
  const port = int(env.PORT, 4000);
  const rpId = env.WEBAUTHN_RP_ID || "localhost";
  const origins = list(env.WEBAUTHN_ORIGINS) ?? [`http://localhost:${port}`];
  const key = sstResource("EncryptionKey", "value") ?? env.ENCRYPTION_KEY;
  return {
    production,
    tableName: sstResource("Table", "name") ?? env.TABLE_NAME ?? "access-identity",
    dynamoEndpoint: env.AWS_ENDPOINT_URL_DYNAMODB || undefined,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1",
    encryptionKey: key ? decodeEncryptionKey(key) : undefined,
    sms: {
      provider: env.SMS_PROVIDER === "sns" || (env.SMS_PROVIDER === undefined && inAws) ? "sns" : "console",
      defaultRegion: env.SMS_DEFAULT_REGION?.toUpperCase() || undefined,
      allowedCountries: list(env.SMS_ALLOWED_COUNTRIES)?.map((c) => c.toUpperCase()),
      dailyLimit: int(env.SMS_DAILY_LIMIT, 1000),
    },
    dnsServers: list(env.DNS_SERVERS),
    dnsTimeoutMs: int(env.DNS_TIMEOUT_MS, 3000),
    webauthn: { rpId, rpName: env.WEBAUTHN_RP_NAME || "Access Identity", origins },
    corsOrigins: list(env.CORS_ORIGINS) ?? origins,
    totpIssuer: env.TOTP_ISSUER || "Access Identity",
    session: {
      absoluteSeconds: int(env.SESSION_TTL_SECONDS, 7 * 24 * 3600),
      idleSeconds: int(env.SESSION_IDLE_SECONDS, 24 * 3600),
    },
    graphiql: bool(env.GRAPHIQL, !production),
    introspection: bool(env.INTROSPECTION, !production),
    limits: loadLimits(env),
  };
}
