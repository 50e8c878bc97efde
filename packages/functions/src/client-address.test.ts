// Which address a request counts as, for per-address limits and audit: a client can write any
// X-Forwarded-For entry it likes, and an IPv6 subscriber holds a whole /64.
import { expect, test } from "vitest";
import { clientAddress, limitSubject, parseTrustProxy } from "./client-address.js";
import { startTestServer } from "@access-identity/testing/server";

const PROXY = "10.0.0.2";

test("behind one trusted proxy, a spoofed left-most X-Forwarded-For entry never becomes the client address", () => {
  // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw.
  expect(clientAddress("6.6.6.6, 203.0.113.7", PROXY, 1)).toBe("203.0.113.7");
  expect(clientAddress("203.0.113.7", PROXY, 1)).toBe("203.0.113.7");
});

test("behind N trusted proxies, the address is the N-th from the right, counting the socket's peer", () => {
  expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.1", PROXY, 2)).toBe("203.0.113.7");
});

test("a request that skipped a trusted proxy (chain too short) counts as the peer, not as what it wrote", () => {
  expect(clientAddress("6.6.6.6", PROXY, 2)).toBe(PROXY);
  expect(clientAddress(undefined, PROXY, 1)).toBe(PROXY);
});

test("a trusted entry that is not an IP address counts as the peer, not as a fresh limit subject", () => {
  expect(clientAddress("203.0.113.7, not-an-ip", PROXY, 1)).toBe(PROXY);
});

test("without TRUST_PROXY, X-Forwarded-For is ignored", () => {
  expect(clientAddress("6.6.6.6", PROXY, 0)).toBe(PROXY);
});

test("TRUST_PROXY: false, true, a hop count; anything else refuses to start", () => {
  expect([undefined, "", "false", "0", "true", "1", "3"].map(parseTrustProxy)).toEqual([0, 0, 0, 0, 1, 1, 3]);
  for (const bad of ["yes", "-1", "10.0.0.0/8", "1.5"]) expect(() => parseTrustProxy(bad)).toThrow(/TRUST_PROXY/);
});

test("an IPv6 client rotating addresses inside its /64 is one limit subject", () => {
  expect(limitSubject("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
  expect(limitSubject("2001:DB8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
  expect(limitSubject("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
});

test("an IPv4 client written as IPv4-mapped IPv6 counts as its IPv4 address, not as the /64 every IPv4 client shares", () => {
  expect(limitSubject("::ffff:203.0.113.7")).toBe("203.0.113.7");
  expect(limitSubject("::ffff:cb00:7107")).toBe("203.0.113.7");
  expect(limitSubject("::ffff:203.0.113.8")).not.toBe(limitSubject("::ffff:203.0.113.7"));
  expect(limitSubject("203.0.113.7")).toBe("203.0.113.7");
});

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename } }`;

test("through the real server behind TRUST_PROXY=1, rotating spoofed X-Forwarded-For entries does not escape the per-address sign-up limit", async () => {
  const api = await startTestServer({ env: { TRUST_PROXY: "1", RATE_LIMIT_SIGN_UPS_PER_IP: "3/3600" } });
  try {
    const results: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${api.server.url}/graphql`, {
        method: "POST",
        // What the proxy forwards: the client's spoofed entry, then the address the proxy saw.
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i}, 203.0.113.7` },
        body: JSON.stringify({ query: SIGN_UP, variables: { input: { email: `spoof${i}-${Date.now()}@example.com`, password: "correct horse battery staple" } } }),
      });
      results.push(((await response.json()) as any).data.signUp.__typename);
    }
    expect(results).toEqual(["SignedIn", "SignedIn", "SignedIn", "RateLimitedError", "RateLimitedError"]);
  } finally {
    await api.close();
  }
});

test("a self-hosted production server without an encryption key refuses to start instead of generating one beside the data", async () => {
  await expect(
    startTestServer({
      env: { NODE_ENV: "production", ENCRYPTION_KEY: "", SMS_PROVIDER: "sns", WEBAUTHN_RP_ID: "id.example.com", WEBAUTHN_ORIGINS: "https://id.example.com" },
    }),
  ).rejects.toThrow(/ENCRYPTION_KEY or ENCRYPTION_KEYS/);
});

test("an IPv6 client rotating addresses inside its /64 does not escape the per-address sign-up limit", async () => {
  const api = await startTestServer({ env: { RATE_LIMIT_SIGN_UPS_PER_IP: "3/3600" } });
  try {
    const results: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await api.gql(SIGN_UP, { input: { email: `v6-${i}-${Date.now()}@example.com`, password: "correct horse battery staple" } }, { ip: `2001:db8:5:6::${i.toString(16)}` });
      results.push(res.data.signUp.__typename);
    }
    expect(results).toEqual(["SignedIn", "SignedIn", "SignedIn", "RateLimitedError", "RateLimitedError"]);
    // Another /64 has its own budget.
    const other = await api.gql(SIGN_UP, { input: { email: `v6-other-${Date.now()}@example.com`, password: "correct horse battery staple" } }, { ip: "2001:db8:5:7::1" });
    expect(other.data.signUp.__typename).toBe("SignedIn");
  } finally {
    await api.close();
  }
});
