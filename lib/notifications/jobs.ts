// Background jobs of the notifications domain (registered in lib/jobs/registry.ts).
import type { JobDefinition } from "@/lib/jobs/define";

export const notificationJobs = {} satisfies Record<string, JobDefinition<never>>;
