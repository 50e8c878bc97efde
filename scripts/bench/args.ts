import { parseArgs } from "node:util";

export interface BenchArgs {
  users: number;
  flows: number;
  seconds: number;
  json?: string;
}

function positive(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be an integer from 1 to ${max}`);
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
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log("npm run bench -- [--users 50] [--flows 200] [--seconds 60] [--json FILE]");
    process.exit(0);
  }
  return {
    users: positive("users", values.users, 50, 10_000),
    flows: positive("flows", values.flows, 200, 100_000),
    seconds: positive("seconds", values.seconds, 60, 3_600),
    json: values.json,
  };
}
