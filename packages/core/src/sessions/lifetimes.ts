import type { Deps } from "../deps.js";

/**
 * How long a session's second-factor proof counts (NIST SP 800-63B-4, AAL2: re-authenticate at
 * least every 12 hours, and after 1 hour without activity): SESSION_AAL2_SECONDS and
 * SESSION_AAL2_IDLE_SECONDS, read into `Config.session`. The session itself lives on at AAL1 under
 * SESSION_TTL_SECONDS / SESSION_IDLE_SECONDS and can step up again.
 */
export interface SessionLifetimes {
  aal2Seconds: number;
  aal2IdleSeconds: number;
}

export function sessionLifetimes(deps: Pick<Deps, "config">): SessionLifetimes {
  const { aal2Seconds, aal2IdleSeconds } = deps.config.session;
  return { aal2Seconds, aal2IdleSeconds };
}

/**
 * How often a request writes `lastSeenAt`: at most once a minute, and often enough that the AAL2
 * idle clock is kept to within a tenth of its setting (API.md), so not every request writes.
 */
export function lastSeenGranularitySeconds(deps: Pick<Deps, "config">): number {
  return Math.max(1, Math.min(60, Math.floor(sessionLifetimes(deps).aal2IdleSeconds / 10)));
}
