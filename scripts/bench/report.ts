import { cpus, hostname, loadavg, totalmem } from "node:os";
import type { DbRequestCounts } from "./db-requests.js";
import type { BundleSize, ColdStart } from "./lambda.js";
import type { PeerReport } from "./peer.js";
import { formatSideBySide, peerTargets, type SideBySideRow } from "./peer-report.js";
import type { CostFigures } from "./prices.js";
import type { ScenarioResult } from "./scenarios.js";
import { round } from "./stats.js";

export interface BenchReport {
  /** When the run started (ISO 8601, UTC). */
  date: string;
  machine: ReturnType<typeof machine> & { loadAverageAtEnd: number[] };
  settings: { users: number; flows: number; seconds: number; storeLatencyMs: number };
  scenarios: ScenarioResult[];
  dbRequests: DbRequestCounts;
  cost: CostFigures;
  /** Peak resident set size (VmHWM) of the API server's process and of the store's. */
  /** npmStart: the server as `npm start` runs it (store on its worker thread), under the same load. */
  peakRssMb: { server: number | null; store: number | null; npmStart: number };
  /** The API server's process.memoryUsage() after the load, in MiB. */
  serverMemoryAfterLoadMb: Record<string, number | null>;
  bundle: BundleSize;
  coldStart: ColdStart;
  /** better-auth measured in the same run (null with --peer none), and issue 16's side-by-side table. */
  peer: PeerReport | null;
  sideBySide: SideBySideRow[];
  targets: { name: string; target: string; measured: string; met: boolean }[];
}

export function machine() {
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    hostname: hostname(),
    /** 1, 5 and 15 minute load averages: anything much above `cores` means the figures were taken under load. */
    loadAverageAtStart: loadavg().map((n) => round(n, 1)),
  };
}

