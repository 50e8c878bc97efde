import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { epochSeconds, type Clock } from "../clock.js";
import { isConditionFailed, type Db } from "../db/client.js";
import { keys, type Key } from "../db/keys.js";
import { RateLimitedError } from "../errors.js";
import type { Limit } from "./limits.js";

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

  /** Consumes one unit and returns the window's new count, or throws RateLimitedError when it is already full. */
  async hit(limit: Limit, subject: string): Promise<number> {
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
      return out.Attributes?.count as number;
    } catch (error) {
      if (isConditionFailed(error)) throw new RateLimitedError(retryAfter);
      throw error;
    }
  }

  /** Consumes one unit of every limit (in parallel), or none: a refused limit gives back what the others took. */
  async hitAll(checks: [Limit, string][]): Promise<void> {
    const results = await Promise.allSettled(checks.map(([limit, subject]) => this.hit(limit, subject)));
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (!refused) return;
    await this.releaseAll(checks.filter((_, i) => results[i]!.status === "fulfilled"));
    throw refused.reason;
  }

  /** Gives a unit back (a send that failed downstream should not eat the user's allowance). */
  async release(limit: Limit, subject: string): Promise<void> {
    const { start } = this.window(limit);
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.table,
          Key: keys.rateCounter(limit.name, subject, start),
          UpdateExpression: "ADD #count :minus",
          // Never below zero, and never into a window that rolled over meanwhile.
          ConditionExpression: "#count > :zero",
          ExpressionAttributeNames: { "#count": "count" },
          ExpressionAttributeValues: { ":minus": -1, ":zero": 0 },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }

  async releaseAll(taken: [Limit, string][]): Promise<void> {
    await Promise.all(taken.map(([limit, subject]) => this.release(limit, subject)));
  }

  /**
   * For limits that count failures only: whether the window is already full, judged from an item
   * read elsewhere (usually in the same BatchGet as the account, to save a round trip).
   */
  refusal(limit: Limit, item: Record<string, unknown> | undefined): RateLimitedError | undefined {
    const count = typeof item?.count === "number" ? item.count : 0;
    return count >= limit.max ? new RateLimitedError(this.window(limit).retryAfter) : undefined;
  }

  async check(limit: Limit, subject: string): Promise<void> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.table, Key: this.key(limit, subject), ConsistentRead: true }),
    );
    const refusal = this.refusal(limit, Item);
    if (refusal) throw refusal;
  }

  /**
   * Records a failure and returns whether this one filled the window (a lock just began); a full
   * window just stays full (the refusal comes from `check`/`refusal`).
   */
  async recordFailure(limit: Limit, subject: string): Promise<boolean> {
    try {
      return (await this.hit(limit, subject)) === limit.max;
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      return false;
    }
  }
}
