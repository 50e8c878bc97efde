import { parseArgs } from "node:util";

export interface BenchArgs {
  users: number;
  flows: number;
  seconds: number;
  /** Delay added to every store request in the "+ store latency" scenarios (0 skips them). */
  storeLatencyMs: number;
  /** When set, the server writes a V8 CPU profile of each measured round of "TOTP step alone, c=1" here. */
  cpuProf?: string;
  json?: string;
  /** The peer measured in the same run for the side-by-side table (issue 16), or none. */
  peer: "better-auth" | "none";
}

function positive(name: string, value: string | undefined, fallback: number, max: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      users: { type: "string" },
      flows: { type: "string" },
      seconds: { type: "string" },
      json: { type: "string" },
      "store-latency-ms": { type: "string" },
      "cpu-prof": { type: "string" },
      peer: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log("npm run bench -- [--users 50] [--flows 200] [--seconds 30] [--store-latency-ms 3] [--cpu-prof DIR] [--json FILE] [--peer better-auth|none]");
    process.exit(0);
  }
  if (values.peer !== undefined && values.peer !== "better-auth" && values.peer !== "none") throw new Error("--peer must be better-auth or none");
  return {
    peer: values.peer ?? "better-auth",
    users: positive("users", values.users, 50, 10_000),
    flows: positive("flows", values.flows, 200, 100_000),
    seconds: positive("seconds", values.seconds, 30, 3_600),
    storeLatencyMs: positive("store-latency-ms", values["store-latency-ms"], 3, 1_000, 0),
    cpuProf: values["cpu-prof"],
    json: values.json,
  };
}
