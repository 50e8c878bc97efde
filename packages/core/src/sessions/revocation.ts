import { sessionStartedAt, type Caller } from "../access/caller.js";
import type { Revocation } from "../db/revocation.js";
import type { Deps } from "../deps.js";

/**
 * The revocation a credential change by the caller causes (API.md): every OTHER session of the
 * user ends, including any whose sign-in was judged before now and is still being written; the
 * caller's own session is kept, by id. Known devices are revoked too when `devices` is set
 * (sign-out everywhere, password change).
 */
export function revokeOthers(deps: Pick<Deps, "clock">, caller: Pick<Caller, "session">, options: { devices?: boolean } = {}): Revocation {
  return {
    at: deps.clock.now().toISOString(),
    keep: { sessionId: caller.session.id, startedAt: sessionStartedAt(caller.session) },
    devices: options.devices,
  };
}

/** Every session and known device of the user ends, the caller's too (an owner's reset, sign-out everywhere without keepCurrent). */
export function revokeAll(deps: Pick<Deps, "clock">): Revocation {
  return { at: deps.clock.now().toISOString(), devices: true };
}
