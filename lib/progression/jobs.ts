// Background jobs of the renewal (registered in lib/jobs/registry.ts): every morning, the
// reminders of labels reaching 3 months or 1 month before their end (lib/progression/reminders.ts;
// once per label and date whatever the number of workers or retries).
import { jobDefinition, type JobDefinition } from "@/lib/jobs/define";
import { queueRenewalReminders } from "./reminders";

export const progressionJobs = {
  // The cron sends {}; `at` (an ISO instant) replays a given day, for tests and a missed morning.
  "progression.renewal_reminders": jobDefinition<{ at?: string }>({
    // 05:00 UTC: before the mairie opens, whatever the season in Paris.
    cron: "0 5 * * *",
    async handler(data, { db }) {
      const run = await queueRenewalReminders(db, data.at ? new Date(data.at) : new Date());
      if (run.messages > 0) console.log(`[progression] rappels de renouvellement : ${run.messages} courriels pour ${run.queued} labels`);
    },
  }),
} satisfies Record<string, JobDefinition<never>>;
