import "server-only";
// Factur-X EN 16931 for the dues invoices, with factur-x-kit 0.3.1: it takes our own PDF
// (existingNonConformantPdf: our layout, Geist embedded), adds the sRGB output intent, the CII
// XML as factur-x.xml and the PDF/A-3 metadata, and keeps in the XML what Chorus Pro needs: the
// service code (BT-10, buyer reference) and the commitment number (BT-13, order reference).
// @e-invoice-eu/core also takes a pdf-lib PDF but drops the commitment number below EXTENDED.
// VAT category O ("not subject to VAT"): a membership fee is outside VAT scope and the
// association has no VAT number (category E would require one, BR-E-2).
// Both libraries write the XMP packet as Latin-1 bytes; PDF/A requires UTF-8: fixXmpEncoding.
import { DOCUMENT_TYPE_CODES, FacturX, totalsCalculator, type TotalsCalculatorInputType } from "factur-x-kit";
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from "pdf-lib";
import { decimalEuros } from "./money";
import { lineDescription, paymentTermsText, RECOVERY_INDEMNITY, type InvoiceForPdf } from "./pdf";

const parisParts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

function dateOf(date: Date) {
  const [year, month, day] = parisParts.format(date).split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

const SIRET_SCHEME = "0009";

/** The structured invoice (CII) data, as factur-x-kit's comfort profile (EN 16931). */
export function facturXData(invoice: InvoiceForPdf) {
  const euros = Number(decimalEuros(invoice.amountCents));
  const input = {
    document: {
      id: invoice.number,
      type: invoice.kind === "CREDIT_NOTE" ? DOCUMENT_TYPE_CODES.CREDIT_NOTE : DOCUMENT_TYPE_CODES.COMMERCIAL_INVOICE,
      dateOfIssue: dateOf(invoice.issuedAt),
      currency: "EUR",
      notes: [
        { content: invoice.seller.vatWording },
        ...(invoice.kind === "INVOICE" ? [{ content: RECOVERY_INDEMNITY }] : []),
        ...(invoice.reason ? [{ content: `Motif de l'avoir : ${invoice.reason}` }] : []),
      ],
    },
    seller: {
      name: invoice.seller.name,
      postalAddress: { addressLineOne: invoice.seller.addressLine, postcode: invoice.seller.postalCode, city: invoice.seller.city, country: "FR" },
      specifiedLegalOrganization: { id: { id: invoice.seller.siret, scheme: SIRET_SCHEME } },
      otherLegalInformation: `Association loi 1901, RNA ${invoice.seller.rna}`,
      ...(invoice.seller.email ? { universalCommunicationAddressURI: { id: invoice.seller.email, scheme: "EM" } } : {}),
    },
    buyer: {
      name: invoice.buyer.legalName,
      postalAddress: {
        addressLineOne: invoice.buyer.addressLine,
        ...(invoice.buyer.addressLine2 ? { addressLineTwo: invoice.buyer.addressLine2 } : {}),
        postcode: invoice.buyer.postalCode,
        city: invoice.buyer.city,
        country: "FR",
      },
      specifiedLegalOrganization: { id: { id: invoice.buyer.siret, scheme: SIRET_SCHEME } },
      universalCommunicationAddressURI: { id: invoice.buyer.invoiceEmail, scheme: "EM" },
      ...(invoice.buyer.serviceCode ? { reference: invoice.buyer.serviceCode } : {}),
    },
    referencedDocuments: {
      ...(invoice.buyer.commitmentNumber ? { orderReference: { documentId: invoice.buyer.commitmentNumber } } : {}),
      ...(invoice.cancels ? { referencedInvoice: [{ documentId: invoice.cancels.number, issueDate: dateOf(invoice.cancels.issuedAt) }] } : {}),
    },
    delivery: { deliveryDate: dateOf(invoice.issuedAt) },
    paymentInformation: {
      paymentReference: invoice.number,
      paymentMeans: [{ paymentType: "58", payeeBankAccount: { iban: invoice.seller.iban, accountName: invoice.seller.name, bic: invoice.seller.bic } }],
      paymentTerms: { description: paymentTermsText(invoice), dueDate: dateOf(invoice.dueAt) },
    },
    invoiceLines: [
      {
        generalLineData: { lineId: "1" },
        productDescription: { name: lineDescription(invoice.roundYear) },
        productPriceAgreement: { productPricing: { basisPricePerItem: euros } },
        delivery: { itemQuantity: { quantity: 1, unit: "C62" } },
        settlement: { tax: { categoryCode: "O" } },
      },
    ],
    totals: { taxExemptionReason: [{ categoryCode: "O", reason: invoice.seller.vatWording }] },
  };
  return totalsCalculator(input as unknown as TotalsCalculatorInputType);
}

/** The invoice's PDF with its structured XML attached and PDF/A-3 metadata in UTF-8. */
export async function toFacturX(visiblePdf: Uint8Array, invoice: InvoiceForPdf): Promise<Uint8Array> {
  const facturX = await FacturX.fromObject(facturXData(invoice));
  const bytes = await facturX.getPDF({ existingNonConformantPdf: visiblePdf });
  return fixXmpEncoding(bytes, [invoice.seller.name, invoice.number]);
}

/**
 * The library builds the XMP from a JS string that pdf-lib writes one byte per character
 * (Latin-1): "é" becomes one byte, invalid UTF-8, and characters above U+00FF are cut. The
 * packet is re-encoded as UTF-8, restoring the names it was given (`originals`).
 */
export async function fixXmpEncoding(bytes: Uint8Array, originals: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const ref = doc.catalog.get(PDFName.of("Metadata"));
  const stream = ref ? doc.context.lookup(ref) : undefined;
  if (!(stream instanceof PDFRawStream)) return bytes;
  let text = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
  for (const original of originals) {
    const asWritten = [...original].map((char) => String.fromCharCode(char.charCodeAt(0) & 0xff)).join("");
    if (asWritten !== original) text = text.split(asWritten).join(original);
  }
  const utf8 = new TextEncoder().encode(text);
  const fixed = doc.context.stream(utf8, { Type: "Metadata", Subtype: "XML", Length: utf8.length });
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(fixed));
  return doc.save({ useObjectStreams: false });
}
