// Fixed-window rate limits kept in the database, so every instance of the application shares
// them. One atomic statement per hit.
//
// Why not rate-limiter-flexible (installed)? Its PostgreSQL store wants its own `pg` pool and
// creates its table itself, outside our migrations — a second pool on the embedded database,
// which serves one statement at a time. Its Prisma store fits better but spends two
// statements per hit (delete the expired row, then upsert) and purges on a timer per limiter
// instance. One INSERT … ON CONFLICT, already tested under concurrency, plus the purge below,
// is less code to trust.
import type { Db } from "@/lib/db/create-client";

export type RateLimit = { limit: number; windowMs: number };

/** Sign-in e-mails: per address, and per IP (a school or a mairie may share one). */
export const SIGN_IN_LIMITS = {
  perEmail: { limit: 5, windowMs: 15 * 60_000 },
  perIp: { limit: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimit>;

/** Counts a hit on `key`; true when it is still within the limit. */
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
