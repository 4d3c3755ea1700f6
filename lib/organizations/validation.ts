// The association validates (or refuses) each new organization before it acts for its territory.
import { recordAudit } from "@/lib/audit/record";
import { requireAssociationPermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/auth/errors";
import type { Db } from "@/lib/db/create-client";
import { queueEmail } from "@/lib/notifications/outbox";
import type { z } from "zod";
import type { decideOrganizationSchema } from "./schemas";
import { territoryFactsSelect } from "./territory-facts";

/** What an administrator needs to decide: who asked, from which domain, and the official data. */
export async function listPendingOrganizations(db: Db, actor: Actor) {
  requireAssociationPermission(actor, "organization:validate");
  const organizations = await db.organization.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      createdAt: true,
      requestedBy: { select: { name: true, email: true } },
      memberships: { select: { role: true, title: true, user: { select: { email: true } } } },
      territory: { select: territoryFactsSelect },
    },
  });
  return organizations.map((organization) => ({
    ...organization,
    requesterDomain: organization.requestedBy?.email.split("@")[1] ?? null,
  }));
}

type DecideInput = Omit<z.output<typeof decideOrganizationSchema>, "reason"> & { reason?: string };

export async function decideOrganization(db: Db, actor: Actor, input: DecideInput) {
  requireAssociationPermission(actor, "organization:validate");
  const result = await db.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({
      where: { id: input.organizationId },
      select: { id: true, name: true, status: true, requestedBy: { select: { email: true } } },
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
    const to = organization.requestedBy?.email;
    if (to) {
      const about = { to, idempotencyKey: `organization.${approved ? "validated" : "rejected"}:${organization.id}`, organizationId: organization.id };
      if (approved) await queueEmail(tx, { ...about, template: "organization.validated", data: { organizationName: organization.name } });
      else await queueEmail(tx, { ...about, template: "organization.rejected", data: { organizationName: organization.name, reason: input.reason ?? null } });
    }
    return { organization, approved };
  });

  return { organizationId: result.organization.id, status: result.approved ? "ACTIVE" : "REJECTED" };
}
