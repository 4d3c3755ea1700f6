import { describe, expect, it } from "vitest";
import { consumeRateLimitInMemory } from "./rate-limit";

// The database counter is tested in rate-limit.db.test.ts; this one counts the same rule in memory.
describe("consumeRateLimitInMemory", () => {
  const rule = { limit: 3, windowMs: 60_000 };

  it("allows up to the limit within a window, then refuses", async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await consumeRateLimitInMemory("memory:a", rule));
    expect(results).toEqual([true, true, true, false, false]);
  });

  it("counts keys, and rules, separately", async () => {
    expect(await consumeRateLimitInMemory("memory:b", rule)).toBe(true);
    expect(await consumeRateLimitInMemory("memory:a", { limit: 10, windowMs: 60_000 })).toBe(true);
  });

  it("opens a new window once the previous one is over", async () => {
    const short = { limit: 1, windowMs: 1000 };
    expect(await consumeRateLimitInMemory("memory:c", short)).toBe(true);
    expect(await consumeRateLimitInMemory("memory:c", short)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await consumeRateLimitInMemory("memory:c", short)).toBe(true);
  });
});
