import "server-only";
// The dues documents: invoice and credit note (Factur-X EN 16931: a PDF/A-3 carrying its CII
// XML, lib/dues/facturx.ts) and the receipt (« acquit »). Laid out with the platform's writer
// (lib/pdf/document.ts: Geist embedded, French text), from the invoice's frozen row only.
import { rgb } from "pdf-lib";
import { A4, BRAND, INK, LIGHT, longDate, MARGIN, MUTED, startDocument } from "@/lib/pdf/document";
import type { Issuer } from "./config";
import { toFacturX } from "./facturx";
import { formatEuros } from "./money";

/** The buyer as printed: the organization's billing details at issuance. */
export type Buyer = {
  legalName: string;
  siret: string;
  addressLine: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  invoiceEmail: string;
  serviceCode: string | null;
  commitmentNumber: string | null;
};

export type InvoiceForPdf = {
  number: string;
  kind: "INVOICE" | "CREDIT_NOTE";
  issuedAt: Date;
  dueAt: Date;
  amountCents: number;
  roundYear: number;
  buyer: Buyer;
  seller: Issuer;
  cancels: { number: string; issuedAt: Date } | null;
  reason: string | null;
};

export const RECOVERY_INDEMNITY =
  "En cas de retard de paiement, une indemnité forfaitaire pour frais de recouvrement de 40 € est due (articles L441-10 et D441-5 du code de commerce), ainsi que des pénalités au taux d'intérêt légal. Pas d'escompte pour paiement anticipé.";

export function lineDescription(roundYear: number): string {
  return `Cotisation ${roundYear} — label Commune Cyber Dynamique`;
}

export function paymentTermsText(invoice: Pick<InvoiceForPdf, "dueAt" | "seller">): string {
  return `Paiement à ${invoice.seller.paymentTermsDays} jours, au plus tard le ${longDate.format(invoice.dueAt)}, par virement (mandat administratif) ou par carte depuis l'espace de la commune.`;
}

function partyLines(party: { addressLine: string; addressLine2?: string | null; postalCode: string; city: string }): string[] {
  return [party.addressLine, party.addressLine2 ?? "", `${party.postalCode} ${party.city}`].filter(Boolean);
}

/** Groups an IBAN by four characters, as it is printed on a RIB. */
export function groupedIban(iban: string): string {
  return iban.replace(/(.{4})/g, "$1 ").trim();
}

async function renderVisible(invoice: InvoiceForPdf): Promise<Uint8Array> {
  const isCredit = invoice.kind === "CREDIT_NOTE";
  const title = isCredit ? `Avoir ${invoice.number}` : `Facture ${invoice.number}`;
  const writer = await startDocument(title);
  writer.doc.setAuthor(invoice.seller.name);
  writer.doc.setSubject(lineDescription(invoice.roundYear));
  writer.doc.setCreationDate(invoice.issuedAt);
  writer.doc.setModificationDate(invoice.issuedAt);
  const { page } = writer;
  const half = (A4[0] - 2 * MARGIN) / 2;

  // Issuer (left) and document identity (right).
  writer.text(invoice.seller.name, { size: 14, bold: true, color: BRAND, after: 2 });
  const topY = writer.y;
  for (const line of [...partyLines(invoice.seller), `SIRET ${invoice.seller.siret} · RNA ${invoice.seller.rna}`, invoice.seller.email ?? ""].filter(Boolean)) {
    writer.text(line, { size: 9.5, color: MUTED, after: 0 });
  }
  const rightX = MARGIN + half + 20;
  let y = topY + 2;
  page.drawText(isCredit ? "AVOIR" : "FACTURE", { x: rightX, y: y - 18, size: 20, font: writer.bold, color: INK });
  y -= 36;
  const identity: [string, string][] = [
    ["Numéro", invoice.number],
    ["Date", longDate.format(invoice.issuedAt)],
    ...(isCredit ? [] : ([["Échéance", longDate.format(invoice.dueAt)]] as [string, string][])),
  ];
  for (const [label, value] of identity) {
    page.drawText(`${label} :`, { x: rightX, y, size: 10, font: writer.regular, color: MUTED });
    page.drawText(value, { x: rightX + 62, y, size: 10, font: writer.bold, color: INK });
    y -= 14;
  }
  writer.y = Math.min(writer.y, y) - 18;

  // Buyer.
  writer.text(isCredit ? "Avoir établi pour" : "Facturé à", { size: 9.5, bold: true, color: MUTED, after: 1 });
  writer.text(invoice.buyer.legalName, { size: 11, bold: true, after: 1 });
  for (const line of partyLines(invoice.buyer)) writer.text(line, { size: 10, after: 0 });
  writer.text(`SIRET ${invoice.buyer.siret}`, { size: 10, after: 0 });
  if (invoice.buyer.serviceCode) writer.text(`Code service (Chorus Pro) : ${invoice.buyer.serviceCode}`, { size: 10, after: 0 });
  if (invoice.buyer.commitmentNumber) writer.text(`Numéro d'engagement : ${invoice.buyer.commitmentNumber}`, { size: 10, after: 0 });
  writer.gap(16);

  if (isCredit && invoice.cancels) {
    writer.text(`Cet avoir annule la facture ${invoice.cancels.number} du ${longDate.format(invoice.cancels.issuedAt)}.`, { bold: true });
    if (invoice.reason) writer.text(`Motif : ${invoice.reason}`);
    writer.gap(8);
  }

  // The one line and the total.
  const tableTop = writer.y;
  const amountX = A4[0] - MARGIN - 110;
  writer.page.drawRectangle({ x: MARGIN, y: tableTop - 22, width: A4[0] - 2 * MARGIN, height: 22, color: LIGHT });
  writer.page.drawText("Désignation", { x: MARGIN + 8, y: tableTop - 15, size: 10, font: writer.bold, color: INK });
  writer.page.drawText("Montant", { x: amountX, y: tableTop - 15, size: 10, font: writer.bold, color: INK });
  const signed = isCredit ? -invoice.amountCents : invoice.amountCents;
  writer.page.drawText(lineDescription(invoice.roundYear), { x: MARGIN + 8, y: tableTop - 40, size: 10.5, font: writer.regular, color: INK });
  writer.page.drawText(formatEuros(signed), { x: amountX, y: tableTop - 40, size: 10.5, font: writer.regular, color: INK });
  writer.page.drawLine({ start: { x: MARGIN, y: tableTop - 52 }, end: { x: A4[0] - MARGIN, y: tableTop - 52 }, thickness: 0.5, color: MUTED });
  const totals: [string, string][] = [
    ["Total hors taxes", formatEuros(signed)],
    ["TVA", formatEuros(0)],
    [isCredit ? "Total de l'avoir" : "Net à payer", formatEuros(signed)],
  ];
  let ty = tableTop - 70;
  totals.forEach(([label, value], index) => {
    const font = index === totals.length - 1 ? writer.bold : writer.regular;
    writer.page.drawText(label, { x: amountX - 150, y: ty, size: 10.5, font, color: INK });
    writer.page.drawText(value, { x: amountX, y: ty, size: 10.5, font, color: INK });
    ty -= 16;
  });
  writer.y = ty - 10;
  writer.text(invoice.seller.vatWording, { size: 9.5, color: MUTED });
  writer.gap(10);

  if (!isCredit) {
    writer.text("Règlement", { size: 12, bold: true, color: BRAND });
    writer.text(paymentTermsText(invoice), { size: 10 });
    writer.text(`Virement à l'ordre de ${invoice.seller.name}`, { size: 10, after: 1 });
    writer.text(`IBAN : ${groupedIban(invoice.seller.iban)}`, { size: 10.5, bold: true, after: 1 });
    writer.text(`BIC : ${invoice.seller.bic}`, { size: 10.5, bold: true, after: 1 });
    writer.text(`Référence à porter sur le virement : ${invoice.number}`, { size: 10.5, bold: true });
    writer.gap(6);
    writer.text(RECOVERY_INDEMNITY, { size: 9, color: MUTED });
  } else {
    writer.text("Aucun paiement n'est dû au titre de la facture annulée ; une somme déjà versée est reprise sur la facture qui la remplace ou remboursée.", { size: 9.5, color: MUTED });
  }
  writer.gap(6);
  writer.text(
    "Document au format Factur-X (profil EN 16931) : la facture structurée est jointe à ce PDF (factur-x.xml) et peut être déposée telle quelle sur Chorus Pro.",
    { size: 8.5, color: MUTED },
  );
  writer.page.drawRectangle({ x: MARGIN, y: A4[1] - MARGIN + 6, width: A4[0] - 2 * MARGIN, height: 3, color: rgb(0.118, 0.251, 0.557) });
  return writer.finish(`${title} · ${invoice.seller.name}`);
}

