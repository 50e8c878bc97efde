import { mkdirSync } from "node:fs";
import { Worker } from "node:worker_threads";

export interface EmbeddedDynamo {
  endpoint: string;
  close(): Promise<void>;
}

type WorkerMessage = { port?: number; closed?: boolean; error?: string };

/**
 * dynalite, persisted under `path` (LevelDB) or in memory without one (tests). It speaks
 * DynamoDB's wire protocol, so the real AWS SDK talks to it exactly as to AWS. It runs on a worker
 * thread of this process: the store's work then uses the second core instead of competing with
 * the API's own JavaScript for one.
 */
export async function startEmbeddedDynamo(path?: string): Promise<EmbeddedDynamo> {
  if (path) mkdirSync(path, { recursive: true });
  const worker = new Worker(new URL("./dynamo-worker.mjs", import.meta.url), { workerData: { path }, execArgv: [] });
  const next = () =>
    new Promise<WorkerMessage>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the embedded store stopped (exit ${code})`));
      worker.once("error", reject);
      worker.once("exit", onExit);
      worker.once("message", (message: WorkerMessage) => {
        worker.off("error", reject);
        worker.off("exit", onExit);
        resolve(message);
      });
    });
  const started = await next();
  if (!started.port) throw new Error(`the embedded store did not start: ${started.error}`);
  return {
    endpoint: `http://127.0.0.1:${started.port}`,
    async close() {
      const closed = next();
      worker.postMessage("close");
      const { error } = await closed;
      await worker.terminate();
      if (error) throw new Error(`closing the embedded store: ${error}`);
    },
  };
}
