import { startLocalServer } from "./server.js";

// `npm start`: the local server on the embedded store, persisted under DATA_DIR.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// Refused configuration (see config.ts) ends here with its reason, not a stack trace.
const server = await startLocalServer().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
server.deps.log.info(
  { url: server.url, sms: server.deps.config.sms.provider, email: server.deps.config.email.provider },
  `Access Identity is listening: the web app at ${server.url}/, the API and its playground at ${server.url}/graphql`,
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.deps.log.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      (error) => {
        server.deps.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
