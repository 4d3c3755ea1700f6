// Joining the label: the first person to claim a territory creates its organization, pending
// the association's validation; later people ask to join and a manager accepts them.
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/auth/errors";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import type { z } from "zod";
import { checkRoleFitsTerritory } from "./roles";
import type { joinTerritorySchema } from "./schemas";

export type JoinOutcome =
  | { kind: "claimed"; organizationId: string; organizationName: string }
  | { kind: "requested"; organizationId: string; organizationName: string };

type JoinInput = z.output<typeof joinTerritorySchema>;

/** One account may wait for the association's answer on this many claims at once. */
export const MAX_PENDING_CLAIMS = 3;

/** Refuses a claim beyond the limit; the caller holds the lock on the person's row. */
async function checkPendingClaims(tx: Prisma.TransactionClient, userId: string) {
  const pending = await tx.organization.count({ where: { requestedById: userId, status: "PENDING" } });
  if (pending >= MAX_PENDING_CLAIMS) {
    throw new DomainError(
      `Vous avez déjà ${pending} demandes d'adhésion en attente de validation : attendez la réponse de l'association avant d'en faire une autre, ou écrivez-lui si vous agissez pour plusieurs territoires.`,
      "territoryCode",
    );
  }
}

export async function joinTerritory(db: Db, actor: Actor, input: JoinInput): Promise<JoinOutcome> {
  return db.$transaction(async (tx) => {
    // One claim at a time per person, so two at once cannot both pass the limit.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${actor.userId} FOR UPDATE`;
    const territory = await tx.territory.findUnique({
      where: { code: input.territoryCode },
      select: { code: true, name: true, kind: true, organization: { select: { id: true, name: true, status: true, reopenedAt: true } } },
    });
    if (!territory) {
      throw new DomainError("Ce territoire ne figure pas dans la liste officielle : choisissez-le dans les résultats de la recherche.", "territoryCode");
    }
    checkRoleFitsTerritory(input.role, territory.kind);

    const existing = territory.organization;
    if (existing?.status === "REJECTED" && existing.reopenedAt) {
      // The association opened this rejected territory again: the new claimant starts afresh
      // on the same organization (its history stays), pending validation as any claim.
      await checkPendingClaims(tx, actor.userId);
      await tx.joinRequest.updateMany({ where: { organizationId: existing.id, status: "PENDING" }, data: { status: "CANCELLED" } });
      await tx.membership.deleteMany({ where: { organizationId: existing.id } });
      await tx.invitation.updateMany({ where: { organizationId: existing.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
      await tx.organization.update({
        where: { id: existing.id },
        data: { status: "PENDING", requestedById: actor.userId, rejectionReason: null, reopenedAt: null, validatedAt: null, validatedById: null },
      });
      await tx.membership.create({ data: { userId: actor.userId, organizationId: existing.id, role: input.role, title: input.title } });
      await recordAudit(tx, {
        actorId: actor.userId,
        organizationId: existing.id,
        action: "organization.claimed",
        targetType: "Organization",
        targetId: existing.id,
        data: { territoryCode: territory.code, role: input.role, message: input.message ?? null, afterReopening: true },
      });
      return { kind: "claimed", organizationId: existing.id, organizationName: existing.name };
    }
    if (!existing) {
      await checkPendingClaims(tx, actor.userId);
      const organization = await tx.organization.create({
        data: { territoryCode: territory.code, name: territory.name, status: "PENDING", requestedById: actor.userId },
      });
      await tx.membership.create({
        data: { userId: actor.userId, organizationId: organization.id, role: input.role, title: input.title },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        organizationId: organization.id,
        action: "organization.claimed",
        targetType: "Organization",
        targetId: organization.id,
        data: { territoryCode: territory.code, role: input.role, message: input.message ?? null },
      });
      return { kind: "claimed", organizationId: organization.id, organizationName: organization.name };
    }

    if (existing.status === "REJECTED" || existing.status === "SUSPENDED") {
      throw new DomainError(`L'adhésion de ${existing.name} n'est pas ouverte pour le moment. Contactez l'association.`);
    }
    const member = await tx.membership.findFirst({ where: { organizationId: existing.id, userId: actor.userId }, select: { id: true } });
    if (member) throw new DomainError(`Vous êtes déjà membre de ${existing.name}.`);
    const pending = await tx.joinRequest.findFirst({
      where: { organizationId: existing.id, userId: actor.userId, status: "PENDING" },
      select: { id: true },
    });
    if (pending) throw new DomainError(`Votre demande pour rejoindre ${existing.name} est déjà en attente de réponse.`);

    const request = await tx.joinRequest.create({
      data: { organizationId: existing.id, userId: actor.userId, requestedRole: input.role, message: input.message },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: existing.id,
      action: "membership.requested",
      targetType: "JoinRequest",
      targetId: request.id,
      data: { role: input.role },
    });
    return { kind: "requested", organizationId: existing.id, organizationName: existing.name };
  });
}

/** The territory chosen before signing in (home page → sign-in → join), with its organization. */
export async function findTerritoryToJoin(db: Db, code: string) {
  if (!/^([0-9][0-9AB][0-9]{3}|[0-9]{9})$/.test(code)) return null;
  return db.territory.findUnique({
    where: { code },
    select: {
      code: true,
      kind: true,
      name: true,
      population: true,
      postcodes: true,
      epciKind: true,
      epciCode: true,
      department: { select: { code: true, name: true } },
      epci: { select: { name: true } },
      organization: { select: { status: true } },
    },
  });
}
