// E-mails of the dues: the invoice and the credit note (PDF attached) to the invoice address,
// and the receipt once paid. The PDF is loaded by id when the worker renders the message.
import { emailTemplate } from "@/lib/notifications/templates";
import { ensureInvoiceDocument, invoiceForPdf } from "./invoices";
import { formatEuros } from "./money";
import { renderReceiptPdf } from "./pdf";
import { receiptOf } from "./receipt";
import { longDate } from "@/lib/pdf/document";

const REASON = "Vous recevez ce message car cette adresse est l'adresse de facturation indiquée par votre mairie pour la cotisation au label Commune Cyber Dynamique.";

export const duesEmails = {
  "dues.invoice": emailTemplate<{ invoiceId: string }>({
    category: "document",
    async render(data, { db, appUrl }) {
      const invoice = await invoiceForPdf(db, data.invoiceId);
      if (!invoice) throw new Error(`invoice ${data.invoiceId} not found`);
      const pdf = await ensureInvoiceDocument(db, data.invoiceId);
      return {
        subject: `Facture ${invoice.number} — cotisation ${invoice.roundYear} au label Commune Cyber Dynamique`,
        text: [
          `Bonjour,`,
          `Veuillez trouver ci-joint la facture ${invoice.number} de ${formatEuros(invoice.amountCents)} adressée à ${invoice.buyer.legalName}, à régler au plus tard le ${longDate.format(invoice.dueAt)}.`,
          `Par virement (mandat administratif) : IBAN ${invoice.seller.iban}, BIC ${invoice.seller.bic}, en indiquant la référence ${invoice.number}. La facture est au format Factur-X : vous pouvez la déposer telle quelle sur Chorus Pro.`,
          `La facture se télécharge aussi depuis l'espace de la commune : ${appUrl}/espace`,
        ].join("\n\n"),
        reason: REASON,
        attachments: [{ filename: `facture-${invoice.number}.pdf`, contentType: "application/pdf", content: pdf }],
      };
    },
  }),
  "dues.credit_note": emailTemplate<{ invoiceId: string }>({
    category: "document",
    async render(data, { db }) {
      const note = await invoiceForPdf(db, data.invoiceId);
      if (!note) throw new Error(`credit note ${data.invoiceId} not found`);
      const pdf = await ensureInvoiceDocument(db, data.invoiceId);
      return {
        subject: `Avoir ${note.number} — annulation de la facture ${note.cancels?.number ?? ""}`,
        text: [
          `Bonjour,`,
          `La facture ${note.cancels?.number ?? ""} est annulée par l'avoir ${note.number} ci-joint${note.reason ? ` (motif : ${note.reason})` : ""}.`,
          `Si une facture corrigée a été émise, elle vous parvient dans un message séparé : c'est elle qu'il faut régler.`,
        ].join("\n\n"),
        reason: REASON,
        attachments: [{ filename: `avoir-${note.number}.pdf`, contentType: "application/pdf", content: pdf }],
      };
    },
  }),
  "dues.receipt": emailTemplate<{ duesId: string }>({
    category: "document",
    async render(data, { db }) {
      const receipt = await receiptOf(db, data.duesId);
      if (!receipt) {
        // Refunded before the message left: say so rather than send a receipt no longer true.
        return { subject: "Cotisation au label Commune Cyber Dynamique", text: "Bonjour,\n\nLe paiement de votre cotisation a été remboursé avant l'envoi de l'acquit : la cotisation reste à régler.", reason: REASON };
      }
      return {
        subject: `Acquit — cotisation ${receipt.roundYear} réglée (facture ${receipt.invoiceNumber})`,
        text: [`Bonjour,`, `Nous avons bien reçu ${formatEuros(receipt.amountCents)} en règlement de la facture ${receipt.invoiceNumber}, le ${longDate.format(receipt.paidAt)}. L'acquit est joint à ce message.`, `Merci pour votre engagement.`].join("\n\n"),
        reason: REASON,
        attachments: [{ filename: `acquit-${receipt.invoiceNumber}.pdf`, contentType: "application/pdf", content: await renderReceiptPdf(receipt) }],
      };
    },
  }),
};
