// Threat: a give-back landing in a later window would cancel failures counted there, handing an
// attacker extra guesses at every window boundary.
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/functions/testing/harness";
import { RateLimitedError } from "../errors.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const limit = { name: "limiterTest", max: 3, windowSeconds: 60 };

async function countNow(subject: string): Promise<number> {
  const { db, limiter } = api.server.deps;
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: limiter.key(limit, subject), ConsistentRead: true }));
  return (Item?.count as number | undefined) ?? 0;
}

test("a unit is given back to the window it was taken from, never to the next one", async () => {
  const { limiter } = api.server.deps;
  const taken = await limiter.hit(limit, "a");
  api.clock.advance(60); // the next window
  await limiter.hit(limit, "a");
  await limiter.hit(limit, "a");
  await limiter.release(taken);
  expect(await countNow("a")).toBe(2);
});

test("hitAll takes units in order and gives them all back when a later limit refuses", async () => {
  const { limiter } = api.server.deps;
  const full = { name: "limiterTestFull", max: 1, windowSeconds: 60 };
  await limiter.hit(full, "b");
  await expect(limiter.hitAll([[limit, "b"], [full, "b"]])).rejects.toBeInstanceOf(RateLimitedError);
  expect(await countNow("b")).toBe(0);
  // A refusal by the first limit never touches the second.
  const second = { name: "limiterTestSecond", max: 5, windowSeconds: 60 };
  await expect(limiter.hitAll([[full, "b"], [second, "b"]])).rejects.toBeInstanceOf(RateLimitedError);
  const { db } = api.server.deps;
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: limiter.key(second, "b"), ConsistentRead: true }));
  expect(Item).toBeUndefined();
});
