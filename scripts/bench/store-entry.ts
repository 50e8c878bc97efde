import { startFaultyProxy } from "@access-identity/testing/store";
import { startEmbeddedDynamo } from "@access-identity/functions/local/embedded-dynamo";

/**
 * The benchmark's store process: the same embedded store `npm start` runs (dynalite on its own
 * worker thread, LevelDB under STORE_PATH), in a process of its own so that its CPU time is
 * measured apart from the API server's (process.cpuUsage() sums every thread of a process, and in
 * AWS only the API's time is paid for). Beside the store's own endpoint it offers a second one: the
 * test proxy in front of the store, holding every request STORE_LATENCY_MS before passing it on,
 * like the network hop to DynamoDB in a region.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const store = await startEmbeddedDynamo(process.env.STORE_PATH || undefined);
const latencyMs = Number(process.env.STORE_LATENCY_MS ?? 0);
const proxy = await startFaultyProxy(store.endpoint);
// setTimeout's granularity is about a millisecond: the added delay is latencyMs to latencyMs + ~1.
if (latencyMs > 0) proxy.decide = () => ({ holdUntil: new Promise((resolve) => setTimeout(resolve, latencyMs)) });

process.on("message", (message: { cpu?: boolean }) => {
  if (message?.cpu) process.send?.({ cpuUs: cpuMicros() });
});

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    Promise.all([proxy.close(), store.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

process.send?.({ ready: true, url: store.endpoint, slowUrl: proxy.endpoint });
