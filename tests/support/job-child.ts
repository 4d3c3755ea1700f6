// A separate pg-boss worker process, for the fault test that kills it in the middle of a job.
// Env: DATABASE_URL. Its handler of "test.slow" notes that it started, then never finishes.
import { createPrismaClient } from "@/lib/db/create-client";
import { jobDefinition, type JobDefinition } from "@/lib/jobs/define";
import { startWorkers } from "@/lib/jobs/worker";

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
const handlers = {
  "test.slow": jobDefinition<{ key: string }>({
    expireInSeconds: 3,
    retryDelay: 1,
    async handler(data) {
      await db.devMailboxMessage.create({ data: { to: `started:${data.key}`, subject: "child", text: "" } });
      await new Promise((resolve) => setTimeout(resolve, 120_000));
    },
  }),
} as unknown as Record<string, JobDefinition<never>>;
await startWorkers({
  url: process.env.DATABASE_URL!,
  db,
  transport: async () => {},
  appUrl: "http://localhost:3000",
  handlers,
  outbox: false,
  boss: { pollingIntervalSeconds: 0.5, max: 2, schedule: false, maintenanceIntervalSeconds: 1 },
});
console.log("ready");
