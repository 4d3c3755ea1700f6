// Proposing which dues a bank credit pays: the invoice number written in the transfer's label
// first (public accountants copy the reference), else dues whose remaining amount equals the
// credit. Only proposals: the treasurer confirms each one.
import { findInvoiceNumbers } from "./numbering";

export type OpenDues = { duesId: string; invoiceNumber: string; organizationName: string; remainingCents: number };
export type MatchProposal = OpenDues & { reason: "number" | "number-and-amount" | "amount" };

export function proposeMatches(line: { label: string; amountCents: number }, open: readonly OpenDues[]): MatchProposal[] {
  const numbers = new Set(findInvoiceNumbers(line.label));
  const byNumber = open.filter((dues) => numbers.has(dues.invoiceNumber));
  if (byNumber.length > 0) {
    return byNumber.map((dues) => ({ ...dues, reason: dues.remainingCents === line.amountCents ? "number-and-amount" : "number" }));
  }
  return open
    .filter((dues) => dues.remainingCents === line.amountCents)
    .slice(0, 5)
    .map((dues) => ({ ...dues, reason: "amount" as const }));
}
