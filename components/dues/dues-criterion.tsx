// Criterion 4 in words, for the criteria panel (issue 12) and the dues pages: « Cotisation
// réglée le … » once paid, otherwise what to do next.
import type { DuesCriterion } from "@/lib/dues/criterion";
import { formatEuros } from "@/lib/dues/money";

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export function duesCriterionSentence(criterion: DuesCriterion): string {
  if (criterion.met && criterion.paidAt) {
    return `Cotisation réglée le ${dayFormat.format(criterion.paidAt)}${criterion.invoiceNumber ? ` (facture ${criterion.invoiceNumber}` : ""}${criterion.invoiceNumber && criterion.amountCents !== null ? `, ${formatEuros(criterion.amountCents)})` : criterion.invoiceNumber ? ")" : ""}.`;
  }
  if (criterion.invoiceNumber) {
    return `Facture ${criterion.invoiceNumber}${criterion.amountCents !== null ? ` de ${formatEuros(criterion.amountCents)}` : ""} émise : à régler par virement (mandat administratif) ou par carte.`;
  }
  return "Demandez la facture de cotisation : elle se règle par mandat administratif ou par carte.";
}

/** The sentence with its met/unmet mark in words (the mark only repeats them). */
export function DuesCriterionStatus({ criterion }: { criterion: DuesCriterion }) {
  return (
    <p>
      <span className={`font-semibold ${criterion.met ? "text-success-700" : "text-ink"}`}>
        <span aria-hidden="true">{criterion.met ? "✓ " : "○ "}</span>
        {criterion.met ? "Rempli" : "À compléter"}
      </span>{" "}
      · {duesCriterionSentence(criterion)}
    </p>
  );
}
