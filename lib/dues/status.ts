// Where a commune's dues stand, as the treasurer reads them. Pure, from what the board loads.

export type BoardStatus = "TO_ISSUE" | "ISSUED" | "PARTIAL" | "PAID" | "OVERDUE" | "CANCELLED";

export const BOARD_STATUS_LABELS: Record<BoardStatus, string> = {
  TO_ISSUE: "À émettre",
  ISSUED: "Émise",
  PARTIAL: "Partiellement payée",
  PAID: "Payée",
  OVERDUE: "En retard",
  CANCELLED: "Annulée",
};

export const BOARD_STATUSES = Object.keys(BOARD_STATUS_LABELS) as BoardStatus[];

export function boardStatus(dues: { status: "DUE" | "PAID" | "CANCELLED"; paidCents: number; dueAt: Date | null } | null, now: Date): BoardStatus {
  if (!dues) return "TO_ISSUE";
  if (dues.status === "CANCELLED") return "CANCELLED";
  if (dues.status === "PAID") return "PAID";
  if (dues.dueAt && dues.dueAt.getTime() < now.getTime()) return "OVERDUE";
  return dues.paidCents > 0 ? "PARTIAL" : "ISSUED";
}

export type AgeingBucket = "1-30" | "31-60" | "61-90" | "90+";
export const AGEING_BUCKETS: AgeingBucket[] = ["1-30", "31-60", "61-90", "90+"];

/** Days past the due date, by band, for what is overdue. */
export function ageingBucket(dueAt: Date, now: Date): AgeingBucket {
  const days = Math.ceil((now.getTime() - dueAt.getTime()) / (24 * 3600_000));
  if (days <= 30) return "1-30";
  if (days <= 60) return "31-60";
  if (days <= 90) return "61-90";
  return "90+";
}
