import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { consumeRateLimit, purgeExpiredRateLimits } from "./rate-limit";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

// The same rule counted in memory is tested in rate-limit.test.ts.
describe("consumeRateLimit", () => {
  const rule = { limit: 3, windowMs: 60_000 };
  const t0 = new Date("2026-11-22T10:00:00Z");

  it("allows up to the limit within a window, then refuses", async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await consumeRateLimit(db, "email:a@b.fr", rule, t0));
    expect(results).toEqual([true, true, true, false, false]);
  });

  it("counts keys separately", async () => {
    expect(await consumeRateLimit(db, "email:other@b.fr", rule, t0)).toBe(true);
  });

  it("opens a new window once the previous one is over", async () => {
    expect(await consumeRateLimit(db, "email:a@b.fr", rule, new Date(t0.getTime() + 61_000))).toBe(true);
  });

  it("stays exact under concurrent hits", async () => {
    const hits = await Promise.all(Array.from({ length: 10 }, () => consumeRateLimit(db, "ip:1.2.3.4", rule, t0)));
    expect(hits.filter(Boolean)).toHaveLength(3);
  });

  it("purges expired buckets", async () => {
    expect(await purgeExpiredRateLimits(db, new Date(t0.getTime() + 10 * 60_000))).toBeGreaterThan(0);
  });
});