/** The invoice or credit note PDF with its Factur-X XML attached. */
export async function renderInvoicePdf(invoice: InvoiceForPdf): Promise<Uint8Array> {
  return toFacturX(await renderVisible(invoice), invoice);
}

export type ReceiptForPdf = {
  invoiceNumber: string;
  roundYear: number;
  amountCents: number;
  paidAt: Date;
  buyer: Buyer;
  seller: Issuer;
  payments: { receivedAt: Date; amountCents: number; method: "TRANSFER" | "CARD"; reference: string | null }[];
};

/** The receipt (« acquit ») once the dues are paid. */
export async function renderReceiptPdf(receipt: ReceiptForPdf): Promise<Uint8Array> {
  const writer = await startDocument(`Acquit de la facture ${receipt.invoiceNumber}`);
  writer.doc.setAuthor(receipt.seller.name);
  writer.doc.setCreationDate(receipt.paidAt);
  writer.doc.setModificationDate(receipt.paidAt);
  writer.text(receipt.seller.name, { size: 14, bold: true, color: BRAND, after: 1 });
  for (const line of [...partyLines(receipt.seller), `SIRET ${receipt.seller.siret} · RNA ${receipt.seller.rna}`]) writer.text(line, { size: 9.5, color: MUTED, after: 0 });
  writer.gap(24);
  writer.text("ACQUIT — REÇU DE PAIEMENT", { size: 18, bold: true });
  writer.gap(8);
  writer.text(
    `${receipt.seller.name} atteste avoir reçu de ${receipt.buyer.legalName} (SIRET ${receipt.buyer.siret}) la somme de ${formatEuros(receipt.amountCents)} en règlement de la facture ${receipt.invoiceNumber} : ${lineDescription(receipt.roundYear)}.`,
    { size: 11 },
  );
  writer.text(`Facture acquittée le ${longDate.format(receipt.paidAt)}.`, { size: 11, bold: true });
  writer.gap(10);
  writer.text("Paiements reçus", { size: 12, bold: true, color: BRAND });
  for (const payment of receipt.payments) {
    const how = payment.method === "CARD" ? "carte bancaire" : "virement";
    writer.text(`${longDate.format(payment.receivedAt)} · ${formatEuros(payment.amountCents)} · ${how}${payment.reference ? ` · réf. ${payment.reference}` : ""}`, { size: 10.5 });
  }
  writer.gap(10);
  writer.text(receipt.seller.vatWording, { size: 9.5, color: MUTED });
  return writer.finish(`Acquit ${receipt.invoiceNumber} · ${receipt.seller.name}`);
}
