import "server-only";
// The review queue: the open round's submitted candidacies, filtered and paged on the one
// Candidacy table (département, région, kind and size band are copied onto it at creation),
// oldest first. A correspondent sees their départements only; a reviewer never sees the files
// they declared a conflict with, and is told which ones they cannot take (member, EPCI).
import { requireAssociationPermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { associationRolePermissions } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { findOpenRound } from "@/lib/rounds/open-round";
import { QUEUE_PAGE_SIZE } from "./queue-filters";
import { conflictOf, isOverdue, OVERDUE_DAYS, waitingDays } from "./rules";
import type { QueueFilters } from "./schemas";

const DAY = 86_400_000;

/** Départements the actor is limited to, or null when they see every file. */
export function reviewScopeOf(actor: Actor): string[] | null {
  const departments: string[] = [];
  for (const grant of actor.associationRoles) {
    if (!associationRolePermissions(grant.role).includes("review:read")) continue;
    if (grant.role === "DEPARTMENT_CORRESPONDENT") departments.push(grant.departmentCode);
    else return null;
  }
  return departments;
}

/**
 * The queue's filter. Only statuses after a submission are listed (a candidacy past DRAFT always
 * has a revision: Candidacy_revision_check), so the count runs on the (roundId, status, …)
 * indexes alone. `hidden`: the organizations the reviewer declared a conflict with (a few).
 */
export function queueWhere(actor: Actor, roundId: string, filters: QueueFilters, now: Date, hidden: readonly string[] = []): Prisma.CandidacyWhereInput {
  const departments = reviewScopeOf(actor);
  // Reviewers see nothing of a file before its first submission: never a DRAFT.
  const where: Prisma.CandidacyWhereInput = { roundId, status: filters.statut === "tous" ? { not: "DRAFT" } : filters.statut };
  const and: Prisma.CandidacyWhereInput[] = [];
  if (departments !== null) and.push({ departmentCode: { in: departments } });
  if (filters.departement) and.push({ departmentCode: filters.departement });
  if (filters.region) where.regionCode = filters.region;
  if (filters.type) where.territoryKind = filters.type;
  if (filters.taille) where.sizeBand = filters.taille;
  if (filters.attente === "plus-14") where.submittedAt = { lt: new Date(now.getTime() - (OVERDUE_DAYS + 1) * DAY) };
  else if (filters.attente === "7-14") where.submittedAt = { lt: new Date(now.getTime() - 7 * DAY), gte: new Date(now.getTime() - (OVERDUE_DAYS + 1) * DAY) };
  else if (filters.attente === "moins-7") where.submittedAt = { gte: new Date(now.getTime() - 7 * DAY) };
  // Declared conflicts hide the file from that reviewer.
  if (hidden.length > 0) where.organizationId = { notIn: [...hidden] };
  if (and.length > 0) where.AND = and;
  return where;
}

export async function listReviewQueue(db: Db, actor: Actor, filters: QueueFilters, now = new Date()) {
  requireAssociationPermission(actor, "review:read");
  const round = await findOpenRound(db);
  if (!round) return null;
  const conflicts = await db.reviewConflict.findMany({ where: { reviewerId: actor.userId }, select: { organizationId: true } });
  const where = queueWhere(actor, round.id, filters, now, conflicts.map((conflict) => conflict.organizationId));
  const [total, rows] = await Promise.all([
    db.candidacy.count({ where }),
    db.candidacy.findMany({
      where,
      orderBy: [{ submittedAt: filters.tri === "recents" ? "desc" : "asc" }, { id: "asc" }],
      skip: (filters.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true,
        organizationId: true,
        status: true,
        revision: true,
        isRenewal: true,
        submittedAt: true,
        departmentCode: true,
        territoryKind: true,
        sizeBand: true,
        assignedReviewerId: true,
        assignedReviewer: { select: { name: true, email: true } },
        organization: { select: { name: true, territory: { select: { epciCode: true, department: { select: { name: true } } } } } },
        _count: { select: { opinions: true } },
      },
    }),
  ]);
  // Which files this reviewer may not take: one query for the page's EPCIs.
  const epciCodes = [...new Set(rows.map((row) => row.organization.territory.epciCode).filter((code): code is string => code !== null))];
  const epciOrganizations = epciCodes.length
    ? await db.organization.findMany({ where: { territoryCode: { in: epciCodes } }, select: { id: true, territoryCode: true } })
    : [];
  const epciByCode = new Map(epciOrganizations.map((organization) => [organization.territoryCode, organization.id]));
  const mine = actor.memberships.map((membership) => membership.organizationId);
  return {
    round,
    total,
    page: filters.page,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    rows: rows.map((row) => ({
      ...row,
      waitingDays: row.submittedAt ? waitingDays(row.submittedAt, now) : 0,
      overdue: row.status === "SUBMITTED" && row.submittedAt !== null && isOverdue(row.submittedAt, now),
      conflict: conflictOf({
        reviewerOrganizationIds: mine,
        organizationId: row.organizationId,
        epciOrganizationId: row.organization.territory.epciCode ? (epciByCode.get(row.organization.territory.epciCode) ?? null) : null,
        declared: false,
      }),
    })),
  };
}

/** Départements and régions for the filters (the reference lists, small). */
export async function queueFilterChoices(db: Db, actor: Actor) {
  requireAssociationPermission(actor, "review:read");
  const departments = reviewScopeOf(actor);
  const [departmentRows, regions] = await Promise.all([
    db.department.findMany({ where: departments ? { code: { in: departments } } : {}, orderBy: { code: "asc" }, select: { code: true, name: true } }),
    db.region.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }),
  ]);
  return { departments: departmentRows, regions };
}

/** Reviewers an administrator may assign. */
export async function listReviewers(db: Db, actor: Actor) {
  requireAssociationPermission(actor, "review:assign");
  const grants = await db.associationRoleGrant.findMany({
    where: { role: "REVIEWER", user: { disabledAt: null } },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return grants.map((grant) => grant.user);
}
