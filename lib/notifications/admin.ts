import "server-only";
// What administrators see of the e-mails and of the job queue: every message (sent, waiting,
// failed, skipped) with its attempts and last error, retrying a failed one, and the queue's
// health (jobs waiting, failed in the last 24 hours).
import { recordAudit } from "@/lib/audit/record";
import { requireAssociationPermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/auth/errors";
import type { Db } from "@/lib/db/create-client";
import type { OutboxStatus } from "@/lib/db/generated/enums";
import { JOB_SCHEMA } from "@/lib/jobs/boss";
import { templateOf } from "./render";
import { SIGN_IN_TEMPLATE } from "./send-now";

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  PENDING: "En attente",
  SENT: "Envoyé",
  FAILED: "Échec",
  SKIPPED: "Non envoyé (rappels désactivés)",
};

export async function listOutboxMessages(db: Db, actor: Actor, filter: { status?: OutboxStatus } = {}, take = 100) {
  requireAssociationPermission(actor, "messages:manage");
  const messages = await db.outboxMessage.findMany({
    where: filter.status ? { status: filter.status } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, to: true, subject: true, template: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true, nextAttemptAt: true, organizationId: true },
  });
  const organizationIds = [...new Set(messages.map((message) => message.organizationId).filter((id): id is string => id !== null))];
  const organizations = await db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true } });
  const names = new Map(organizations.map((organization) => [organization.id, organization.name]));
  return messages.map((message) => ({
    ...message,
    organizationName: message.organizationId ? (names.get(message.organizationId) ?? null) : null,
    retryable: message.status === "FAILED" && templateOf(message.template) !== undefined,
  }));
}

export type QueueHealth = {
  outbox: Record<OutboxStatus, number>;
  /** null when the queue's tables are not installed yet (no worker ever started). */
  jobs: { waiting: number; active: number; failedLast24h: number; queues: { name: string; waiting: number; failedLast24h: number }[] } | null;
};

export async function queueHealth(db: Db, actor: Actor): Promise<QueueHealth> {
  requireAssociationPermission(actor, "messages:manage");
  const grouped = await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const outbox: Record<OutboxStatus, number> = { PENDING: 0, SENT: 0, FAILED: 0, SKIPPED: 0 };
  for (const row of grouped) outbox[row.status] = row._count._all;
  const installed = await db.$queryRawUnsafe<{ present: boolean }[]>(`SELECT to_regclass('${JOB_SCHEMA}.job') IS NOT NULL AS present`);
  if (!installed[0]?.present) return { outbox, jobs: null };
  // Internal queues (pg-boss's own, named __pgboss__…) are left out.
  const rows = await db.$queryRawUnsafe<{ name: string; waiting: bigint; active: bigint; failed: bigint }[]>(`
    SELECT name,
      COUNT(*) FILTER (WHERE state IN ('created', 'retry')) AS waiting,
      COUNT(*) FILTER (WHERE state = 'active') AS active,
      COUNT(*) FILTER (WHERE state = 'failed' AND completed_on > now() - interval '24 hours') AS failed
    FROM (
      SELECT name, state, completed_on FROM ${JOB_SCHEMA}.job
      UNION ALL
      SELECT name, state, completed_on FROM ${JOB_SCHEMA}.archive WHERE state = 'failed' AND completed_on > now() - interval '24 hours'
    ) AS jobs
    WHERE name NOT LIKE '\\_\\_pgboss%'
    GROUP BY name ORDER BY name`);
  const queues = rows.map((row) => ({ name: row.name, waiting: Number(row.waiting), active: Number(row.active), failedLast24h: Number(row.failed) }));
  return {
    outbox,
    jobs: {
      waiting: queues.reduce((sum, queue) => sum + queue.waiting, 0),
      active: queues.reduce((sum, queue) => sum + queue.active, 0),
      failedLast24h: queues.reduce((sum, queue) => sum + queue.failedLast24h, 0),
      queues: queues.map(({ name, waiting, failedLast24h }) => ({ name, waiting, failedLast24h })),
    },
  };
}

/** Puts a failed message back in the queue, for a fresh series of attempts. */
export async function retryOutboxMessage(db: Db, actor: Actor, input: { messageId: string }) {
  requireAssociationPermission(actor, "messages:manage");
  return db.$transaction(async (tx) => {
    const message = await tx.outboxMessage.findUnique({ where: { id: String(input.messageId) }, select: { id: true, status: true, template: true, to: true, organizationId: true } });
    if (!message) throw new DomainError("Ce message n'existe plus.");
    if (message.template === SIGN_IN_TEMPLATE) {
      throw new DomainError("Un lien de connexion ne se renvoie pas : la personne en demande un nouveau sur la page de connexion.");
    }
    if (!templateOf(message.template)) throw new DomainError("Le modèle de ce message n'existe plus : il ne peut pas être renvoyé.");
    const claimed = await tx.outboxMessage.updateMany({
      where: { id: message.id, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lockedBy: null, lockedUntil: null },
    });
    if (claimed.count === 0) throw new DomainError("Ce message n'est pas en échec : il est déjà envoyé ou en attente.");
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: message.organizationId,
      action: "outbox.retried",
      targetType: "OutboxMessage",
      targetId: message.id,
      data: { to: message.to, template: message.template },
    });
    return { messageId: message.id };
  });
}
