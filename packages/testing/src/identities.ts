// Who a test is: fresh emails, the one password, fresh client addresses and request ids.
import { randomUUID } from "node:crypto";
import type { RequestInfo } from "@access-identity/core";

export const PASSWORD = "correct horse battery staple";

let counter = 0;
/** A unique email per call, so tests in one file never collide. */
export function uniqueEmail(domain = "example.com"): string {
  counter += 1;
  return `user${Date.now().toString(36)}${counter}@${domain}`;
}

/**
 * Each call comes from its own address unless a test says otherwise, so per-IP limits only bite
 * in the tests that are about them.
 */
export function randomTestIp(): string {
  const n = Math.floor(Math.random() * 2 ** 16);
  return `198.18.${n >> 8}.${n & 255}`;
}

/**
 * What the transport would tell core about one request: its address and request id. `ipKey` (what
 * per-address limits count by) is the address itself for the IPv4 addresses tests use; the IPv6
 * /64 rule belongs to the HTTP adapter and is tested through it, in packages/functions.
 */
export function testRequest(ip = randomTestIp()): RequestInfo {
  const request = { ip, ipKey: ip, requestId: randomUUID() };
  return request;
}
