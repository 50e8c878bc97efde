// Issue 16's side-by-side table, ours next to the peer measured in the same run, and the two
// targets set against the peer ("2x", "4x" better-auth's rate in this very run).
import type { PeerReport } from "./peer.js";
import type { ScenarioResult } from "./scenarios.js";
import { round } from "./stats.js";

export interface SideBySideRow {
  name: string;
  unit: string;
  /** Which way is better for this figure. */
  better: "higher" | "lower";
  ours: number | null;
  peer: number | null;
  /** ours / peer (for rates higher is better, for times, CPU and memory lower is). */
  ratio: number | null;
}

interface Figures {
  scenarios: ScenarioResult[];
  peakRssMb: { server: number | null; store: number | null; npmStart: number };
  peer: PeerReport | null;
}

const find = (scenarios: ScenarioResult[] | undefined, name: string, concurrency: number) => scenarios?.find((s) => s.name === name && s.concurrency === concurrency);
const num = (n: number | null | undefined) => (n === undefined || n === null || Number.isNaN(n) ? null : n);

/** The figures of the issue's table, for us and for the peer, with the ratio ours/peer. */
export function sideBySide(report: Figures): SideBySideRow[] {
  const pick = (scenarios: ScenarioResult[] | undefined, peakRss: { server: number | null; oneProcess: number | null } | undefined) => {
    const full16 = find(scenarios, "full sign-in", 16);
    const full1 = find(scenarios, "full sign-in", 1);
    const checked = find(scenarios, "TOTP verify + session check", 16);
    const serverCpu = checked?.cpuMsPerFlow.server;
    return [
      num(full16?.flowsPerSecond),
      num(full1?.flowsPerSecond),
      num(full1?.steps.flow?.p50),
      num(find(scenarios, "TOTP step alone", 1)?.steps.totp?.p50),
      num(checked?.flowsPerSecond),
      num(serverCpu),
      num(serverCpu === undefined ? undefined : serverCpu + (checked?.cpuMsPerFlow.store ?? 0)),
      num(peakRss?.server),
      num(peakRss?.oneProcess),
    ];
  };
  const ours = pick(report.scenarios, { server: report.peakRssMb.server, oneProcess: report.peakRssMb.npmStart });
  const peerRss = report.peer ? { server: report.peer.peakRssMb, oneProcess: report.peer.peakRssMb } : undefined;
  const peer = pick(report.peer?.scenarios, peerRss);
  const rows: [string, string][] = [
    ["full TOTP sign-in (password, TOTP, session check), c=16", "flows/s"],
    ["full TOTP sign-in, c=1", "flows/s"],
    ["full TOTP sign-in, c=1, p50", "ms"],
    ["TOTP step alone, c=1, p50", "ms"],
    ["TOTP verify + session check, c=16", "per s"],
    ["server CPU per TOTP verify + session check (ours: API process only)", "ms"],
    ["server + store CPU per TOTP verify + session check (the peer's SQLite is in its process)", "ms"],
    ["server peak RSS under load (ours: API process only)", "MiB"],
    ["peak RSS under load, all in one process (ours: as `npm start` runs it, the store on its worker thread; the peer's SQLite is in its process)", "MiB"],
  ];
  return rows.map(([name, unit], i) => {
    const [o, p] = [ours[i] ?? null, peer[i] ?? null];
    return { name, unit, better: unit.endsWith("/s") || unit === "per s" ? "higher" : "lower", ours: o === null ? null : round(o, 2), peer: p === null ? null : round(p, 2), ratio: o === null || p === null || p === 0 ? null : round(o / p, 2) };
  });
}

/** The issue's two targets relative to better-auth, against the peer measured in this run. */
export function peerTargets(report: Figures) {
  const rate = (scenarios: ScenarioResult[] | undefined, name: string) => find(scenarios, name, 16)?.flowsPerSecond ?? NaN;
  const row = (name: string, scenario: string, times: number, unit: string) => {
    const ours = rate(report.scenarios, scenario);
    const peer = rate(report.peer?.scenarios, scenario);
    const against = report.peer ? `better-auth's ${peer}${unit} (same run)` : "better-auth's (not measured: --peer none)";
    return { name, target: `>= ${times}x ${against}`, measured: `${ours}${unit}${report.peer ? ` (${round(ours / peer, 2)}x)` : ""}`, met: ours >= times * peer };
  };
  return {
    checked: row("TOTP verify + session check, c=16", "TOTP verify + session check", 2, "/s"),
    full: row("full sign-in, c=16", "full sign-in", 4, " flows/s"),
  };
}

export function formatSideBySide(rows: SideBySideRow[], peer: PeerReport | null, table: (header: string[], rows: (string | number)[][]) => string): string {
  if (!peer) return "Peer: not measured (--peer none).";
  const v = peer.versions;
  const cells = rows.map((r) => [r.name, r.unit, r.better, r.ours ?? "-", r.peer ?? "-", r.ratio ?? "-"]);
  const header = `Peer, same run: better-auth ${v["better-auth"]} (twoFactor, TOTP) on SQLite ${peer.sqlite.version} through better-sqlite3 ${v["better-sqlite3"]}, journal_mode=${peer.sqlite.journalMode}, synchronous=${peer.sqlite.synchronous}, rate limiter off; Node ${v.node}\n`;
  const failed = peer.scenarios.filter((s) => s.firstError).map((s) => `\nbetter-auth ${s.name}, c=${s.concurrency}: ${s.failed} failed; first: ${s.firstError}`);
  return `${header}${table(["side by side", "unit", "better", "ours", "better-auth", "ours / peer"], cells)}${failed.join("")}`;
}
