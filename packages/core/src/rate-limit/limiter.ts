import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { epochSeconds, type Clock } from "../clock.js";
import { isConditionFailed, writeIf, type Db } from "../db/client.js";
import { keys, type Key } from "../db/keys.js";
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

  private window(limit: Limit) {
    const now = epochSeconds(this.clock.now());
    const start = now - (now % limit.windowSeconds);
    return { start, retryAfter: Math.max(1, start + limit.windowSeconds - now) };
  }

  key(limit: Limit, subject: string): Key {
    return keys.rateCounter(limit.name, subject, this.window(limit).start);
  }

  /** Takes one unit, or throws RateLimitedError when the window is already full. */
  async hit(limit: Limit, subject: string): Promise<Reservation> {
    const { start, retryAfter } = this.window(limit);
    try {
      const out = await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.table,
          Key: keys.rateCounter(limit.name, subject, start),
          UpdateExpression: "ADD #count :one SET expiresAt = :expires",
          // Invariant: a window never counts more than its limit.
          ConditionExpression: "attribute_not_exists(#count) OR #count < :max",
          ExpressionAttributeNames: { "#count": "count" },
          ExpressionAttributeValues: { ":one": 1, ":max": limit.max, ":expires": start + limit.windowSeconds + 60 },
          ReturnValues: "UPDATED_NEW",
        }),
      );
      return { limit, subject, windowStart: start, count: out.Attributes?.count as number };
    } catch (error) {
      if (isConditionFailed(error)) throw new RateLimitedError(retryAfter);
      throw error;
    }
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
    await writeIf(
      this.db,
      new UpdateCommand({
        TableName: this.db.table,
        Key: keys.rateCounter(taken.limit.name, taken.subject, taken.windowStart),
        UpdateExpression: "ADD #count :minus",
        // Never below zero.
        ConditionExpression: "#count > :zero",
        ExpressionAttributeNames: { "#count": "count" },
        ExpressionAttributeValues: { ":minus": -1, ":zero": 0 },
      }),
    );
  }

  async releaseAll(taken: Reservation[]): Promise<void> {
    await Promise.all(taken.map((reservation) => this.release(reservation)));
  }

  /**
   * Whether a window is already full, judged from its item read elsewhere (usually in the same
   * BatchGet as the account, to save a round trip).
   */
  refusal(limit: Limit, item: Record<string, unknown> | undefined): RateLimitedError | undefined {
    const count = typeof item?.count === "number" ? item.count : 0;
    return count >= limit.max ? new RateLimitedError(this.window(limit).retryAfter) : undefined;
  }
}
