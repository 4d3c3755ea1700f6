import "server-only";
// The receipt (« acquit ») of paid dues: rendered from the dues, its current invoice and its
// payments; available only once the dues are paid.
import { requirePermission } from "@/lib/auth/access";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import type { Issuer } from "./config";
import { currentInvoiceWhere } from "./invoices";
import { renderReceiptPdf, type Buyer, type ReceiptForPdf } from "./pdf";

export async function receiptOf(db: Db, duesId: string): Promise<ReceiptForPdf | null> {
  const dues = await db.dues.findUnique({
    where: { id: duesId },
    select: {
      status: true,
      paidAt: true,
      amountCents: true,
      round: { select: { year: true } },
      invoices: { where: currentInvoiceWhere, orderBy: { sequence: "desc" }, take: 1, select: { number: true, buyer: true, seller: true } },
      payments: { where: { status: { in: ["SUCCEEDED", "REFUNDED"] } }, orderBy: { receivedAt: "asc" }, select: { receivedAt: true, amountCents: true, refundedCents: true, method: true, reference: true, createdAt: true } },
    },
  });
  const invoice = dues?.invoices[0];
  if (!dues || dues.status !== "PAID" || !dues.paidAt || !invoice) return null;
  return {
    invoiceNumber: invoice.number,
    roundYear: dues.round.year,
    amountCents: dues.amountCents,
    paidAt: dues.paidAt,
    buyer: invoice.buyer as Buyer,
    seller: invoice.seller as Issuer,
    payments: dues.payments
      .filter((payment) => payment.amountCents > payment.refundedCents)
      .map((payment) => ({ receivedAt: payment.receivedAt ?? payment.createdAt, amountCents: payment.amountCents - payment.refundedCents, method: payment.method, reference: payment.reference })),
  };
}

export async function receiptDownload(db: Db, actor: ActorGrants, duesId: string) {
  const dues = await db.dues.findUnique({ where: { id: duesId }, select: { organizationId: true } });
  if (!dues) return null;
  await requirePermission(db, actor, dues.organizationId, "dues:read");
  const receipt = await receiptOf(db, duesId);
  if (!receipt) return null;
  return { filename: `acquit-${receipt.invoiceNumber}.pdf`, contentType: "application/pdf", content: await renderReceiptPdf(receipt) };
}
