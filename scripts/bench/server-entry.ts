import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { startLocalServer } from "@access-identity/functions/local/server";

/**
 * The benchmark's server process: the same local server `npm start` runs (packages/functions/src/
 * local/main.ts), with one difference — a clock the benchmark can move forward over IPC. A TOTP
 * time step is good once per factor, so without it the benchmark would sit idle for 30 s at a
 * time waiting for fresh steps; with it, "30 seconds later" costs one message. Reading the clock
 * costs the same as Date.now(). Over the same channel the benchmark reads this process's CPU time
 * and memory, and starts and stops a CPU profile around the rounds it wants profiled.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

const server = await startLocalServer({ core: { clock } });

let profiler: Session | undefined;

type Message = { advanceSeconds?: number; cpu?: boolean; memory?: boolean; profile?: "start" | "stop"; file?: string };

process.on("message", async (message: Message) => {
  if (message?.cpu) {
    // Every thread of this process: the API's JavaScript, GC, libuv's pool (argon2) — not the
    // store's, which the benchmark runs in its own process (see store-entry.ts).
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuUs: user + system });
  } else if (message?.memory) {
    process.send?.({ memoryUsage: process.memoryUsage() });
  } else if (message?.profile === "start") {
    profiler = new Session();
    profiler.connect();
    await profiler.post("Profiler.enable");
    await profiler.post("Profiler.setSamplingInterval", { interval: 100 });
    await profiler.post("Profiler.start");
    process.send?.({ profiling: true });
  } else if (message?.profile === "stop" && profiler) {
    const { profile } = await profiler.post("Profiler.stop");
    profiler.disconnect();
    profiler = undefined;
    if (message.file) writeFileSync(message.file, JSON.stringify(profile));
    process.send?.({ profiling: false });
  } else if (typeof message?.advanceSeconds === "number") {
    offsetMs += message.advanceSeconds * 1000;
    process.send?.({ offsetMs });
  }
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

process.send?.({ ready: true, url: server.url, offsetMs });
