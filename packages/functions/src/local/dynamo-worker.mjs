// The embedded store's own thread (see embedded-dynamo.ts). Plain JavaScript, so it runs the same
// under tsx, vitest and node without a TypeScript loader in the worker.
import { parentPort, workerData } from "node:worker_threads";
import dynalite from "dynalite";

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, path: workerData.path });
server.once("error", (error) => parentPort.postMessage({ error: error.message }));
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
parentPort.on("message", (message) => {
  if (message !== "close") return;
  // dynalite's close() also closes its LevelDB store, flushing what it acknowledged.
  server.close((error) => {
    parentPort.postMessage({ closed: true, error: error?.message });
    parentPort.close();
  });
});
