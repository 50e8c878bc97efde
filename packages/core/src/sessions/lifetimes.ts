import type { Deps } from "../deps.js";

/**
 * How long a session's second-factor proof counts (NIST SP 800-63B-4, AAL2: re-authenticate at
 * least every 12 hours, and after 1 hour without activity). The session itself lives on at AAL1
 * under SESSION_TTL_SECONDS / SESSION_IDLE_SECONDS (config.ts) and can step up again.
 *
 * Kept apart from config.ts for now: to fold in, add `aal2Seconds` and `aal2IdleSeconds` to
 * `Config.session` (read with `int(env.SESSION_AAL2_SECONDS, 43200)` and
 * `int(env.SESSION_AAL2_IDLE_SECONDS, 3600)`); `sessionLifetimes` below already prefers them.
 */
export interface SessionLifetimes {
  aal2Seconds: number;
  aal2IdleSeconds: number;
}

type Env = Record<string, string | undefined>;

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export function loadSessionLifetimes(env: Env = process.env): SessionLifetimes {
  return {
    aal2Seconds: positiveInt(env.SESSION_AAL2_SECONDS, 12 * 3600),
    aal2IdleSeconds: positiveInt(env.SESSION_AAL2_IDLE_SECONDS, 3600),
  };
}

let fromEnv: SessionLifetimes | undefined;

/** The lifetimes in force: Config's once folded in, else the process environment's (read once). */
export function sessionLifetimes(deps: Pick<Deps, "config">): SessionLifetimes {
  const configured = deps.config.session as Partial<SessionLifetimes>;
  if (configured.aal2Seconds !== undefined && configured.aal2IdleSeconds !== undefined) {
    return { aal2Seconds: configured.aal2Seconds, aal2IdleSeconds: configured.aal2IdleSeconds };
  }
  fromEnv ??= loadSessionLifetimes();
  return fromEnv;
}

/**
 * How often a request writes `lastSeenAt`: at most once a minute, and often enough that the AAL2
 * idle clock is kept to within a tenth of its setting (API.md), so not every request writes.
 */
export function lastSeenGranularitySeconds(deps: Pick<Deps, "config">): number {
  return Math.max(1, Math.min(60, Math.floor(sessionLifetimes(deps).aal2IdleSeconds / 10)));
}
