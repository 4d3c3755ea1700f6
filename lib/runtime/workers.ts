// Starting this process's background work from the configuration: used by the launcher
// (`npm start`) and by `npm run worker`.
import { env } from "@/lib/config/env";
import { createPrismaClient } from "@/lib/db/create-client";
import { startWorkers, type RunningWorkers } from "@/lib/jobs/worker";
import { configuredTransport } from "@/lib/notifications/mailer";

export async function startConfiguredWorkers(url: string, log: (line: string) => void): Promise<RunningWorkers & { close(): Promise<void> }> {
  const config = env();
  const db = createPrismaClient(url, { max: 4 });
  const workers = await startWorkers({
    url,
    db,
    transport: configuredTransport(db),
    appUrl: config.APP_URL,
    log,
    outbox: { pollMs: config.OUTBOX_POLL_MS },
  });
  return {
    ...workers,
    async close() {
      await workers.stop();
      await db.$disconnect();
    },
  };
}
