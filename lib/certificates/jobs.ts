// The certificate's background jobs (registered in lib/jobs/registry.ts):
// - `certificate.issue` { labelId }: issues the label's pending certificate, sent in the
//   transaction that awards the label (singletonKey = label id) or reserves a reissue
//   (singletonKey = label id : generation). Retried by pg-boss; idempotent (issue.ts).
// - `certificate.sweep`, every 5 minutes: issues whatever is still pending after the fast path
//   (a job that used up its retries, a label awarded where no worker had ever created the
//   queues). So a certificate is never lost, only late, and the failures stay visible.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { jobDefinition, type JobDefinition } from "@/lib/jobs/define";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { CERTIFICATE_ISSUE_JOB, issueCertificate, runCertificateIssueJob, type CertificateIssueJobData } from "./issue";

/** Labels left for the sweep: older than this, so it does not race the fast path. */
const SWEEP_AFTER_MS = 2 * 60_000;
const SWEEP_BATCH = 50;

/** Issues up to SWEEP_BATCH pending certificates, oldest first; returns how many it tried. */
export async function sweepPendingCertificates(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - SWEEP_AFTER_MS);
  const labels = await db.label.findMany({
    where: {
      revokedAt: null,
      awardedAt: { lte: before },
      OR: [{ certificates: { none: {} } }, { certificates: { some: { issuedAt: null, createdAt: { lte: before } } } }],
    },
    orderBy: { awardedAt: "asc" },
    take: SWEEP_BATCH,
    select: { id: true },
  });
  for (const label of labels) {
    // A failure is already counted on the reserved row; the next sweep tries again.
    await issueCertificate(db, label.id).catch(() => undefined);
  }
  return labels.length;
}

export const certificateJobs = {
  [CERTIFICATE_ISSUE_JOB]: jobDefinition<CertificateIssueJobData>({
    handler: runCertificateIssueJob,
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: 120,
    // Rendering and signing are CPU work on Node's one thread: two at once only interleave.
    concurrency: 1,
  }),
  "certificate.sweep": jobDefinition<Record<string, never>>({
    cron: "*/5 * * * *",
    expireInSeconds: 600,
    concurrency: 1,
    async handler(_data, { db }) {
      await sweepPendingCertificates(db);
    },
  }),
} satisfies Record<string, JobDefinition<never>>;

async function queueExists(tx: Prisma.TransactionClient, name: string): Promise<boolean> {
  // Asked first, so a database where no worker ever started (pg-boss creates its schema and
  // queues then) never sees a failing INSERT abort the caller's transaction.
  const [row] = await tx.$queryRaw<{ ready: boolean }[]>`SELECT to_regclass('pgboss.queue') IS NOT NULL AS "ready"`;
  if (!row?.ready) return false;
  const queues = await tx.$queryRaw<{ name: string }[]>`SELECT "name" FROM "pgboss"."queue" WHERE "name" = ${name}`;
  return queues.length > 0;
}

/**
 * Asks for the label's pending certificate to be issued, in the caller's transaction (nothing
 * is asked if it rolls back). Without queues yet, the sweep issues it once a worker runs.
 */
export async function scheduleCertificateIssue(tx: Prisma.TransactionClient, labelId: string, generation = 1): Promise<void> {
  if (!(await queueExists(tx, CERTIFICATE_ISSUE_JOB))) return;
  await enqueueJob(tx, CERTIFICATE_ISSUE_JOB, { labelId }, { singletonKey: generation === 1 ? labelId : `${labelId}:${generation}` });
}
