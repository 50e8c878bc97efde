// Deploy with `npx sst deploy --stage production` (after `npx sst secret set EncryptionKey ...`).
// The SST globals used here and in stacks/ are declared in types/sst-platform.d.ts, because SST
// writes its own declarations only when its CLI runs, and the CLI needs the network.
export default $config({
  app(input) {
    return {
      name: "access-identity",
      removal: input?.stage === "production" ? "retain" : "remove",
      home: "aws",
    };
  },
  async run() {
    // Stacks are imported here, not at the top: SST's globals exist only once run() is called.
    await import("./stacks/table.js");
    await import("./stacks/secrets.js");
    const { api } = await import("./stacks/api.js");
    await import("./stacks/notifier.js");
    return { api: api.url };
  },
});
