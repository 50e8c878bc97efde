import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * `TRUST_PROXY`: how many proxies in front of this server append to X-Forwarded-For. `false`
 * (or unset, or 0): none, the socket's peer is the client. `true`: one. A number N: N. Anything
 * else refuses to start: a typo must not silently trust or distrust the header.
 */
export function parseTrustProxy(value: string | undefined): number {
  const text = value?.trim().toLowerCase() ?? "";
  if (text === "" || text === "false") return 0;
  if (text === "true") return 1;
  if (/^\d+$/.test(text)) return Number(text);
  throw new Error(`TRUST_PROXY must be false, true or a number of trusted proxy hops, not "${value}"`);
}

/**
 * The client's address behind `trustedHops` proxies. Each proxy appends the address it received
 * the request from, so the entries a client can write are on the left: the address is the one
 * the outermost trusted proxy appended, N-th from the right counting the socket's peer, never the
 * left-most entry. A chain shorter than the trusted hops (the request skipped a proxy, so nothing
 * in it is vouched for) or an entry that is not an IP address falls back to the socket's peer
 * rather than let a client-written value become the address, or a limit subject of its own.
 */
export function clientAddress(forwardedFor: string | undefined, peer: string | undefined, trustedHops: number): string {
  const socket = peer || "unknown";
  if (trustedHops === 0) return socket;
  const hops = [...(forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean), socket];
  const chosen = hops[hops.length - 1 - trustedHops];
  return chosen !== undefined && isIP(chosen) ? chosen : socket;
}

/**
 * What per-address limits count by: an IPv6 address by its /64 (one subscriber's allocation: an
 * attacker there holds 2^64 addresses), an IPv4-mapped IPv6 address as its IPv4 address, an IPv4
 * address as itself. Anything unparsable is kept whole.
 */
export function limitSubject(ip: string): string {
  if (!isIP(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === "ipv4") return address.toString();
  const prefix = [...address.toByteArray().slice(0, 8), 0, 0, 0, 0, 0, 0, 0, 0];
  return `${(ipaddr.fromByteArray(prefix) as ipaddr.IPv6).toRFC5952String()}/64`;
}
