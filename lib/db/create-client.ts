// Builds a Prisma client on the pg driver. Kept free of `server-only` so command-line
// scripts (migrations, import, seed, benchmarks) can use it; the app imports lib/db/client.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

export type PoolOptions = {
  /** Connections kept open at most. */
  max?: number;
  idleTimeoutMillis?: number;
  connectionTimeoutMillis?: number;
};

export function createPrismaClient(connectionString: string, pool: PoolOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: pool.max ?? 10,
    idleTimeoutMillis: pool.idleTimeoutMillis ?? 30_000,
    connectionTimeoutMillis: pool.connectionTimeoutMillis ?? 10_000,
  });
  return new PrismaClient({ adapter });
}
