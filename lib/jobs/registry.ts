// Every kind of background job, by name. A feature declares its handlers in its own folder
// (lib/<domain>/jobs.ts) and adds one spread line below; workers register them all, and
// enqueueJob(tx, name, data) only accepts names listed here with the data they expect.
import { certificateJobs } from "@/lib/certificates/jobs";
import { notificationJobs } from "@/lib/notifications/jobs";
import { progressionJobs } from "@/lib/progression/jobs";
import type { JobDefinition } from "./define";

export { jobDefinition, type JobContext, type JobDefinition } from "./define";

// Features add their jobs here: `...certificateJobs,` imported from "@/lib/certificates/jobs".
export const JOB_HANDLERS = {
  ...notificationJobs,
  ...progressionJobs,
  ...certificateJobs,
} satisfies Record<string, JobDefinition<never>>;

export type JobName = keyof typeof JOB_HANDLERS;
export type JobData<N extends JobName> = (typeof JOB_HANDLERS)[N] extends JobDefinition<infer D> ? D : never;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOB_HANDLERS, name);
}
