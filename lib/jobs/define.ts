// The shape of a background job kind (kept apart from registry.ts so that features' job files
// and the registry that lists them do not import each other).
import type { Db } from "@/lib/db/create-client";

export type JobContext = { db: Db };

export type JobDefinition<D> = {
  handler(data: D, context: JobContext): Promise<void>;
  /** Attempts after the first one (default 3), seconds before the first retry (default 5, doubled each time). */
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A job running longer is taken back and retried (default 120 s): keep jobs short. */
  expireInSeconds?: number;
  /** A cron expression (UTC): pg-boss sends one job per slot, whatever the number of workers. */
  cron?: string;
  /** Jobs of this kind one worker runs at once (default 5); the handler receives one job's data per call. */
  concurrency?: number;
};

/** Declares a job with its data type, so enqueueJob checks what a feature passes. */
export function jobDefinition<D>(definition: JobDefinition<D>): JobDefinition<D> {
  return definition;
}
