// The association validates (or refuses) each new organization before it acts for its territory.
import { recordAudit } from "@/lib/audit/record";
import { requireAssociationPermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/auth/errors";
import type { Db } from "@/lib/db/create-client";
import { queueEmail } from "@/lib/notifications/outbox";
import type { z } from "zod";
import type { decideOrganizationSchema } from "./schemas";
import { announceReferentAppointed } from "./epci-access";
import { territoryFactsSelect } from "./territory-facts";

export const VALIDATION_PAGE_SIZE = 20;

/**
 * What an administrator needs to decide: who asked, from which domain, and the official data.
 * Oldest first, one page at a time (`page` from 1; past the end, the last page).
 */
export async function listPendingOrganizations(db: Db, actor: Actor, { page = 1, pageSize = VALIDATION_PAGE_SIZE }: { page?: number; pageSize?: number } = {}) {
  requireAssociationPermission(actor, "organization:validate");
  const total = await db.organization.count({ where: { status: "PENDING" } });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(Number.isFinite(page) ? page : 1)), pageCount);
  const organizations = await db.organization.findMany({
    where: { status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      name: true,
      createdAt: true,
      requestedBy: { select: { name: true, email: true } },
      memberships: { select: { role: true, title: true, user: { select: { email: true } } } },
      territory: { select: territoryFactsSelect },
    },
  });
  const items = organizations.map((organization) => ({
    ...organization,
    requesterDomain: organization.requestedBy?.email.split("@")[1] ?? null,
  }));
  return { items, total, page: current, pageCount };
}

/** Rejected territories, most recent first, for an administrator who may open them again. */
export async function listRejectedOrganizations(db: Db, actor: Actor, take = 50) {
  requireAssociationPermission(actor, "organization:validate");
  return db.organization.findMany({
    where: { status: "REJECTED" },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, name: true, rejectionReason: true, reopenedAt: true, updatedAt: true, territory: { select: { code: true, kind: true } } },
  });
}

/**
 * An administrator opens a rejected territory to a new claim: the next person who claims it
 * starts afresh on the same organization (lib/organizations/join.ts), its history kept.
 */
export async function reopenOrganization(db: Db, actor: Actor, input: { organizationId: string }) {
  requireAssociationPermission(actor, "organization:validate");
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, name: true, status: true, reopenedAt: true } });
    if (!organization) throw new DomainError("Cette organisation n'existe plus.");
    if (organization.status !== "REJECTED") throw new DomainError(`${organization.name} n'est pas refusée : il n'y a rien à rouvrir.`);
    if (organization.reopenedAt) return { organizationId: organization.id, changed: false };
    await tx.organization.update({ where: { id: organization.id }, data: { reopenedAt: new Date() } });
    await recordAudit(tx, { actorId: actor.userId, organizationId: organization.id, action: "organization.reopened", targetType: "Organization", targetId: organization.id });
    return { organizationId: organization.id, changed: true };
  });
}

type DecideInput = Omit<z.output<typeof decideOrganizationSchema>, "reason"> & { reason?: string };

export async function decideOrganization(db: Db, actor: Actor, input: DecideInput) {
  requireAssociationPermission(actor, "organization:validate");
  const result = await db.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({
      where: { id: input.organizationId },
      select: { id: true, name: true, status: true, updatedAt: true, requestedBy: { select: { email: true } } },
    });
    if (!organization) throw new DomainError("Cette demande d'adhésion n'existe plus.");
    if (organization.status !== "PENDING") throw new DomainError(`La demande de ${organization.name} a déjà été traitée.`);
    const approved = input.decision === "approve";
    await tx.organization.update({
      where: { id: organization.id },
      data: approved
        ? { status: "ACTIVE", validatedAt: new Date(), validatedById: actor.userId, rejectionReason: null }
        : { status: "REJECTED", rejectionReason: input.reason },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: organization.id,
      action: approved ? "organization.validated" : "organization.rejected",
      targetType: "Organization",
      targetId: organization.id,
      data: approved ? {} : { reason: input.reason ?? null },
    });
    // A validated EPCI's referents start working for its communes: the communes hear of them.
    if (approved) {
      const referents = await tx.membership.findMany({ where: { organizationId: organization.id, role: "EPCI_REFERENT" }, select: { id: true, userId: true } });
      for (const referent of referents) {
        await announceReferentAppointed(tx, { actorId: actor.userId, epciOrganizationId: organization.id, membershipId: referent.id, userId: referent.userId, via: "epci_validated" });
      }
    }
    const to = organization.requestedBy?.email;
    if (to) {
      // One decision per claim: a territory reopened and claimed again (issue 9) gets a new one.
      const claim = `${organization.id}:${organization.updatedAt.getTime()}`;
      const about = { to, idempotencyKey: `organization.${approved ? "validated" : "rejected"}:${claim}`, organizationId: organization.id };
      if (approved) await queueEmail(tx, { ...about, template: "organization.validated", data: { organizationName: organization.name } });
      else await queueEmail(tx, { ...about, template: "organization.rejected", data: { organizationName: organization.name, reason: input.reason ?? null } });
    }
    return { organization, approved };
  });

  return { organizationId: result.organization.id, status: result.approved ? "ACTIVE" : "REJECTED" };
}
