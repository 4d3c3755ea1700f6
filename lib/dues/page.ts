import "server-only";
// What the organization's dues page and its summary on the organization page show.
import { hasPermission, requirePermission } from "@/lib/auth/access";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import { findOpenRound } from "@/lib/rounds/open-round";
import { billingFormOf } from "./billing";
import { stripeConfigured } from "./config";
import { duesCriterionOf } from "./criterion";
import { currentInvoiceWhere } from "./invoices";
import { tierFor } from "./tiers";
import { tiersOfRound } from "./tiers-admin";

export async function duesPageOf(db: Db, actor: ActorGrants, organizationId: string) {
  await requirePermission(db, actor, organizationId, "dues:read");
  const [organization, round, canPay] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, name: true, territory: { select: { kind: true, population: true } } } }),
    findOpenRound(db),
    hasPermission(db, actor, organizationId, "dues:pay"),
  ]);
  const billing = await billingFormOf(db, actor, organizationId);
  if (!round) return { organization, round: null, billing, canPay, cardEnabled: false, dues: null, quoteCents: null, criterion: null };
  const [tiers, dues, criterion] = await Promise.all([
    tiersOfRound(db, round.id),
    db.dues.findUnique({
      where: { organizationId_roundId: { organizationId, roundId: round.id } },
      select: {
        id: true,
        status: true,
        amountCents: true,
        paidCents: true,
        paidAt: true,
        invoices: { orderBy: { sequence: "asc" }, select: { id: true, number: true, kind: true, amountCents: true, issuedAt: true, dueAt: true, reason: true, cancelledBy: { select: { number: true } } } },
        payments: { orderBy: { createdAt: "asc" }, select: { id: true, method: true, status: true, amountCents: true, refundedCents: true, receivedAt: true, createdAt: true } },
        checkouts: { where: { status: "AWAITING_PAYMENT" }, select: { id: true }, take: 1 },
      },
    }),
    duesCriterionOf(db, organizationId, round.id),
  ]);
  const current = dues?.invoices.find((invoice) => invoice.kind === "INVOICE" && !invoice.cancelledBy) ?? null;
  return {
    organization,
    round,
    billing,
    canPay,
    cardEnabled: stripeConfigured(),
    quoteCents: tierFor(tiers, organization.territory.kind, organization.territory.population)?.amountCents ?? null,
    dues: dues ? { ...dues, current, awaitingCard: dues.checkouts.length > 0 } : null,
    criterion,
  };
}

/** One line for the organization page: where the dues of the open round stand. */
export async function duesSummaryOf(db: Db, actor: ActorGrants, organizationId: string) {
  if (!(await hasPermission(db, actor, organizationId, "dues:read"))) return null;
  const round = await findOpenRound(db);
  if (!round) return null;
  const criterion = await duesCriterionOf(db, organizationId, round.id);
  const current = await db.invoice.findFirst({ where: { ...currentInvoiceWhere, dues: { organizationId, roundId: round.id } }, select: { number: true, dueAt: true } });
  return { year: round.year, criterion, dueAt: current?.dueAt ?? null };
}
