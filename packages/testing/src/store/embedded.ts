import type { AddressInfo } from "node:net";
import dynalite from "dynalite";

export interface EmbeddedStore {
  /** For AWS_ENDPOINT_URL_DYNAMODB. */
  endpoint: string;
  close(): Promise<void>;
}

/**
 * dynalite in memory, in this process: the real DynamoDB wire protocol for the real AWS SDK, fresh
 * per test file. (The local server's persistent store, on its own thread, is packages/functions'
 * embedded-dynamo; tests need neither persistence nor the thread, and must not load that package.)
 */
export async function startEmbeddedStore(): Promise<EmbeddedStore> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((ok, fail) => server.close((error) => (error ? fail(error) : ok()))),
  };
}
