// The job queue: pg-boss 10 on the application's own database (schema "pgboss", created by
// pg-boss itself when a worker starts). Settings shared by every process that runs jobs.
// Why pg-boss 10 and these settings: docs/decisions/007-job-queue.md.
import PgBoss from "pg-boss";

export const JOB_SCHEMA = "pgboss";

export type BossOptions = {
  /** Connections pg-boss keeps for itself (fetch, complete, maintenance). */
  max?: number;
  /** How often a worker with nothing to do asks for jobs again. */
  pollingIntervalSeconds?: number;
  /** Run the cron schedules (every worker does: pg-boss sends each slot once). */
  schedule?: boolean;
};

/**
 * A pg-boss instance for a worker process. No LISTEN/NOTIFY is involved (pg-boss 10 polls),
 * which matters on PGlite's socket server where notifications are not delivered.
 */
export function createBoss(connectionString: string, options: BossOptions = {}): PgBoss {
  return new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    application_name: "ccd-worker",
    max: options.max ?? 4,
    // Installs or upgrades the schema at start (advisory-locked: several workers may start at once).
    migrate: true,
    // Expires jobs of killed workers and archives old ones; each run is locked across workers.
    supervise: true,
    maintenanceIntervalSeconds: 30,
    monitorStateIntervalSeconds: 60,
    schedule: options.schedule ?? true,
    // Cron slots are checked often so a schedule fires in its minute; pg-boss sends each slot once.
    cronMonitorIntervalSeconds: 10,
    cronWorkerIntervalSeconds: 5,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
    // Defaults for every queue; a job kind may override them in the registry.
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
    // pg-boss 10 has no heartbeat: a job whose worker died is retried once it expires. Jobs here
    // are short (a database change, an e-mail), so a killed worker's job comes back in minutes,
    // not after pg-boss's default quarter of an hour.
    expireInSeconds: 120,
    retentionDays: 7,
    deleteAfterDays: 7,
  });
}

/** Only to build pg-boss's INSERT for a job sent through another connection (see enqueue.ts). */
let sqlBuilder: PgBoss | undefined;
export function jobSqlBuilder(): PgBoss {
  sqlBuilder ??= new PgBoss({
    db: {
      executeSql: () => {
        throw new Error("Les tâches s'envoient par enqueueJob(tx, …), dans la transaction de l'application.");
      },
    },
    schema: JOB_SCHEMA,
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 120,
  });
  return sqlBuilder;
}
