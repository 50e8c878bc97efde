// Threat: a misread setting keeps AAL2 alive longer than configured. The two settings are read as
// whole seconds; anything else falls back to the NIST defaults (12 h, 1 h idle).
import { expect, test } from "vitest";
import { loadConfig } from "../config.js";
import { lastSeenGranularitySeconds, sessionLifetimes } from "./lifetimes.js";

const lifetimes = (env: Record<string, string>) => sessionLifetimes({ config: loadConfig({ ENCRYPTION_KEY: "A".repeat(43) + "=", ...env }) });

test("defaults: 12 hours from the proof, 1 hour idle", () => {
  expect(lifetimes({})).toEqual({ aal2Seconds: 43200, aal2IdleSeconds: 3600 });
});

test("the environment overrides them; nonsense falls back to the defaults", () => {
  expect(lifetimes({ SESSION_AAL2_SECONDS: "600", SESSION_AAL2_IDLE_SECONDS: "120" })).toEqual({ aal2Seconds: 600, aal2IdleSeconds: 120 });
  expect(lifetimes({ SESSION_AAL2_SECONDS: "-1", SESSION_AAL2_IDLE_SECONDS: "soon" })).toEqual({ aal2Seconds: 43200, aal2IdleSeconds: 3600 });
});

test("the idle clock is written within a tenth of its setting, at most once a minute", () => {
  const config = (idle: string) => ({ config: loadConfig({ ENCRYPTION_KEY: "A".repeat(43) + "=", SESSION_AAL2_IDLE_SECONDS: idle }) });
  expect(lastSeenGranularitySeconds(config("3600"))).toBe(60);
  expect(lastSeenGranularitySeconds(config("120"))).toBe(12);
});
