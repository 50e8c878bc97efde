import { epochSeconds, type Clock } from "../clock.js";
import type { Item } from "../db/batch.js";
import type { Db } from "../db/client.js";
import type { Key } from "../db/keys.js";
import { releaseUnit, reserveUnit, windowCount, windowKey } from "../db/rate-counters.js";
import { RateLimitedError } from "../errors.js";
import type { Limit } from "./limits.js";

/** A unit taken from a window: what `release` needs to give that very unit back. */
export interface Reservation {
  limit: Limit;
  subject: string;
  windowStart: number;
  /** The window's count once this unit was taken. */
  count: number;
}

/**
 * Fixed-window counters, one item per (limit, subject, window). Each hit is a single conditional
 * ADD, so parallel requests can never push a counter past its limit.
 */
export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The fixed window of `limit` that is open now, and the seconds until the next one. */
  window(limit: Limit): { start: number; retryAfter: number } {
    const now = epochSeconds(this.clock.now());
    const start = now - (now % limit.windowSeconds);
    return { start, retryAfter: Math.max(1, start + limit.windowSeconds - now) };
  }

  key(limit: Limit, subject: string): Key {
    return windowKey({ limit: limit.name, subject, start: this.window(limit).start });
  }

  /** Takes one unit, or throws RateLimitedError when the window is already full. */
  async hit(limit: Limit, subject: string): Promise<Reservation> {
    const { start, retryAfter } = this.window(limit);
    const count = await reserveUnit(this.db, { limit: limit.name, subject, start }, limit.max, start + limit.windowSeconds + 60);
    if (count === undefined) throw new RateLimitedError(retryAfter);
    return { limit, subject, windowStart: start, count };
  }

  /**
   * Takes one unit of every limit, in order, or none: the first refusal gives back what was taken
   * before it. Narrow limits go first, so a caller refused by one never touches a shared counter.
   */
  async hitAll(checks: [Limit, string][]): Promise<Reservation[]> {
    const taken: Reservation[] = [];
    try {
      for (const [limit, subject] of checks) taken.push(await this.hit(limit, subject));
      return taken;
    } catch (error) {
      await this.releaseAll(taken);
      throw error;
    }
  }

  /**
   * Gives a unit back to the window it was taken from (a send that failed downstream, a right
   * password), so it can never cancel a failure counted in a later window.
   */
  async release(taken: Reservation): Promise<void> {
    await releaseUnit(this.db, { limit: taken.limit.name, subject: taken.subject, start: taken.windowStart });
  }

  async releaseAll(taken: Reservation[]): Promise<void> {
    await Promise.all(taken.map((reservation) => this.release(reservation)));
  }

  /**
   * Whether a window is already full, judged from its item read elsewhere (usually in the same
   * BatchGet as the account, to save a round trip).
   */
  refusal(limit: Limit, item: Item | undefined): RateLimitedError | undefined {
    return windowCount(item) >= limit.max ? new RateLimitedError(this.window(limit).retryAfter) : undefined;
  }
}
