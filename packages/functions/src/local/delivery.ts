import { deliverDueOutbox, deliverOutboxItems, type Deps } from "@access-identity/core";

export interface DeliveryLoop {
  /** Waits for the work in hand, then sends whatever is due now (tests: after moving the clock). */
  flush(): Promise<void>;
  /** Stops taking work and waits for the send in flight: before the store closes. */
  stop(): Promise<void>;
}

/**
 * The local stand-in for the AWS notifier (DynamoDB Streams to packages/functions/src/notifier.ts):
 * the same core handler, in-process. Items are sent right after the write that made them (the
 * request has already been answered: this runs beside it, never inside it), and every
 * `intervalMs` whatever is due is swept up (retries after a failure, anything missed). One batch
 * at a time, so the loop never races itself; the leases make it safe beside another process too.
 */
export function startDeliveryLoop(deps: Deps, options: { intervalMs?: number } = {}): DeliveryLoop {
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = (work: () => Promise<unknown>) => {
    chain = chain
      .then(async () => {
        if (!stopped) await work();
      })
      .catch((error: unknown) => deps.log.error({ err: error, event: "email.outbox.loopFailed" }, "email delivery failed; will retry"));
    return chain;
  };
  deps.outbox.listen((ids) => void run(() => deliverOutboxItems(deps, ids)));
  const timer = setInterval(() => void run(() => deliverDueOutbox(deps)), options.intervalMs ?? 15_000);
  timer.unref();
  return {
    flush: () => run(() => deliverDueOutbox(deps, 100)),
    async stop() {
      stopped = true;
      clearInterval(timer);
      deps.outbox.listen(undefined);
      await chain;
    },
  };
}
