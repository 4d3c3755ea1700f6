import "server-only";
// Payments: transfers recorded by the treasurer (by hand or confirmed from a bank statement) and
// card payments recorded by the Stripe webhook. Every path ends in settleDues, in the same
// transaction, after lockLabelFile: the dues become PAID when the succeeded payments (net of
// refunds) reach the invoice's amount, and the label is awarded if the candidacy is approved.
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import { DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { awardLabelIfEligible, lockLabelFile } from "@/lib/label/award";
import { queueEmail } from "@/lib/notifications/outbox";
import { parisStartOfDay } from "@/lib/validation/date";
import { currentInvoiceWhere } from "./invoices";
import { MONEY_TRANSACTION } from "./numbering";
import { formatEuros } from "./money";
import type { Buyer } from "./pdf";
import { recordTransferSchema } from "./schemas";
import { changingPublicLabels } from "@/lib/public/cache";

type Tx = Prisma.TransactionClient;

export type Settlement = { status: "DUE" | "PAID" | "CANCELLED"; paidCents: number; amountCents: number; overpaidCents: number; becamePaid: boolean; reopened: boolean };

/**
 * Recomputes the dues from their payments. Call after lockLabelFile(tx, organizationId), in the
 * transaction that changed a payment; it awards the label last when the dues become paid.
 */
export async function settleDues(tx: Tx, duesId: string, actorId: string | null): Promise<Settlement> {
  const dues = await tx.dues.findUniqueOrThrow({
    where: { id: duesId },
    select: {
      id: true,
      organizationId: true,
      roundId: true,
      amountCents: true,
      status: true,
      paidAt: true,
      invoices: { where: currentInvoiceWhere, orderBy: { sequence: "desc" }, take: 1, select: { id: true, number: true, buyer: true } },
      payments: { where: { status: { in: ["SUCCEEDED", "REFUNDED"] } }, select: { amountCents: true, refundedCents: true, receivedAt: true } },
    },
  });
  const paidCents = dues.payments.reduce((sum, payment) => sum + payment.amountCents - payment.refundedCents, 0);
  const current = dues.invoices[0];
  const paid = current !== undefined && paidCents >= dues.amountCents;
  const status = current === undefined ? "CANCELLED" : paid ? "PAID" : "DUE";
  const becamePaid = paid && dues.status !== "PAID";
  const reopened = !paid && dues.status === "PAID";
  const lastReceived = dues.payments.map((payment) => payment.receivedAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  const paidAt = paid ? (becamePaid ? new Date(lastReceived || Date.now()) : dues.paidAt) : null;
  await tx.dues.update({ where: { id: dues.id }, data: { paidCents, status, paidAt } });
  if (becamePaid) {
    await recordAudit(tx, { actorId, organizationId: dues.organizationId, action: "dues.paid", targetType: "Dues", targetId: dues.id, data: { invoice: current.number, paidCents } });
    await queueEmail(tx, {
      to: (current.buyer as Buyer).invoiceEmail,
      template: "dues.receipt",
      data: { duesId: dues.id },
      // One receipt per invoice paid (a reopened then repaid invoice sends it again).
      idempotencyKey: `dues.receipt:${current.id}:${paidCents}`,
      organizationId: dues.organizationId,
    });
  }
  if (reopened) {
    await recordAudit(tx, { actorId, organizationId: dues.organizationId, action: "dues.reopened", targetType: "Dues", targetId: dues.id, data: { paidCents, amountCents: dues.amountCents } });
  }
  await awardLabelIfEligible(tx, { organizationId: dues.organizationId, roundId: dues.roundId, actorId });
  return { status, paidCents, amountCents: dues.amountCents, overpaidCents: Math.max(0, paidCents - dues.amountCents), becamePaid, reopened };
}

/** The organization a dues row belongs to, for the permission check (tenant from the resource). */
export async function organizationOfDues(db: Db | Tx, duesId: string): Promise<string | null> {
  const dues = await db.dues.findUnique({ where: { id: duesId }, select: { organizationId: true } });
  return dues?.organizationId ?? null;
}

export type TransferInput = { duesId: string; receivedOn: string; amount: string; reference: string; mandateNumber?: string };

/** The treasurer records a transfer received; partial transfers add up. */
export async function recordTransfer(db: Db, actor: ActorGrants, raw: TransferInput, options: { bankLineId?: string } = {}) {
  const input = recordTransferSchema.parse(raw);
  const organizationId = await organizationOfDues(db, input.duesId);
  if (!organizationId) throw new DomainError("Cette cotisation n'existe pas : rechargez la page.");
  await requirePermission(db, actor, organizationId, "dues:record");
  const receivedAt = parisStartOfDay(input.receivedOn);
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > Date.now() + 24 * 3600_000) {
    throw new DomainError("La date de réception ne peut pas être dans le futur.", "receivedOn");
  }
  return changingPublicLabels(db.$transaction(async (tx) => {
    await lockLabelFile(tx, organizationId);
    const dues = await tx.dues.findUniqueOrThrow({ where: { id: input.duesId }, select: { id: true, status: true, amountCents: true, paidCents: true } });
    if (dues.status === "CANCELLED") {
      throw new DomainError("La facture de cette cotisation est annulée : émettez d'abord la facture corrigée, puis enregistrez le virement.");
    }
    const payment = await tx.payment.create({
      data: {
        duesId: dues.id,
        method: "TRANSFER",
        status: "SUCCEEDED",
        amountCents: input.amount,
        reference: input.reference,
        mandateNumber: input.mandateNumber,
        receivedAt,
        recordedById: actor.userId,
        bankLineId: options.bankLineId ?? null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId,
      action: "dues.transfer_recorded",
      targetType: "Payment",
      targetId: payment.id,
      data: { amountCents: input.amount, reference: input.reference, mandateNumber: input.mandateNumber ?? null, bankLineId: options.bankLineId ?? null },
    });
    const settlement = await settleDues(tx, dues.id, actor.userId);
    if (settlement.overpaidCents > 0) {
      await recordAudit(tx, {
        actorId: actor.userId,
        organizationId,
        action: "dues.overpaid",
        targetType: "Dues",
        targetId: dues.id,
        data: { overpaidCents: settlement.overpaidCents },
      });
    }
    return { organizationId, paymentId: payment.id, ...settlement };
  }, MONEY_TRANSACTION));
}

/** The sentence the treasurer reads after recording. */
export function settlementMessage(settlement: Settlement): string {
  if (settlement.overpaidCents > 0) {
    return `Virement enregistré. Attention : trop-perçu de ${formatEuros(settlement.overpaidCents)} (reçu ${formatEuros(settlement.paidCents)} pour ${formatEuros(settlement.amountCents)}) — à rembourser ou à reprendre avec la commune.`;
  }
  if (settlement.status === "PAID") return "Virement enregistré : la cotisation est réglée, l'acquit part à la mairie.";
  return `Virement enregistré : reste à payer ${formatEuros(settlement.amountCents - settlement.paidCents)}.`;
}
