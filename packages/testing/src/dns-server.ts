import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resolver } from "node:dns/promises";
import { freePort } from "./ports.js";

/** TXT records by name; an array of strings is one record split into several character-strings. */
export type TxtRecords = Record<string, (string | string[])[]>;

export interface TestDnsServer {
  port: number;
  /** For DNS_SERVERS: `127.0.0.1:<port>`. */
  address: string;
  /** Replaces every record (dnsmasq does not reload TXT on SIGHUP, so this restarts it on the same port). */
  setRecords(records: TxtRecords): Promise<void>;
  close(): Promise<void>;
}

const DNSMASQ = "/usr/sbin/dnsmasq";
const READY_NAME = "_ready.dnsmasq.test";

/** A TXT value as dnsmasq's conf file wants it: quoted, so commas stay inside the value. */
function quote(value: string): string {
  if (/["\\\n]/.test(value)) throw new Error(`unsupported character in TXT value: ${value}`);
  return `"${value}"`;
}

function confText(records: TxtRecords, zones: string[]): string {
  const lines = [`txt-record=${READY_NAME},"ready"`];
  for (const [name, values] of Object.entries(records)) {
    for (const value of values) lines.push(`txt-record=${name},${(Array.isArray(value) ? value : [value]).map(quote).join(",")}`);
  }
  // Authoritative for the test zones: an unknown name is NXDOMAIN (no record), not REFUSED (DNS failure).
  for (const zone of zones) lines.push(`local=/${zone}/`);
  return `${lines.join("\n")}\n`;
}


async function waitUntilAnswering(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const resolver = new Resolver({ timeout: 100, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dnsmasq exited (${child.exitCode}): ${log()}`);
    try {
      await resolver.resolveTxt(READY_NAME);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  throw new Error(`dnsmasq did not answer on port ${port}: ${log()}`);
}

/**
 * Debian's dnsmasq on a free loopback port, serving the given TXT records from a conf file (values
 * with commas cannot go on its command line). The production resolver code queries it through
 * DNS_SERVERS, exactly as it would query a real server.
 */
export async function startDnsServer(records: TxtRecords = {}, options: { zones?: string[] } = {}): Promise<TestDnsServer> {
  const zones = options.zones ?? ["test"];
  const dir = mkdtempSync(join(tmpdir(), "dnsmasq-"));
  const confFile = join(dir, "dnsmasq.conf");
  let child: ChildProcess | undefined;
  let port = 0;

  async function launch(wanted: TxtRecords): Promise<void> {
    writeFileSync(confFile, confText(wanted, zones));
    let output = "";
    const proc = spawn(
      DNSMASQ,
      [
        "--keep-in-foreground",
        `--conf-file=${confFile}`,
        `--port=${port}`,
        "--listen-address=127.0.0.1",
        "--bind-interfaces",
        "--no-resolv",
        "--no-hosts",
        "--pid-file=",
        "--log-facility=-",
        "--user=root",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    proc.stdout?.on("data", (d) => (output += d));
    proc.stderr?.on("data", (d) => (output += d));
    // Never leave a dnsmasq behind if the test process ends without closing it.
    const killOnExit = () => proc.kill("SIGKILL");
    process.once("exit", killOnExit);
    proc.once("exit", () => process.off("exit", killOnExit));
    child = proc;
    await waitUntilAnswering(port, proc, () => output);
  }

  async function stop(): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once("exit", () => resolve());
      proc.kill("SIGTERM");
    });
  }

  // Another process may take the port between probing and binding: try a few.
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await launch(records);
      break;
    } catch (error) {
      await stop();
      if (attempt >= 4) throw error;
    }
  }

  return {
    port,
    address: `127.0.0.1:${port}`,
    async setRecords(next) {
      await stop();
      await launch(next);
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
