import "server-only";
// Issuing invoices and credit notes. The number comes from InvoiceSequence, incremented in the
// issuing transaction under the row's lock: a rolled-back issuance gives its number back, two
// issuances never get the same one, and numbers follow issuance order (continuous, no gap).
// An invoice row is never changed afterwards (trigger); a credit note cancels it.
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import { DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { lockLabelFile } from "@/lib/label/award";
import { queueEmail } from "@/lib/notifications/outbox";
import { findOpenRound } from "@/lib/rounds/open-round";
import { billingSelect } from "./billing";
import { issuerOf, type Issuer } from "./config";
import { formatInvoiceNumber, invoiceYearOf, MONEY_TRANSACTION } from "./numbering";
import { renderInvoicePdf, type Buyer, type InvoiceForPdf } from "./pdf";
import { cancelInvoiceSchema } from "./schemas";
import { tiersOfRound } from "./tiers-admin";
import { tierFor } from "./tiers";

type Tx = Prisma.TransactionClient;

/** Takes the next number of the year; the row stays locked until the transaction ends. */
export async function allocateInvoiceNumber(tx: Tx, issuedAt: Date): Promise<{ year: number; sequence: number; number: string }> {
  const year = invoiceYearOf(issuedAt);
  const [row] = await tx.$queryRaw<{ lastSequence: number }[]>`
    INSERT INTO "InvoiceSequence" ("year", "lastSequence") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "lastSequence" = "InvoiceSequence"."lastSequence" + 1
    RETURNING "lastSequence"`;
  const sequence = Number(row!.lastSequence);
  return { year, sequence, number: formatInvoiceNumber(year, sequence) };
}

const DAY = 24 * 3600_000;

export const currentInvoiceWhere = { kind: "INVOICE", cancelledBy: null } satisfies Prisma.InvoiceWhereInput;

/** Inside a transaction that locked the organization: issues the invoice of the round's dues. */
async function issueInTx(tx: Tx, input: { organizationId: string; roundId: string; roundYear: number; actorId: string | null; issuer: Issuer }) {
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: input.organizationId },
    select: { billingDetails: { select: billingSelect }, territory: { select: { kind: true, population: true } } },
  });
  const buyer = organization.billingDetails;
  if (!buyer) throw new DomainError("Renseignez d'abord les coordonnées de facturation de la mairie (raison sociale, SIRET, adresse) : elles figurent sur la facture.");
  const tier = tierFor(await tiersOfRound(tx, input.roundId), organization.territory.kind, organization.territory.population);
  if (!tier) throw new DomainError("Les montants de cotisation de cette campagne ne sont pas encore fixés : réessayez plus tard ou écrivez à l'association.");
  const issuedAt = new Date();
  const { year, sequence, number } = await allocateInvoiceNumber(tx, issuedAt);
  const existing = await tx.dues.findUnique({ where: { organizationId_roundId: { organizationId: input.organizationId, roundId: input.roundId } }, select: { id: true, paidCents: true, paidAt: true } });
  const paidCents = existing?.paidCents ?? 0;
  const fullyPaid = paidCents >= tier.amountCents;
  const dues = existing
    ? await tx.dues.update({
        where: { id: existing.id },
        data: { amountCents: tier.amountCents, invoiceNumber: number, status: fullyPaid ? "PAID" : "DUE", paidAt: fullyPaid ? (existing.paidAt ?? issuedAt) : null },
        select: { id: true },
      })
    : await tx.dues.create({ data: { organizationId: input.organizationId, roundId: input.roundId, amountCents: tier.amountCents, invoiceNumber: number, issuedAt }, select: { id: true } });
  const invoice = await tx.invoice.create({
    data: {
      number,
      year,
      sequence,
      kind: "INVOICE",
      duesId: dues.id,
      amountCents: tier.amountCents,
      issuedAt,
      dueAt: new Date(issuedAt.getTime() + input.issuer.paymentTermsDays * DAY),
      buyer: buyer as Prisma.InputJsonValue,
      seller: input.issuer as Prisma.InputJsonValue,
      issuedById: input.actorId,
    },
    select: { id: true, number: true, amountCents: true },
  });
  await recordAudit(tx, {
    actorId: input.actorId,
    organizationId: input.organizationId,
    action: "dues.invoice_issued",
    targetType: "Invoice",
    targetId: invoice.id,
    data: { number, amountCents: invoice.amountCents, year: input.roundYear },
  });
  await queueEmail(tx, {
    to: buyer.invoiceEmail,
    template: "dues.invoice",
    data: { invoiceId: invoice.id },
    idempotencyKey: `dues.invoice:${invoice.id}`,
    organizationId: input.organizationId,
  });
  return { ...invoice, duesId: dues.id };
}

