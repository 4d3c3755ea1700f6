import "server-only";
// The treasurer's books: every active organization's dues for a round, by status, with filters,
// totals, the ageing of what is overdue, each organization's history, and a CSV for the accounts.
import { stringify } from "csv-stringify/sync";
import { requireAssociationPermission, requirePermission } from "@/lib/auth/access";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import { currentInvoiceWhere } from "./invoices";
import { decimalCommaEuros } from "./money";
import { AGEING_BUCKETS, ageingBucket, BOARD_STATUS_LABELS, boardStatus, type AgeingBucket, type BoardStatus } from "./status";

export type BoardFilters = { roundId?: string; status?: BoardStatus; department?: string; kind?: "COMMUNE" | "EPCI"; method?: "TRANSFER" | "CARD" };

export type BoardRow = {
  organizationId: string;
  organizationName: string;
  territoryCode: string;
  kind: "COMMUNE" | "EPCI";
  departmentCode: string | null;
  duesId: string | null;
  status: BoardStatus;
  invoiceId: string | null;
  invoiceNumber: string | null;
  issuedAt: Date | null;
  dueAt: Date | null;
  amountCents: number;
  paidCents: number;
  overpaidCents: number;
  paidAt: Date | null;
  methods: ("TRANSFER" | "CARD")[];
  ageing: AgeingBucket | null;
};

export async function duesBoard(db: Db, actor: ActorGrants, filters: BoardFilters = {}, now = new Date()) {
  requireAssociationPermission(actor, "dues:read");
  const rounds = await db.round.findMany({ where: { status: { not: "DRAFT" } }, orderBy: { year: "desc" }, select: { id: true, year: true, status: true } });
  const round = rounds.find((candidate) => candidate.id === filters.roundId) ?? rounds.find((candidate) => candidate.status === "OPEN") ?? rounds[0];
  if (!round) return null;
  const organizations = await db.organization.findMany({
    where: {
      status: "ACTIVE",
      ...(filters.department || filters.kind ? { territory: { ...(filters.department ? { departmentCode: filters.department } : {}), ...(filters.kind ? { kind: filters.kind } : {}) } } : {}),
    },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      territory: { select: { code: true, kind: true, departmentCode: true } },
      dues: {
        where: { roundId: round.id },
        select: {
          id: true,
          status: true,
          amountCents: true,
          paidCents: true,
          paidAt: true,
          invoices: { where: currentInvoiceWhere, orderBy: { sequence: "desc" }, take: 1, select: { id: true, number: true, issuedAt: true, dueAt: true } },
          payments: { where: { status: { in: ["SUCCEEDED", "REFUNDED"] } }, select: { method: true } },
        },
      },
    },
  });
  const allRows: BoardRow[] = organizations.map((organization) => {
    const dues = organization.dues[0] ?? null;
    const invoice = dues?.invoices[0] ?? null;
    const status = boardStatus(dues ? { status: dues.status, paidCents: dues.paidCents, dueAt: invoice?.dueAt ?? null } : null, now);
    return {
      organizationId: organization.id,
      organizationName: organization.name,
      territoryCode: organization.territory.code,
      kind: organization.territory.kind,
      departmentCode: organization.territory.departmentCode,
      duesId: dues?.id ?? null,
      status,
      invoiceId: invoice?.id ?? null,
      invoiceNumber: invoice?.number ?? null,
      issuedAt: invoice?.issuedAt ?? null,
      dueAt: invoice?.dueAt ?? null,
      amountCents: dues?.amountCents ?? 0,
      paidCents: dues?.paidCents ?? 0,
      overpaidCents: dues ? Math.max(0, dues.paidCents - dues.amountCents) : 0,
      paidAt: dues?.paidAt ?? null,
      methods: [...new Set(dues?.payments.map((payment) => payment.method) ?? [])],
      ageing: status === "OVERDUE" && invoice ? ageingBucket(invoice.dueAt, now) : null,
    };
  });
  const rows = allRows.filter((row) => (!filters.status || row.status === filters.status) && (!filters.method || row.methods.includes(filters.method)));
  const byStatus = Object.fromEntries(Object.keys(BOARD_STATUS_LABELS).map((status) => [status, { count: 0, amountCents: 0 }])) as Record<BoardStatus, { count: number; amountCents: number }>;
  const ageing = Object.fromEntries(AGEING_BUCKETS.map((bucket) => [bucket, { count: 0, outstandingCents: 0 }])) as Record<AgeingBucket, { count: number; outstandingCents: number }>;
  let invoicedCents = 0;
  let paidCents = 0;
  let overpaidCents = 0;
  for (const row of rows) {
    byStatus[row.status].count++;
    byStatus[row.status].amountCents += row.amountCents;
    if (row.status !== "CANCELLED" && row.status !== "TO_ISSUE") invoicedCents += row.amountCents;
    paidCents += row.paidCents;
    overpaidCents += row.overpaidCents;
    if (row.ageing) {
      ageing[row.ageing].count++;
      ageing[row.ageing].outstandingCents += row.amountCents - row.paidCents;
    }
  }
  const departments = [...new Set(allRows.map((row) => row.departmentCode).filter((code): code is string => Boolean(code)))].sort();
  return {
    round,
    rounds,
    rows,
    departments,
    totals: { byStatus, invoicedCents, paidCents, outstandingCents: Math.max(0, invoicedCents - paidCents + overpaidCents), overpaidCents },
    ageing,
  };
}