/** The issue's targets, checked against the figures (reported, not enforced). */
export function targets(report: Omit<BenchReport, "targets" | "sideBySide">): BenchReport["targets"] {
  const scenario = (name: string, concurrency: number) => report.scenarios.find((s) => s.name === name && s.concurrency === concurrency);
  const totpP50 = scenario("TOTP step alone", 1)?.steps.totp?.p50 ?? NaN;
  const latency = report.settings.storeLatencyMs;
  const slowTotpP50 = scenario(`TOTP step alone + ${latency} ms store latency`, 1)?.steps.totp?.p50 ?? NaN;
  const checked = scenario("TOTP verify + session check", 16);
  const againstPeer = peerTargets(report);
  const db = report.dbRequests;
  const rss = report.peakRssMb.npmStart;
  const c = report.cost;
  const rows = [
    { name: "store requests: signIn", target: "<= 3", measured: String(db.signIn.total), met: db.signIn.total <= 3 },
    { name: "store requests: completeSignIn (TOTP)", target: "<= 3", measured: String(db.completeSignIn.total), met: db.completeSignIn.total <= 3 },
    { name: "store requests: me", target: "<= 2", measured: String(db.me.total), met: db.me.total <= 2 },
    { name: "TOTP step p50, c=1", target: "<= 5 ms", measured: `${round(totpP50, 2)} ms`, met: totpP50 <= 5 },
    ...(latency === 3 ? [{ name: "TOTP step p50, c=1, +3 ms per store request", target: "<= 12 ms", measured: `${round(slowTotpP50, 2)} ms`, met: slowTotpP50 <= 12 }] : []),
    againstPeer.checked,
    { name: "server CPU per TOTP verify + session check", target: "<= 5 ms", measured: `${checked?.cpuMsPerFlow.server ?? NaN} ms (+ store ${checked?.cpuMsPerFlow.store ?? "-"} ms)`, met: (checked?.cpuMsPerFlow.server ?? NaN) <= 5 },
    againstPeer.full,
    { name: "local server peak RSS under the c=16 load, as `npm start` runs it", target: "<= 200 MiB", measured: `${round(rss, 1)} MiB`, met: rss <= 200 },
    { name: "Lambda bundle (minified JS)", target: "<= 1.5 MB", measured: `${round(report.bundle.bytes / 2 ** 20, 2)} MB`, met: report.bundle.bytes <= 1.5 * 2 ** 20 },
    { name: "Lambda cold start to first answer", target: "<= 200 ms", measured: `${report.coldStart.medianMs} ms`, met: report.coldStart.medianMs <= 200 },
    {
      name: "DynamoDB cost, daily user for a month",
      target: `< Cognito's $${c.cognitoPerMau}/MAU`,
      measured: `$${c.perDailyUserPerMonth.toPrecision(2)}`,
      met: c.perDailyUserPerMonth < c.cognitoPerMau,
    },
  ];
  return rows;
}

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
  return [line(cells[0]!), `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...cells.slice(1).map(line)].join("\n");
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "-" : round(n, 2).toFixed(2));
const ops = (byOperation: Record<string, number>) =>
  Object.entries(byOperation)
    .map(([op, n]) => `${op} x${n}`)
    .join(", ");

/** The report as Markdown tables (they print readably in a terminal and paste into the README). */
export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [];
  out.push(`Date: ${report.date}`);
  out.push(`Machine: ${m.hostname}, ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node} (${m.platform})`);
  // Judged at the start only: by the end the benchmark's own processes have raised the average.
  const busyBefore = m.loadAverageAtStart[0]! > m.cores;
  out.push(
    `Load average (1/5/15 min): ${m.loadAverageAtStart.join(" ")} at the start, ${m.loadAverageAtEnd.join(" ")} at the end (the end counts the benchmark's own processes)${busyBefore ? " — started while other processes kept the machine busy" : ""}`,
  );
  out.push(`Settings: ${report.settings.users} users with TOTP, up to ${report.settings.flows} flows / ${report.settings.seconds} s per scenario, local server on the embedded store (dynalite, in its own process)\n`);
  const rows: (string | number)[][] = [];
  const labels: Record<string, string> = { password: "password step", totp: "TOTP step", flow: "whole flow" };
  for (const s of report.scenarios) {
    const steps = Object.entries(s.steps).filter(([step]) => !(s.name.startsWith("TOTP step alone") && step === "flow"));
    steps.forEach(([step, d], i) => {
      const cpu = i === 0 ? `${s.cpuMsPerFlow.server} / ${s.cpuMsPerFlow.store ?? "-"}` : "";
      rows.push([i === 0 ? `${s.name}, c=${s.concurrency}` : "", labels[step] ?? step, i === 0 ? s.flowsPerSecond : "", ms(d.p50), ms(d.p95), ms(d.p99), i === 0 ? d.count : "", i === 0 ? s.failed : "", cpu]);
    });
  }
  out.push(table(["scenario", "step", "flows/s", "p50 ms", "p95 ms", "p99 ms", "flows", "failed", "CPU ms/flow server / store"], rows));
  out.push("");
  out.push(
    table(
      ["DynamoDB requests per operation", "requests", "read units", "write units", "operations"],
      Object.entries(report.dbRequests).map(([name, c]) => [name, c.total, c.units.read, c.units.write, ops(c.byOperation)]),
    ),
  );
  const c = report.cost;
  const usd = (n: number) => `$${n < 0.1 ? n.toPrecision(2) : n.toFixed(2)}`;
  out.push("");
  out.push(
    table(
      ["cost (DynamoDB on-demand vs Cognito Essentials)", "USD"],
      [
        [`one full sign-in (${c.unitsPerSignIn.read} RRU + ${c.unitsPerSignIn.write} WRU)`, usd(c.perSignIn)],
        ["a million full sign-ins, DynamoDB", usd(c.perMillionSignIns)],
        [`a million sign-ins by daily users, Cognito (${round(1e6 / c.prices.signInsPerMonthDaily, 0)} MAU)`, usd(c.cognitoPerMillionSignIns)],
        [`one user signing in daily for a month, DynamoDB (${c.prices.signInsPerMonthDaily} sign-ins)`, usd(c.perDailyUserPerMonth)],
        ["one user signing in daily for a month, Cognito (1 MAU)", usd(c.cognitoPerMau)],
      ],
    ),
  );
  out.push(`Prices: $${c.prices.dynamoReadPerMillionUnits}/M read units, $${c.prices.dynamoWritePerMillionUnits}/M write units, $${c.prices.cognitoPerMau}/MAU; ${c.prices.source}.`);
  out.push("");
  out.push(
    table(
      ["resource", "value"],
      [
        ["API server peak RSS (VmHWM), under the c=16 load", report.peakRssMb.server === null ? "-" : `${report.peakRssMb.server} MiB`],
        ["API server after the load: heap used / heap total / external (MiB)", `${report.serverMemoryAfterLoadMb.heapUsed} / ${report.serverMemoryAfterLoadMb.heapTotal} / ${report.serverMemoryAfterLoadMb.external}`],
        ["embedded store's process peak RSS (VmHWM)", report.peakRssMb.store === null ? "-" : `${report.peakRssMb.store} MiB`],
        ["the local server as `npm start` runs it (store on its worker thread), peak RSS under the c=16 load", `${report.peakRssMb.npmStart} MiB`],
        ["Lambda bundle loaded at a cold start (minified)", `${round(report.bundle.bytes / 1024, 1)} kB`],
        ["  + chunks loaded on first use", `${round(report.bundle.lazyBytes / 1024, 1)} kB`],
        ["  + native argon2 binary", `${round(report.bundle.nativeBytes / 1024, 1)} kB`],
        ["Lambda cold start to first answer (median of 5)", `${report.coldStart.medianMs} ms (${report.coldStart.samplesMs.join(", ")})`],
      ],
    ),
  );
  out.push("");
  out.push(formatSideBySide(report.sideBySide, report.peer, table));
  out.push("");
  out.push(table(["target", "goal", "measured", "met"], report.targets.map((t) => [t.name, t.target, t.measured, t.met ? "yes" : "NO"])));
  const failures = report.scenarios.filter((s) => s.firstError);
  for (const s of failures) out.push(`\n${s.name}, c=${s.concurrency}: ${s.failed} failed; first: ${s.firstError}`);
  return `${out.join("\n")}\n`;
}
