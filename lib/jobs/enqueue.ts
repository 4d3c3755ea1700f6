// Sending a background job from inside the application's transaction: the job exists if and
// only if the transaction commits. The INSERT is pg-boss's own, run on the transaction's
// connection (pg-boss `send(..., { db })`), never on another pool: on the embedded database a
// second connection would wait for this very transaction to end.
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import { JOB_SCHEMA, jobSqlBuilder } from "./boss";
import type { JobData, JobName } from "./registry";

export type EnqueueOptions = {
  /**
   * The same key (per job name) is the same job: a second send is dropped while pg-boss keeps
   * the first (waiting, running, or finished within the retention of 7 days).
   */
  singletonKey?: string;
  /** Not before this moment (a Date), or in this many seconds. */
  startAfter?: Date | number;
};

type RawRunner = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

/** pg-boss's values, shaped for Prisma's raw queries (JSON as text, no undefined). */
function toSqlValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return value;
}

export function txExecutor(tx: RawRunner) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values.map(toSqlValue));
      return { rows };
    },
  };
}

/** A job id derived from its name and key (a UUID, as pg-boss wants), so a repeat collides. */
export function jobIdFor(name: string, singletonKey: string): string {
  const hex = createHash("sha256").update(`${name}\u0000${singletonKey}`).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class UnknownQueueError extends Error {
  constructor(readonly queue: string) {
    super(`La file de tâches « ${queue} » n'existe pas encore : démarrez l'application (npm start) ou un worker (npm run worker) une fois.`);
  }
}

/**
 * Sends a job in the transaction `tx`. Returns its id, or null when a job with the same
 * singletonKey is already waiting. Throws when the queue was never created (no worker ever
 * started on this database), rather than losing the job.
 */
export async function enqueueJob<N extends JobName>(
  tx: RawRunner,
  name: N,
  data: JobData<N>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const db = txExecutor(tx);
  const id = await jobSqlBuilder().send(name, (data ?? {}) as object, {
    db,
    // pg-boss 10 dedupes singletonKey only on some queue policies; a derived id works on all.
    ...(options.singletonKey ? { id: jobIdFor(name, options.singletonKey), singletonKey: options.singletonKey } : {}),
    ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
  });
  if (id) return id;
  const { rows } = await db.executeSql(`SELECT 1 FROM ${JOB_SCHEMA}.queue WHERE name = $1`, [name]);
  if (rows.length === 0) throw new UnknownQueueError(name);
  return null;
}
