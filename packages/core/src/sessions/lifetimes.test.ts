// Threat: a misread setting keeps AAL2 alive longer than configured. The two settings are read as
// positive whole seconds; anything else falls back to the NIST defaults (12 h, 1 h idle).
import { expect, test } from "vitest";
import { loadSessionLifetimes } from "./lifetimes.js";

test("defaults: 12 hours from the proof, 1 hour idle", () => {
  expect(loadSessionLifetimes({})).toEqual({ aal2Seconds: 43200, aal2IdleSeconds: 3600 });
});

test("the environment overrides them; nonsense falls back to the defaults", () => {
  expect(loadSessionLifetimes({ SESSION_AAL2_SECONDS: "600", SESSION_AAL2_IDLE_SECONDS: "120" })).toEqual({ aal2Seconds: 600, aal2IdleSeconds: 120 });
  expect(loadSessionLifetimes({ SESSION_AAL2_SECONDS: "-1", SESSION_AAL2_IDLE_SECONDS: "soon" })).toEqual({ aal2Seconds: 43200, aal2IdleSeconds: 3600 });
});
