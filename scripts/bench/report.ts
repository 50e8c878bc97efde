import { cpus, totalmem } from "node:os";
import type { DbRequestCounts } from "./db-requests.js";
import type { BundleSize, ColdStart } from "./lambda.js";
import type { ScenarioResult } from "./scenarios.js";
import { round } from "./stats.js";

export interface BenchReport {
  machine: { cpu: string; cores: number; memoryGb: number; node: string; platform: string };
  settings: { users: number; flows: number; seconds: number };
  scenarios: ScenarioResult[];
  dbRequests: DbRequestCounts;
  serverPeakRssMb: number | null;
  bundle: BundleSize;
  coldStart: ColdStart;
  targets: { name: string; target: string; measured: string; met: boolean }[];
}

export function machine(): BenchReport["machine"] {
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** The issue's targets, checked against the figures (reported, not enforced). */
export function targets(report: Omit<BenchReport, "targets">): BenchReport["targets"] {
  const scenario = (name: string, concurrency: number) => report.scenarios.find((s) => s.name === name && s.concurrency === concurrency);
  const totpP50 = scenario("TOTP step alone", 1)?.steps.totp?.p50 ?? NaN;
  const fullRate = scenario("full sign-in", 16)?.flowsPerSecond ?? NaN;
  const db = report.dbRequests;
  return [
    { name: "TOTP step p50, c=1", target: "<= 5 ms", measured: `${round(totpP50, 2)} ms`, met: totpP50 <= 5 },
    { name: "full sign-in, c=16", target: ">= 50 flows/s", measured: `${fullRate} flows/s`, met: fullRate >= 50 },
    { name: "DynamoDB requests: signIn", target: "<= 3", measured: String(db.signIn.total), met: db.signIn.total <= 3 },
    { name: "DynamoDB requests: completeSignIn", target: "<= 4", measured: String(db.completeSignIn.total), met: db.completeSignIn.total <= 4 },
    { name: "DynamoDB requests: me", target: "<= 2", measured: String(db.me.total), met: db.me.total <= 2 },
    { name: "Lambda bundle (minified JS)", target: "<= 1.5 MB", measured: `${round(report.bundle.bytes / 2 ** 20, 2)} MB`, met: report.bundle.bytes <= 1.5 * 2 ** 20 },
    { name: "Lambda cold start to first answer", target: "<= 300 ms", measured: `${report.coldStart.medianMs} ms`, met: report.coldStart.medianMs <= 300 },
  ];
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
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node} (${m.platform})`);
  out.push(`Settings: ${report.settings.users} users with TOTP, up to ${report.settings.flows} flows / ${report.settings.seconds} s per scenario, local server on the embedded store (dynalite)\n`);
  const rows: (string | number)[][] = [];
  const labels: Record<string, string> = { password: "password step", totp: "TOTP step", flow: "whole flow" };
  for (const s of report.scenarios) {
    const steps = Object.entries(s.steps).filter(([step]) => !(s.name === "TOTP step alone" && step === "flow"));
    steps.forEach(([step, d], i) => {
      rows.push([i === 0 ? `${s.name}, c=${s.concurrency}` : "", labels[step] ?? step, i === 0 ? s.flowsPerSecond : "", ms(d.p50), ms(d.p95), ms(d.p99), i === 0 ? d.count : "", i === 0 ? s.failed : ""]);
    });
  }
  out.push(table(["scenario", "step", "flows/s", "p50 ms", "p95 ms", "p99 ms", "flows", "failed"], rows));
  out.push("");
  out.push(
    table(
      ["DynamoDB requests per operation", "requests", "operations"],
      (Object.entries(report.dbRequests) as [string, { total: number; byOperation: Record<string, number> }][]).map(([name, c]) => [name, c.total, ops(c.byOperation)]),
    ),
  );
  out.push("");
  out.push(
    table(
      ["resource", "value"],
      [
        ["server peak RSS (VmHWM)", report.serverPeakRssMb === null ? "-" : `${report.serverPeakRssMb} MB`],
        ["Lambda bundle loaded at a cold start (minified)", `${round(report.bundle.bytes / 1024, 1)} kB`],
        ["  + chunks loaded on first use", `${round(report.bundle.lazyBytes / 1024, 1)} kB`],
        ["  + native argon2 binary", `${round(report.bundle.nativeBytes / 1024, 1)} kB`],
        ["Lambda cold start to first answer (median of 5)", `${report.coldStart.medianMs} ms (${report.coldStart.samplesMs.join(", ")})`],
      ],
    ),
  );
  out.push("");
  out.push(table(["target", "goal", "measured", "met"], report.targets.map((t) => [t.name, t.target, t.measured, t.met ? "yes" : "NO"])));
  const failures = report.scenarios.filter((s) => s.firstError);
  for (const s of failures) out.push(`\n${s.name}, c=${s.concurrency}: ${s.failed} failed; first: ${s.firstError}`);
  return `${out.join("\n")}\n`;
}
