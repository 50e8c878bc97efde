import { startLocalServer } from "@access-identity/functions/local/server";

/**
 * The benchmark's server process: the same local server `npm start` runs (packages/functions/src/
 * local/main.ts), with one difference — a clock the benchmark can move forward over IPC. A TOTP
 * time step is good once per factor, so without it the benchmark would sit idle for 30 s at a
 * time waiting for fresh steps; with it, "30 seconds later" costs one message. Reading the clock
 * costs the same as Date.now().
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

const server = await startLocalServer({ core: { clock } });

process.on("message", (message: { advanceSeconds?: number }) => {
  if (typeof message?.advanceSeconds !== "number") return;
  offsetMs += message.advanceSeconds * 1000;
  process.send?.({ offsetMs });
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
