// Audit events: who did what, when, on which organization. Written in the same transaction as
// the change they describe.
import type { Prisma } from "@/lib/db/generated/client";

export type AuditInput = {
  actorId: string | null;
  organizationId?: string | null;
  /** Dotted verb: "organization.validated", "membership.role_changed"... */
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonValue;
};

export async function recordAudit(tx: Prisma.TransactionClient, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      organizationId: event.organizationId ?? null,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      data: event.data ?? {},
    },
  });
}
