import { startBenchChild, type BenchChild } from "./child-process.js";

export interface ServerProcess extends BenchChild {
  /** The server's clock, as the benchmark has moved it. */
  now(): number;
  /** Moves the server's clock forward (see server-entry.ts). */
  advance(seconds: number): Promise<void>;
  /** The store's process (see store-entry.ts), when this server has one of its own. */
  store?: BenchChild;
}

export interface StoreProcess extends BenchChild {
  /** The store behind the delaying proxy. */
  slowUrl: string;
}

/**
 * Starts the embedded store in its own process (its CPU measured apart from the server's), with
 * `latencyMs` added to every request made through its `slowUrl`.
 */
export async function startStoreProcess(path: string, latencyMs: number): Promise<StoreProcess> {
  const store = await startBenchChild("./store-entry.ts", { STORE_PATH: path, STORE_LATENCY_MS: String(latencyMs) });
  return { ...store, slowUrl: String(store.ready.slowUrl) };
}

/**
 * Starts the local server as a child process on `storeUrl` (AWS_ENDPOINT_URL_DYNAMODB) and waits
 * until it listens. `execArgv` adds Node flags (e.g. --cpu-prof).
 */
export async function startServerProcess(env: Record<string, string>, store: StoreProcess, storeUrl: string, execArgv: string[] = []): Promise<ServerProcess> {
  const child = await startBenchChild("./server-entry.ts", { ...env, AWS_ENDPOINT_URL_DYNAMODB: storeUrl }, execArgv);
  let offsetMs = 0;
  return {
    ...child,
    store,
    now: () => Date.now() + offsetMs,
    async advance(seconds) {
      offsetMs = (await child.ask<number | undefined>({ advanceSeconds: seconds }, "offsetMs")) ?? offsetMs;
    },
  };
}
