// Configuration fails closed: the defaults that make sense on a laptop never apply silently to a
// self-hosted production server, and keys rotate without losing the data older keys sealed.
import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { loadConfig } from "./config.js";
import { keyId } from "./crypto/keys.js";

const KEY = randomBytes(32).toString("base64");
const PRODUCTION = {
  NODE_ENV: "production",
  ENCRYPTION_KEY: KEY,
  SMS_PROVIDER: "sns",
  WEBAUTHN_RP_ID: "id.example.com",
  WEBAUTHN_ORIGINS: "https://id.example.com",
  EMAIL_PROVIDER: "ses",
  APP_URL: "https://app.example.com",
};

describe("self-hosted production (NODE_ENV=production outside Lambda)", () => {
  test("a forgotten SMS_PROVIDER refuses to start instead of printing sign-in codes to the production log", () => {
    expect(() => loadConfig({ ...PRODUCTION, SMS_PROVIDER: undefined })).toThrow(/SMS_PROVIDER must be set/);
  });

  test("console delivery is still possible there, but only when chosen explicitly", () => {
    expect(loadConfig({ ...PRODUCTION, SMS_PROVIDER: "console" }).sms.provider).toBe("console");
  });

  test("a forgotten EMAIL_PROVIDER or APP_URL refuses to start instead of printing live links to the log, or linking to localhost", () => {
    expect(() => loadConfig({ ...PRODUCTION, EMAIL_PROVIDER: undefined })).toThrow(/EMAIL_PROVIDER must be set/);
    expect(() => loadConfig({ ...PRODUCTION, EMAIL_PROVIDER: "sendgrid" })).toThrow(/EMAIL_PROVIDER must be ses or console/);
    expect(() => loadConfig({ ...PRODUCTION, APP_URL: undefined })).toThrow(/APP_URL must be set/);
    expect(loadConfig({ ...PRODUCTION, EMAIL_PROVIDER: "console" }).email.provider).toBe("console");
    expect(loadConfig(PRODUCTION).email).toMatchObject({ provider: "ses", appUrl: "https://app.example.com" });
  });

  test("an account never verified expires after UNVERIFIED_ACCOUNT_TTL_DAYS, 7 unless set", () => {
    expect(loadConfig(PRODUCTION).unverifiedAccountTtlDays).toBe(7);
    expect(loadConfig({ ...PRODUCTION, UNVERIFIED_ACCOUNT_TTL_DAYS: "30" }).unverifiedAccountTtlDays).toBe(30);
  });

  test("a forgotten WebAuthn relying party refuses to start instead of falling back to localhost", () => {
    expect(() => loadConfig({ ...PRODUCTION, WEBAUTHN_RP_ID: undefined })).toThrow(/WEBAUTHN_RP_ID must be set/);
    expect(() => loadConfig({ ...PRODUCTION, WEBAUTHN_ORIGINS: "" })).toThrow(/WEBAUTHN_ORIGINS must be set/);
  });

  test("every problem is named at once", () => {
    expect(() => loadConfig({ NODE_ENV: "production", ENCRYPTION_KEY: KEY })).toThrow(/WEBAUTHN_RP_ID.*WEBAUTHN_ORIGINS.*SMS_PROVIDER/);
  });

  test("set explicitly, it starts with exactly what was set", () => {
    const config = loadConfig(PRODUCTION);
    expect(config.production).toBe(true);
    expect(config.sms.provider).toBe("sns");
    expect(config.webauthn).toMatchObject({ rpId: "id.example.com", origins: ["https://id.example.com"] });
  });
});

test("in Lambda the defaults stay: SNS for SMS (SST sets the rest)", () => {
  expect(loadConfig({ NODE_ENV: "production", AWS_LAMBDA_FUNCTION_NAME: "graphql", ENCRYPTION_KEY: KEY }).sms.provider).toBe("sns");
  expect(loadConfig({ NODE_ENV: "production", AWS_LAMBDA_FUNCTION_NAME: "graphql", ENCRYPTION_KEY: KEY }).email.provider).toBe("ses");
});

test("locally the defaults stay: console SMS, localhost relying party", () => {
  const config = loadConfig({ ENCRYPTION_KEY: KEY });
  expect(config.sms.provider).toBe("console");
  expect(config.webauthn).toMatchObject({ rpId: "localhost", origins: ["http://localhost:4000"] });
});

test("a misspelt SMS_PROVIDER is refused everywhere, not read as console", () => {
  expect(() => loadConfig({ ENCRYPTION_KEY: KEY, SMS_PROVIDER: "SNS " })).toThrow(/SMS_PROVIDER must be sns or console/);
  expect(() => loadConfig({ ENCRYPTION_KEY: KEY, AWS_LAMBDA_FUNCTION_NAME: "graphql", SMS_PROVIDER: "snss" })).toThrow(/SMS_PROVIDER/);
});

describe("encryption keys", () => {
  const current = randomBytes(32);
  const previous = randomBytes(32);

  test("ENCRYPTION_KEYS: the first key seals, every listed key opens", () => {
    const ring = loadConfig({ ENCRYPTION_KEYS: `${current.toString("base64")}, ${previous.toString("base64")}` }).encryptionKeys!;
    expect(ring.current.id).toBe(keyId(current));
    expect(ring.find(keyId(previous))?.key.equals(previous)).toBe(true);
  });

  test("ENCRYPTION_KEY alone is a ring of one, with the id values sealed under it already carry", () => {
    const ring = loadConfig({ ENCRYPTION_KEY: previous.toString("base64") }).encryptionKeys!;
    expect(ring.all.map((k) => k.id)).toEqual([keyId(previous)]);
  });

  test("switching to ENCRYPTION_KEYS while ENCRYPTION_KEY is still set cannot silently drop the old key", () => {
    expect(() => loadConfig({ ENCRYPTION_KEYS: current.toString("base64"), ENCRYPTION_KEY: previous.toString("base64") })).toThrow(/ENCRYPTION_KEY is not among ENCRYPTION_KEYS/);
    const both = loadConfig({ ENCRYPTION_KEYS: `${current.toString("base64")},${previous.toString("base64")}`, ENCRYPTION_KEY: previous.toString("base64") });
    expect(both.encryptionKeys!.current.id).toBe(keyId(current));
  });

  test("a key of the wrong size is refused", () => {
    expect(() => loadConfig({ ENCRYPTION_KEYS: randomBytes(16).toString("base64") })).toThrow(/32 bytes/);
  });
});
