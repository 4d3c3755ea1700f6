// Fixed-window rate limits, one rule (`RateLimit`: so many hits per window, per key) counted in
// one of two places chosen by what a hit may cost:
//  - consumeRateLimit: in the database, so every instance of the application shares the
//    count (sign-in e-mails). One atomic statement per hit.
//  - consumeRateLimitInMemory: in this process, so a hit costs no write (public certificate
//    verification, open to anyone). Each instance counts its own clients.
//
// Why not rate-limiter-flexible's database stores? Its PostgreSQL store wants its own `pg` pool
// and creates its table itself, outside our migrations — a second pool on the embedded
// database, which serves one statement at a time. Its Prisma store fits better but spends two
// statements per hit (delete the expired row, then upsert) and purges on a timer per limiter
// instance. One INSERT … ON CONFLICT, already tested under concurrency, plus the purge below,
// is less code to trust. Its memory store counts the same fixed window and is used as it is.
import type { Db } from "@/lib/db/create-client";
import { RateLimiterMemory } from "rate-limiter-flexible";

export type RateLimit = { limit: number; windowMs: number };

/** Counts a hit on `key` in the database; true when it is still within the limit. */
export async function consumeRateLimit(db: Db, key: string, { limit, windowMs }: RateLimit, now = new Date()): Promise<boolean> {
  const resetAt = new Date(now.getTime() + windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimitBucket"."resetAt" END
    RETURNING "count"`;
  return (rows[0]?.count ?? Infinity) <= limit;
}

/** One memory counter per rule; it forgets each key when its window ends. */
const memoryCounters = new Map<string, RateLimiterMemory>();

/** Counts a hit on `key` in this process; true when it is still within the limit. */
export async function consumeRateLimitInMemory(key: string, { limit, windowMs }: RateLimit): Promise<boolean> {
  const rule = `${limit}/${windowMs}`;
  let counter = memoryCounters.get(rule);
  if (!counter) {
    counter = new RateLimiterMemory({ keyPrefix: rule, points: limit, duration: windowMs / 1000 });
    memoryCounters.set(rule, counter);
  }
  try {
    await counter.consume(key);
    return true;
  } catch {
    return false;
  }
}

/** Expired buckets are dead weight: removed now and then. */
export async function purgeExpiredRateLimits(db: Db, now = new Date()): Promise<number> {
  return db.rateLimitBucket.deleteMany({ where: { resetAt: { lte: now } } }).then((result) => result.count);
}

const PURGE_EVERY_MS = 5 * 60_000;
let lastPurge = 0;

/** Called on every hit; purges at most once every five minutes per process. */
export async function purgeExpiredRateLimitsNowAndThen(db: Db, now = new Date()): Promise<void> {
  if (now.getTime() - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = now.getTime();
  await purgeExpiredRateLimits(db, now).catch((error: unknown) => console.error("[rate-limit] purge failed", error));
}