const frenchDate = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" });
const dateCell = (date: Date | null) => (date ? frenchDate.format(date) : "");

/** The board as a CSV for a French spreadsheet: UTF-8 with BOM, « ; », decimal comma, dd/mm/yyyy. */
export function boardCsv(rows: BoardRow[]): string {
  const header = ["Organisation", "Code", "Type", "Département", "Statut", "Facture", "Émise le", "Échéance", "Montant (€)", "Payé (€)", "Reste (€)", "Trop-perçu (€)", "Réglée le", "Moyen"];
  const body = rows.map((row) => [
    row.organizationName,
    row.territoryCode,
    row.kind === "COMMUNE" ? "Commune" : "EPCI",
    row.departmentCode ?? "",
    BOARD_STATUS_LABELS[row.status],
    row.invoiceNumber ?? "",
    dateCell(row.issuedAt),
    dateCell(row.dueAt),
    decimalCommaEuros(row.amountCents),
    decimalCommaEuros(row.paidCents),
    decimalCommaEuros(Math.max(0, row.amountCents - row.paidCents)),
    decimalCommaEuros(row.overpaidCents),
    dateCell(row.paidAt),
    row.methods.map((method) => (method === "CARD" ? "carte" : "virement")).join(", "),
  ]);
  return `\ufeff${stringify([header, ...body], { delimiter: ";", record_delimiter: "\r\n" })}`;
}

/** One organization's invoices, credit notes and payments, every round (the treasurer's page). */
export async function duesHistory(db: Db, actor: ActorGrants, organizationId: string) {
  requireAssociationPermission(actor, "dues:read");
  if (typeof organizationId !== "string" || organizationId.length === 0 || organizationId.length > 64) return null;
  await requirePermission(db, actor, organizationId, "dues:read");
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true } });
  if (!organization) return null;
  const dues = await db.dues.findMany({
    where: { organizationId },
    orderBy: { round: { year: "desc" } },
    select: {
      id: true,
      status: true,
      amountCents: true,
      paidCents: true,
      paidAt: true,
      round: { select: { year: true } },
      invoices: { orderBy: { sequence: "asc" }, select: { id: true, number: true, kind: true, amountCents: true, issuedAt: true, dueAt: true, reason: true, cancelledBy: { select: { number: true } } } },
      payments: { orderBy: { createdAt: "asc" }, select: { id: true, method: true, status: true, amountCents: true, refundedCents: true, reference: true, mandateNumber: true, receivedAt: true, createdAt: true } },
    },
  });
  return { organization, dues };
}
