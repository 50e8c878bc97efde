import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { isPublicMailDomain, loadPublicMailDomains } from "./public-mail.js";

test("a public mail provider and its subdomains are public; an organisation's domain is not", async () => {
  expect(await isPublicMailDomain("gmail.com")).toBe(true);
  expect(await isPublicMailDomain("eu.gmail.com")).toBe(true);
  expect(await isPublicMailDomain("acme.test")).toBe(false);
  expect(await isPublicMailDomain("gmail.com.acme.test")).toBe(false);
});

test("the list loads once per process: later checks share the loaded set, no import per request", async () => {
  const first = loadPublicMailDomains();
  await first;
  expect(loadPublicMailDomains()).toBe(first);
});

// Sessions never read a listed domain's item (domains/policy.ts). A domain an organisation verified
// before a release put it on the list would lose its enforcement, so changing the list is a
// migration: follow "Upgrading the public mail list" in db/README.md, then update this fingerprint.
test("the public mail list is the one the migration notes were checked against", async () => {
  const names = [...(await loadPublicMailDomains())].sort();
  const fingerprint = createHash("sha256").update(names.join("\n")).digest("hex");
  expect({ size: names.length, fingerprint }, "email-providers changed: see db/README.md, Upgrading the public mail list").toEqual({
    size: 8760,
    fingerprint: "d9c02f4d6473552e748800b762ea4b4b0204573d11be464179aecdef23caad63",
  });
});
