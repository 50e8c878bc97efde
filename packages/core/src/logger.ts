import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type Logger } from "pino";

export type { Logger };

const requestScope = new AsyncLocalStorage<{ requestId: string; log?: Logger }>();

/** Runs `fn` with a request id that every log line inside it carries. */
export function withRequestId<T>(requestId: string, fn: () => T, log?: Logger): T {
  return requestScope.run({ requestId, log }, fn);
}

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

/** The logger of the request being served, for code that is not handed the services. */
export function requestLogger(): Logger | undefined {
  return requestScope.getStore()?.log;
}

/**
 * Structured JSON lines, each with the request id of the request it belongs to. Redaction is a
 * second line of defence: the code never logs secrets on purpose, but a field with one of these
 * names is censored if it ever reaches a log call.
 *
 * Lines go to stdout synchronously: Lambda freezes the process as soon as the handler returns, so
 * a line still queued for an asynchronous write would surface only at the next invocation (or
 * never, if the container is retired) — and the error a user quotes by request id must already be
 * in CloudWatch when they quote it. A request logs at most a couple of lines, so the synchronous
 * write (one write(2) of a few hundred bytes) costs nothing the benchmark can see.
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      base: undefined,
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: {
        paths: ["password", "token", "code", "secret", "authorization", "variables"].flatMap((k) => [k, `*.${k}`]),
        censor: "[redacted]",
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
