// Criterion 4 of the label, as the candidacy and the label award read it: the dues of the round
// are paid, i.e. the succeeded payments (net of refunds) reach the amount of the current invoice:
// lib/dues/payments.ts#settleDues keeps Dues.status PAID exactly then, and Dues.invoiceNumber the
// current invoice's number. This is the one definition of "paid" the other features read.
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";

export type DuesCriterion = { met: boolean; paidAt: Date | null; amountCents: number | null; invoiceNumber: string | null };

export async function duesCriterionOf(db: Db | Prisma.TransactionClient, organizationId: string, roundId: string): Promise<DuesCriterion> {
  const dues = await db.dues.findUnique({
    where: { organizationId_roundId: { organizationId, roundId } },
    select: { status: true, paidAt: true, amountCents: true, invoiceNumber: true },
  });
  const met = dues?.status === "PAID";
  return { met, paidAt: met ? (dues?.paidAt ?? null) : null, amountCents: dues?.amountCents ?? null, invoiceNumber: dues?.invoiceNumber ?? null };
}
