// Deploy with `npm run build && npx sst deploy --stage production` (README "Deploying with SST",
// docs/ops.md). The SST globals used here and in stacks/ are declared in types/sst-platform.d.ts,
// because SST writes its own declarations only when its CLI runs, and the CLI needs the network.

export default $config({
  app(input) {
    // The one stage that serves users: its data is retained and `sst remove` refuses it.
    const production = input?.stage === "production";
    return {
      name: "access-identity",
      // The CLI refuses to run with any other version: the stacks are checked against this one.
      version: "4.17.1",
      home: "aws",
      removal: production ? "retain" : "remove",
      protect: production,
    };
  },
  async run() {
    // Stacks are imported here, not at the top: SST's globals exist only once run() is called.
    const { api } = await import("./stacks/api.js");
    await import("./stacks/alarms.js");
    await import("./stacks/notifier.js");
    const { web } = await import("./stacks/web.js");
    return { api: api.url, ...(web ? { web: web.url } : {}) };
  },
});
