import { epochSeconds } from "../clock.js";
import type { Deps } from "../deps.js";
import { sessionLifetimes } from "./lifetimes.js";
import type { Aal, SessionRecord } from "./session.js";

export interface AalNow {
  /** What the session holds now: AAL2 only while its proof is recent enough and in use. */
  aal: Aal;
  /** When AAL2 lapses if the session stays idle from now (absent at AAL1). */
  aal2Until?: Date;
  /** The stored AAL2 has lapsed: write AAL1 down, so a later request cannot revive it. */
  lapsed: boolean;
}

/**
 * A session's assurance level now (NIST SP 800-63B-4 AAL2): the second factor counts for
 * SESSION_AAL2_SECONDS from its proof, and for SESSION_AAL2_IDLE_SECONDS after the last request
 * (`lastSeenAt`, kept to within a tenth of that setting).
 */
export function aalNow(deps: Pick<Deps, "config" | "clock">, session: Pick<SessionRecord, "aal" | "aal2At" | "lastSeenAt">): AalNow {
  if (session.aal !== "AAL2") return { aal: "AAL1", lapsed: false };
  const provedAt = session.aal2At ? epochSeconds(new Date(session.aal2At)) : Number.NaN;
  const { aal2Seconds, aal2IdleSeconds } = sessionLifetimes(deps);
  const now = epochSeconds(deps.clock.now());
  const byAge = provedAt + aal2Seconds;
  if (!(now < byAge) || now - session.lastSeenAt >= aal2IdleSeconds) return { aal: "AAL1", lapsed: true };
  return { aal: "AAL2", aal2Until: new Date(Math.min(byAge, now + aal2IdleSeconds) * 1000), lapsed: false };
}
