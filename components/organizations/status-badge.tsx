const LABELS: Record<string, { text: string; className: string }> = {
  PENDING: { text: "En attente de validation", className: "bg-amber-100 text-amber-950 border-amber-700" },
  ACTIVE: { text: "Adhésion validée", className: "bg-success-50 text-success-700 border-success-700" },
  REJECTED: { text: "Adhésion refusée", className: "bg-danger-50 text-danger-700 border-danger-700" },
  SUSPENDED: { text: "Suspendue", className: "bg-surface text-ink border-ink-muted" },
};

/** The organization's status in words (the colour only repeats them). */
export function OrganizationStatusBadge({ status }: { status: string }) {
  const label = LABELS[status] ?? { text: status, className: "bg-surface text-ink border-ink-muted" };
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${label.className}`}>{label.text}</span>;
}
