import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * The lowest port the kernel hands out as an ephemeral port (Linux: ip_local_port_range; elsewhere
 * IANA's 49152).
 */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 11_000 ? low : 49_152;
  } catch {
    return 49_152;
  }
}

function probe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * A loopback port free right now, for a server whose address must be known before it starts (a
 * browser origin, dnsmasq). Only TCP is probed. Chosen below the kernel's ephemeral range: a port
 * from `listen(0)` is an ephemeral one, which any outgoing connection of a parallel test (the store
 * client, a browser) may take as its local port between the probe and the real bind (EADDRINUSE,
 * seen once in CI); outgoing connections never take a port below that range.
 */
export async function freePort(): Promise<number> {
  const low = 10_000;
  const high = ephemeralLow();
  for (let tries = 0; tries < 50; tries++) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (await probe(port)) return port;
  }
  throw new Error(`no free loopback port found between ${low} and ${high}`);
}
