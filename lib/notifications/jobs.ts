// Background jobs of the notifications domain (registered in lib/jobs/registry.ts).
import { jobDefinition, type JobDefinition } from "@/lib/jobs/define";
import { queueDeadlineReminders } from "./reminders";

export const notificationJobs = {
  // Every morning (07:00 in Paris in winter, 08:00 in summer): one job per day whatever the
  // number of workers (pg-boss owns the schedule); the reminders themselves are keyed.
  "notifications.deadline-reminders": jobDefinition<Record<string, never>>({
    cron: "0 6 * * *",
    expireInSeconds: 600,
    async handler(_data, { db }) {
      await queueDeadlineReminders(db);
    },
  }),
} satisfies Record<string, JobDefinition<never>>;
