// The transactional outbox: a feature writes the message in the same transaction as the change
// that causes it, so a rolled-back change sends nothing, and a worker sends it later (retries,
// SMTP down = waiting). The idempotency key makes a retried or duplicated change send once.
import type { Prisma } from "@/lib/db/generated/client";
import type { EmailTemplateData, EmailTemplateName } from "./templates";

export type QueuedEmail<N extends EmailTemplateName = EmailTemplateName> = {
  to: string;
  template: N;
  data: EmailTemplateData<N>;
  /** Never two messages for one key: e.g. `review.returned:${decisionId}:${email}`. */
  idempotencyKey: string;
  organizationId?: string | null;
};

/** Writes the message to send. Call it with the transaction of the change that causes it. */
export async function queueEmail<N extends EmailTemplateName>(tx: Prisma.TransactionClient, email: QueuedEmail<N>): Promise<void> {
  await tx.outboxMessage.createMany({
    data: [
      {
        idempotencyKey: email.idempotencyKey,
        to: email.to.trim().toLowerCase(),
        template: email.template,
        data: (email.data ?? {}) as Prisma.InputJsonValue,
        organizationId: email.organizationId ?? null,
      },
    ],
    // The same key again (a retry, a duplicate event) is the same message: keep the first.
    skipDuplicates: true,
  });
}
