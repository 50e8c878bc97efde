import { AsyncLocalStorage } from "node:async_hooks";

/** Where the request that caused an event came from, as far as the transport knows. */
export interface RequestOrigin {
  ip?: string;
  userAgent?: string;
}

const scope = new AsyncLocalStorage<RequestOrigin>();

/**
 * Runs `fn` with the request's origin in scope, so a security notification written with an audit
 * event can say from which IP and device it came, without every function between the transport
 * and recordAudit passing it along.
 */
export function withRequestOrigin<T>(origin: RequestOrigin, fn: () => T): T {
  return scope.run(origin, fn);
}

export function currentRequestOrigin(): RequestOrigin | undefined {
  return scope.getStore();
}
