// Invoice numbers: one continuous chronological sequence per calendar year (Europe/Paris),
// shared by invoices and credit notes: CCD-2026-000042.

export const INVOICE_PREFIX = "CCD";

export function formatInvoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`année de facturation invalide : ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`numéro de séquence invalide : ${sequence}`);
  return `${INVOICE_PREFIX}-${year}-${String(sequence).padStart(6, "0")}`;
}

export const INVOICE_NUMBER_PATTERN = /CCD-(\d{4})-(\d{6})/;

/** Finds an invoice number in a text (a bank transfer's label), tolerating spaces or no dashes. */
export function findInvoiceNumbers(text: string): string[] {
  const found = new Set<string>();
  const compact = text.toUpperCase().replace(/[\s_./]/g, "");
  for (const match of compact.matchAll(/CCD-?(\d{4})-?(\d{6})/g)) found.add(`${INVOICE_PREFIX}-${match[1]}-${match[2]}`);
  return [...found];
}

const parisYear = new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "Europe/Paris" });

/** The year an issuance at this instant belongs to, in French time. */
export function invoiceYearOf(date: Date): number {
  return Number(parisYear.format(date));
}

/**
 * Options of the dues' transactions: the embedded database runs one transaction at a time, so a
 * burst (50 mairies asking for their invoice at once) queues instead of failing after 2 s.
 */
export const MONEY_TRANSACTION = { maxWait: 30_000, timeout: 20_000 } as const;
