// Every kind of background job, by name. A feature declares its handlers in its own folder
// (lib/<domain>/jobs.ts) and adds one spread line below; workers register them all, and
// enqueueJob(tx, name, data) only accepts names listed here with the data they expect.
import type { Db } from "@/lib/db/create-client";
import { notificationJobs } from "@/lib/notifications/jobs";

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

// Features add their jobs here: `...certificateJobs,` imported from "@/lib/certificates/jobs".
export const JOB_HANDLERS = {
  ...notificationJobs,
} satisfies Record<string, JobDefinition<never>>;

export type JobName = keyof typeof JOB_HANDLERS;
export type JobData<N extends JobName> = (typeof JOB_HANDLERS)[N] extends JobDefinition<infer D> ? D : never;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOB_HANDLERS, name);
}