/**
 * The organization asks for its invoice of the open round. Asking again returns the invoice
 * already issued (never a second number for the same dues).
 */
export async function issueInvoice(db: Db, actor: ActorGrants, input: { organizationId: string }) {
  await requirePermission(db, actor, input.organizationId, "dues:pay");
  const round = await findOpenRound(db);
  if (!round) throw new DomainError("Aucune campagne n'est ouverte : la cotisation se règle pendant une campagne.");
  const issuer = issuerOf();
  const result = await db.$transaction(async (tx) => {
    await lockLabelFile(tx, input.organizationId);
    const current = await tx.invoice.findFirst({
      where: { ...currentInvoiceWhere, dues: { organizationId: input.organizationId, roundId: round.id } },
      select: { id: true, number: true, amountCents: true, duesId: true },
    });
    if (current) return { ...current, created: false };
    return { ...(await issueInTx(tx, { organizationId: input.organizationId, roundId: round.id, roundYear: round.year, actorId: actor.userId, issuer })), created: true };
  }, MONEY_TRANSACTION);
  // The PDF is rendered once, when first needed (the e-mail, a download): not in this request.
  return { organizationId: input.organizationId, ...result };
}

/**
 * The treasurer cancels an invoice with a credit note (same sequence), and by default issues
 * the corrected invoice at once from the current billing details. The paid sums stay with the
 * dues, so a reissued invoice already paid stays paid.
 */
export async function cancelInvoice(db: Db, actor: ActorGrants, raw: { invoiceId: string; reason: string; reissue?: boolean | string }) {
  const input = cancelInvoiceSchema.parse(raw);
  const target = await db.invoice.findUnique({ where: { id: input.invoiceId }, select: { dues: { select: { organizationId: true } } } });
  if (!target) throw new DomainError("Cette facture n'existe pas : rechargez la page.");
  const organizationId = target.dues.organizationId;
  await requirePermission(db, actor, organizationId, "dues:record");
  const issuer = issuerOf();
  const result = await db.$transaction(async (tx) => {
    await lockLabelFile(tx, organizationId);
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: input.invoiceId },
      select: {
        id: true,
        number: true,
        kind: true,
        amountCents: true,
        buyer: true,
        cancelledBy: { select: { number: true } },
        dues: { select: { id: true, roundId: true, paidCents: true, round: { select: { year: true } } } },
      },
    });
    if (invoice.kind !== "INVOICE") throw new DomainError("Un avoir ne s'annule pas : émettez une nouvelle facture si besoin.");
    if (invoice.cancelledBy) throw new DomainError(`Cette facture est déjà annulée par l'avoir ${invoice.cancelledBy.number}.`);
    if (!input.reissue && invoice.dues.paidCents > 0) {
      throw new DomainError("Des paiements sont enregistrés sur cette cotisation : annulez la facture en émettant sa facture corrigée (case « réémettre »), pour que les sommes reçues y soient reprises.");
    }
    const issuedAt = new Date();
    const { year, sequence, number } = await allocateInvoiceNumber(tx, issuedAt);
    const creditNote = await tx.invoice.create({
      data: {
        number,
        year,
        sequence,
        kind: "CREDIT_NOTE",
        duesId: invoice.dues.id,
        amountCents: invoice.amountCents,
        issuedAt,
        dueAt: issuedAt,
        buyer: invoice.buyer as Prisma.InputJsonValue,
        seller: issuer as Prisma.InputJsonValue,
        cancelsInvoiceId: invoice.id,
        reason: input.reason,
        issuedById: actor.userId,
      },
      select: { id: true, number: true },
    });
    await tx.dues.update({ where: { id: invoice.dues.id }, data: { status: "CANCELLED", paidAt: null, invoiceNumber: null } });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId,
      action: "dues.invoice_cancelled",
      targetType: "Invoice",
      targetId: invoice.id,
      data: { invoice: invoice.number, creditNote: number, reason: input.reason },
    });
    await queueEmail(tx, {
      to: (invoice.buyer as Buyer).invoiceEmail,
      template: "dues.credit_note",
      data: { invoiceId: creditNote.id },
      idempotencyKey: `dues.credit_note:${creditNote.id}`,
      organizationId,
    });
    const reissued = input.reissue
      ? await issueInTx(tx, { organizationId, roundId: invoice.dues.roundId, roundYear: invoice.dues.round.year, actorId: actor.userId, issuer })
      : null;
    return { creditNote, reissued };
  }, MONEY_TRANSACTION);
  return { organizationId, creditNoteNumber: result.creditNote.number, reissuedNumber: result.reissued?.number ?? null };
}

