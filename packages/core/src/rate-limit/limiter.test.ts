// Threat: a give-back landing in a later window would cancel failures counted there, handing an
// attacker extra guesses at every window boundary.
import { afterAll, beforeAll, expect, test } from "vitest";
import { RateLimitedError } from "@access-identity/core";
import { startTestCore, type TestCore } from "@access-identity/testing/core";
import { readItem } from "@access-identity/testing/store";

let core: TestCore;
beforeAll(async () => {
  core = await startTestCore();
});
afterAll(() => core.close());

const limit = { name: "limiterTest", max: 3, windowSeconds: 60 };

async function countNow(subject: string): Promise<number> {
  const { limiter } = core.deps;
  return ((await readItem(core.deps, limiter.key(limit, subject)))?.count as number | undefined) ?? 0;
}

test("a unit is given back to the window it was taken from, never to the next one", async () => {
  const { limiter } = core.deps;
  const taken = await limiter.hit(limit, "a");
  core.clock.advance(60); // the next window
  await limiter.hit(limit, "a");
  await limiter.hit(limit, "a");
  await limiter.release(taken);
  expect(await countNow("a")).toBe(2);
});

test("hitAll takes units in order and gives them all back when a later limit refuses", async () => {
  const { limiter } = core.deps;
  const full = { name: "limiterTestFull", max: 1, windowSeconds: 60 };
  await limiter.hit(full, "b");
  await expect(limiter.hitAll([[limit, "b"], [full, "b"]])).rejects.toBeInstanceOf(RateLimitedError);
  expect(await countNow("b")).toBe(0);
  // A refusal by the first limit never touches the second.
  const second = { name: "limiterTestSecond", max: 5, windowSeconds: 60 };
  await expect(limiter.hitAll([[full, "b"], [second, "b"]])).rejects.toBeInstanceOf(RateLimitedError);
  expect(await readItem(core.deps, limiter.key(second, "b"))).toBeUndefined();
});
