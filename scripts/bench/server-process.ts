import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("./server-entry.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  /** The server's clock, as the benchmark has moved it. */
  now(): number;
  /** Moves the server's clock forward (see server-entry.ts). */
  advance(seconds: number): Promise<void>;
  /** Peak resident set size so far, in bytes (VmHWM from /proc). */
  peakRss(): number | undefined;
  stop(): Promise<void>;
}

/** Starts the local server (embedded store under dataDir) as a child process and waits until it listens. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const child: ChildProcess = fork(ENTRY, [], {
    cwd: ROOT,
    execArgv: ["--import", "tsx"],
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

  let offsetMs = 0;
  const ready = await new Promise<{ url: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) while starting:\n${output}`));
    });
    child.on("message", (message: { ready?: boolean; url?: string }) => {
      if (message.ready && message.url) {
        clearTimeout(timer);
        resolve({ url: message.url });
      }
    });
  });
  child.removeAllListeners("exit");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  return {
    url: ready.url,
    pid: child.pid!,
    now: () => Date.now() + offsetMs,
    advance(seconds) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the server did not acknowledge the clock change")), 5_000);
        child.once("message", (message: { offsetMs?: number }) => {
          clearTimeout(timer);
          offsetMs = message.offsetMs ?? offsetMs;
          resolve();
        });
        child.send({ advanceSeconds: seconds });
      });
    },
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
