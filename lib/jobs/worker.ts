// Starts the background work of one process: the pg-boss workers for every job in the
// registry (with their cron schedules) and the outbox sender. Used by `npm start` (inside the
// launcher, next to the web server) and by `npm run worker` (alone, on any number of machines).
import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db/create-client";
import type { MailTransport } from "@/lib/notifications/mailer";
import { startOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from "@/lib/notifications/outbox-worker";
import { createBoss, type BossOptions } from "./boss";
import { JOB_HANDLERS, type JobDefinition } from "./registry";

export type WorkerOptions = {
  url: string;
  db: Db;
  transport: MailTransport;
  appUrl: string;
  log?: (line: string) => void;
  /** Replaces the registry (tests). */
  handlers?: Record<string, JobDefinition<never>>;
  boss?: BossOptions;
  /** Outbox settings (tests, benchmarks); `false` runs no outbox sender. */
  outbox?: Partial<OutboxWorkerOptions> | false;
};

export type RunningWorkers = {
  boss: PgBoss;
  outbox?: OutboxWorker;
  /** Stops fetching, lets running jobs finish (or return to the queue after the timeout), closes the pool. */
  stop(): Promise<void>;
};

/** Creates the queues (and schedules) of the registry, idempotently. */
export async function ensureQueues(boss: PgBoss, handlers: Record<string, JobDefinition<never>>) {
  for (const [name, definition] of Object.entries(handlers)) {
    const settings = {
      name,
      retryLimit: definition.retryLimit ?? 3,
      retryDelay: definition.retryDelay ?? 5,
      retryBackoff: definition.retryBackoff ?? true,
      expireInSeconds: definition.expireInSeconds ?? 120,
    };
    if (await boss.getQueue(name)) await boss.updateQueue(name, settings);
    else await boss.createQueue(name, settings);
    if (definition.cron) await boss.schedule(name, definition.cron, {}, { tz: "UTC", singletonKey: name });
    else await boss.unschedule(name).catch(() => {});
  }
}

export async function startWorkers(options: WorkerOptions): Promise<RunningWorkers> {
  const log = options.log ?? (() => {});
  const handlers = options.handlers ?? (JOB_HANDLERS as Record<string, JobDefinition<never>>);
  const boss = createBoss(options.url, options.boss);
  boss.on("error", (error) => log(`[jobs] ${error.message}`));
  await boss.start();
  await ensureQueues(boss, handlers);
  for (const [name, definition] of Object.entries(handlers)) {
    const batchSize = definition.concurrency ?? 5;
    let workerId = "";
    workerId = await boss.work<never>(name, { batchSize, pollingIntervalSeconds: options.boss?.pollingIntervalSeconds ?? 1 }, async (jobs) => {
      // pg-boss would fail or complete the whole batch together: each job is failed on its own
      // here (pg-boss then completes only those still active, i.e. those that succeeded).
      await Promise.all(
        jobs.map(async (job) => {
          try {
            await definition.handler(job.data, { db: options.db });
          } catch (error) {
            await boss.fail(name, job.id, error as object);
          }
        }),
      );
      // pg-boss 10 waits a polling interval after every fetch; a full batch means more are waiting.
      if (jobs.length >= batchSize) boss.notifyWorker(workerId);
    });
  }
  const outbox =
    options.outbox === false
      ? undefined
      : startOutboxWorker({ db: options.db, transport: options.transport, appUrl: options.appUrl, log, ...options.outbox });
  let stopping: Promise<void> | undefined;
  return {
    boss,
    outbox,
    stop() {
      stopping ??= (async () => {
        await outbox?.stop();
        // graceful: running jobs may finish within the timeout; unfinished ones expire and are retried.
        // (pg-boss marks them failed, so they are retried, not lost.)
        await boss.stop({ graceful: true, wait: true, timeout: 20_000 }).catch((error: unknown) => log(`[jobs] arrêt : ${String(error)}`));
      })();
      return stopping;
    },
  };
}

/** Installs pg-boss's schema and the registry's queues without running anything (a web-only start). */
export async function ensureJobSchema(url: string, handlers: Record<string, JobDefinition<never>> = JOB_HANDLERS as Record<string, JobDefinition<never>>) {
  const boss = createBoss(url, { max: 1, schedule: false });
  await boss.start();
  try {
    await ensureQueues(boss, handlers);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
