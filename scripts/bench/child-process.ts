import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadOnce } from "@access-identity/core/load-once";
import { buildLocal } from "../build-local.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The benchmark's entries (server-entry.ts, store-entry.ts), bundled as `npm start` bundles the
 * local server (scripts/build-local.mjs: same esbuild settings, dynalite and argon2 left in
 * node_modules) into dist/bench/<name>/, once per benchmark run; they run on plain node, as
 * `npm start` does, not under tsx.
 */
const buildEntries = loadOnce(async () => {
  const built: Record<string, string> = {};
  for (const name of ["server-entry", "store-entry"]) {
    built[name] = await buildLocal({ entry: `scripts/bench/${name}.ts`, outdir: join(ROOT, "dist/bench", name), name, quiet: true });
  }
  return built;
});

export interface BenchChild {
  url: string;
  /** Everything the child's ready message said. */
  ready: Record<string, unknown>;
  pid: number;
  /** Sends `message` and resolves with the first answer that has `key`. */
  ask<T>(message: object, key: string, timeoutMs?: number): Promise<T>;
  /** CPU time (user + system, every thread of the process) so far, in microseconds. */
  cpuMicros(): Promise<number>;
  /** Peak resident set size so far, in bytes (VmHWM from /proc). */
  peakRss(): number | undefined;
  stop(): Promise<void>;
}

/**
 * Forks one of the benchmark's entry files (bundled, on plain node), or a plain JavaScript module
 * (`.mjs`, relative to this file: the peer's server), and waits for its `{ ready, url }` message.
 * `execArgv` adds Node flags (e.g. --cpu-prof).
 */
export async function startBenchChild(entry: string, env: Record<string, string>, execArgv: string[] = [], timeoutMs = 30_000): Promise<BenchChild> {
  const file = entry.endsWith(".mjs") ? fileURLToPath(new URL(entry, import.meta.url)) : (await buildEntries())[basename(entry, ".ts")];
  if (!file) throw new Error(`${entry} is not one of the benchmark's entries`);
  const child: ChildProcess = fork(file, [], {
    cwd: ROOT,
    execArgv,
    // As `npm start`: argon2 and the embedded store's LevelDB share libuv's pool; 4 threads make
    // store reads queue behind password hashes under load.
    env: { UV_THREADPOOL_SIZE: "8", ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);

  const ready = await new Promise<{ url: string } & Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code}) while starting:\n${output}`));
    });
    child.on("message", (message: { ready?: boolean; url?: string }) => {
      if (message.ready && message.url) {
        clearTimeout(timer);
        resolve(message as { url: string });
      }
    });
  });
  child.removeAllListeners("exit");
  child.removeAllListeners("message");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const ask = <T>(message: object, key: string, timeout = 5_000) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (answer: Record<string, unknown>) => {
        if (!(key in answer)) return;
        clearTimeout(timer);
        child.off("message", onMessage);
        resolve(answer[key] as T);
      };
      const timer = setTimeout(() => {
        child.off("message", onMessage);
        reject(new Error(`${entry} did not answer ${JSON.stringify(message)}`));
      }, timeout);
      child.on("message", onMessage);
      child.send(message);
    });

  return {
    url: ready.url,
    ready,
    pid: child.pid!,
    ask,
    cpuMicros: () => ask<number>({ cpu: true }, "cpuUs"),
    peakRss() {
      try {
        const match = readFileSync(`/proc/${child.pid}/status`, "utf8").match(/^VmHWM:\s+(\d+)\s+kB/m);
        return match ? Number(match[1]) * 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
