import "server-only";
import { env } from "@/lib/config/env";
import { createPrismaClient, type Db } from "./create-client";

const globalForDb = globalThis as unknown as { __ccdDb?: Db };

function connect(): Db {
  const { DATABASE_URL, DATABASE_POOL_MAX } = env();
  if (!DATABASE_URL) {
    throw new Error(
      "DATABASE_URL n'est pas définie : lancez l'application avec `npm start` (base embarquée) ou définissez DATABASE_URL.",
    );
  }
  return createPrismaClient(DATABASE_URL, { max: DATABASE_POOL_MAX });
}

let client: Db | undefined;

/** The application's database client, created on first use. */
export function getDb(): Db {
  if (process.env.NODE_ENV === "development") {
    // Survive hot reloads without opening a new pool each time.
    globalForDb.__ccdDb ??= connect();
    return globalForDb.__ccdDb;
  }
  client ??= connect();
  return client;
}