/** The frozen row of an invoice as the PDF prints it. */
export async function invoiceForPdf(db: Db | Tx, invoiceId: string): Promise<InvoiceForPdf | null> {
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: {
      number: true,
      kind: true,
      issuedAt: true,
      dueAt: true,
      amountCents: true,
      buyer: true,
      seller: true,
      reason: true,
      cancels: { select: { number: true, issuedAt: true } },
      dues: { select: { round: { select: { year: true } } } },
    },
  });
  if (!invoice) return null;
  return {
    number: invoice.number,
    kind: invoice.kind,
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt,
    amountCents: invoice.amountCents,
    roundYear: invoice.dues.round.year,
    buyer: invoice.buyer as Buyer,
    seller: invoice.seller as Issuer,
    cancels: invoice.cancels,
    reason: invoice.reason,
  };
}

/**
 * The PDF of an invoice: rendered once from its frozen row and stored; later reads return the
 * stored bytes (the document sent is the document kept). Two renders at once keep the first.
 */
export async function ensureInvoiceDocument(db: Db, invoiceId: string): Promise<Uint8Array> {
  const stored = await db.invoiceDocument.findUnique({ where: { invoiceId }, select: { pdf: true } });
  if (stored) return stored.pdf;
  const data = await invoiceForPdf(db, invoiceId);
  if (!data) throw new Error(`invoice ${invoiceId} not found`);
  const pdf = await renderInvoicePdf(data);
  await db.invoiceDocument.createMany({
    data: [{ invoiceId, pdf: new Uint8Array(pdf), sha256: createHash("sha256").update(pdf).digest("hex") }],
    skipDuplicates: true,
  });
  const kept = await db.invoiceDocument.findUniqueOrThrow({ where: { invoiceId }, select: { pdf: true } });
  return kept.pdf;
}

/** Download of an invoice or credit note by someone who may read the organization's dues. */
export async function invoiceDownload(db: Db, actor: ActorGrants, invoiceId: string) {
  const invoice = await db.invoice.findUnique({ where: { id: invoiceId }, select: { number: true, kind: true, dues: { select: { organizationId: true } } } });
  if (!invoice) return null;
  await requirePermission(db, actor, invoice.dues.organizationId, "dues:read");
  const pdf = await ensureInvoiceDocument(db, invoiceId);
  return { filename: `${invoice.kind === "CREDIT_NOTE" ? "avoir" : "facture"}-${invoice.number}.pdf`, contentType: "application/pdf", content: pdf };
}
