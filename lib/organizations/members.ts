// Members of an organization: listing, join requests, role changes and removal. The tenant is
// always the organization of the membership or request touched, never one from the request.
import type { Prisma } from "@/lib/db/generated/client";
import type { OrganizationRole } from "@/lib/db/generated/enums";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { MANAGING_ROLES, ORGANIZATION_ROLE_LABELS } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import { announceReferentAppointed } from "./epci-access";
import { revokeInvitationsOfFormerManager } from "./invitations";
import { assertMayActOnMember, assertMayGrantRole, checkRoleFitsTerritory } from "./roles";

/** The roles a person holds in an organization (one membership row per role). */
async function rolesHeld(tx: Prisma.TransactionClient, organizationId: string, userId: string): Promise<OrganizationRole[]> {
  const rows = await tx.membership.findMany({ where: { organizationId, userId }, select: { role: true } });
  return rows.map((row) => row.role);
}

export async function listMembers(db: Db, actor: Actor, organizationId: string) {
  await requirePermission(db, actor, organizationId, "members:read");
  const memberships = await db.membership.findMany({
    where: { organizationId },
    orderBy: [{ user: { name: "asc" } }, { createdAt: "asc" }],
    select: { id: true, role: true, title: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return memberships;
}

export async function listJoinRequests(db: Db, actor: Actor, organizationId: string) {
  await requirePermission(db, actor, organizationId, "members:manage");
  return db.joinRequest.findMany({
    where: { organizationId, status: "PENDING" },
    orderBy: { createdAt: "asc" },
    select: { id: true, requestedRole: true, message: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
}

/** An active organization keeps at least one person who can manage it. */
async function ensureManagerRemains(tx: Prisma.TransactionClient, organizationId: string) {
  const managers = await tx.membership.count({ where: { organizationId, role: { in: MANAGING_ROLES } } });
  if (managers === 0) {
    throw new DomainError(
      `Il doit rester au moins une personne pouvant gérer l'organisation (${MANAGING_ROLES.map((role) => ORGANIZATION_ROLE_LABELS[role].toLowerCase()).join(" ou ")}). Désignez-en une autre avant.`,
    );
  }
}

export async function decideJoinRequest(db: Db, actor: Actor, input: { requestId: string; decision: "accept" | "refuse" }) {
  return db.$transaction(async (tx) => {
    const request = await tx.joinRequest.findUnique({
      where: { id: input.requestId },
      select: { id: true, organizationId: true, userId: true, requestedRole: true, status: true },
    });
    if (!request) throw new AccessDeniedError();
    const scope = await requirePermission(tx, actor, request.organizationId, "members:manage");
    if (request.status !== "PENDING") throw new DomainError("Cette demande a déjà été traitée.");
    const accepted = input.decision === "accept";
    if (accepted) assertMayGrantRole(actor, scope, request.requestedRole);
    await tx.joinRequest.update({
      where: { id: request.id },
      data: { status: accepted ? "ACCEPTED" : "REFUSED", decidedById: actor.userId, decidedAt: new Date() },
    });
    if (accepted) {
      const membership = await tx.membership.upsert({
        where: { userId_organizationId_role: { userId: request.userId, organizationId: request.organizationId, role: request.requestedRole } },
        update: {},
        create: { userId: request.userId, organizationId: request.organizationId, role: request.requestedRole },
        select: { id: true },
      });
      if (request.requestedRole === "EPCI_REFERENT") {
        await announceReferentAppointed(tx, { actorId: actor.userId, epciOrganizationId: request.organizationId, membershipId: membership.id, userId: request.userId, via: "join_request" });
      }
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: request.organizationId,
      action: accepted ? "membership.accepted" : "membership.refused",
      targetType: "JoinRequest",
      targetId: request.id,
      data: { userId: request.userId, role: request.requestedRole },
    });
    return { organizationId: request.organizationId, accepted };
  });
}

export async function changeMemberRole(db: Db, actor: Actor, input: { membershipId: string; role: OrganizationRole }) {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { id: input.membershipId },
      select: { id: true, organizationId: true, userId: true, role: true, organization: { select: { territory: { select: { kind: true } } } } },
    });
    if (!membership) throw new AccessDeniedError();
    const scope = await requirePermission(tx, actor, membership.organizationId, "members:manage");
    if (membership.role === input.role) return { organizationId: membership.organizationId };
    checkRoleFitsTerritory(input.role, membership.organization.territory.kind);
    assertMayActOnMember(actor, scope, await rolesHeld(tx, membership.organizationId, membership.userId), "change");
    assertMayGrantRole(actor, scope, input.role);
    const duplicate = await tx.membership.findUnique({
      where: { userId_organizationId_role: { userId: membership.userId, organizationId: membership.organizationId, role: input.role } },
      select: { id: true },
    });
    if (duplicate) throw new DomainError("Cette personne a déjà ce rôle dans l'organisation.", "role");
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    await ensureManagerRemains(tx, membership.organizationId);
    await revokeInvitationsOfFormerManager(tx, actor.userId, membership.organizationId, membership.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: membership.organizationId,
      action: "membership.role_changed",
      targetType: "Membership",
      targetId: membership.id,
      data: { userId: membership.userId, from: membership.role, to: input.role },
    });
    if (input.role === "EPCI_REFERENT") {
      await announceReferentAppointed(tx, { actorId: actor.userId, epciOrganizationId: membership.organizationId, membershipId: membership.id, userId: membership.userId, via: "role_change" });
    }
    return { organizationId: membership.organizationId };
  });
}

export async function removeMember(db: Db, actor: Actor, input: { membershipId: string }) {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { id: input.membershipId },
      select: { id: true, organizationId: true, userId: true, role: true },
    });
    if (!membership) throw new AccessDeniedError();
    // Anyone may leave; removing someone else takes the right to manage members.
    if (membership.userId !== actor.userId) {
      const scope = await requirePermission(tx, actor, membership.organizationId, "members:manage");
      assertMayActOnMember(actor, scope, await rolesHeld(tx, membership.organizationId, membership.userId), "remove");
    } else await requirePermission(tx, actor, membership.organizationId, "organization:read");
    await tx.membership.delete({ where: { id: membership.id } });
    await ensureManagerRemains(tx, membership.organizationId);
    await revokeInvitationsOfFormerManager(tx, actor.userId, membership.organizationId, membership.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: membership.organizationId,
      action: membership.userId === actor.userId ? "membership.left" : "membership.removed",
      targetType: "Membership",
      targetId: membership.id,
      data: { userId: membership.userId, role: membership.role },
    });
    return { organizationId: membership.organizationId };
  });
}
