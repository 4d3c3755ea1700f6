// Inviting a colleague by e-mail: a single-use link, valid 7 days, for the invited address only.
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { MANAGING_ROLES, ORGANIZATION_ROLE_LABELS } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import type { OrganizationRole } from "@/lib/db/generated/enums";
import { queueEmail } from "@/lib/notifications/outbox";
import { assertMayGrantRole, checkRoleFitsTerritory } from "./roles";
import { hashToken, newToken } from "./tokens";

export const INVITATION_VALIDITY_DAYS = 7;

export async function inviteMember(db: Db, actor: Actor, input: { organizationId: string; email: string; role: OrganizationRole }) {
  const invitation = await db.$transaction(async (tx) => {
    const scope = await requirePermission(tx, actor, input.organizationId, "members:manage");
    if (scope.status !== "ACTIVE") throw new DomainError("Vous pourrez inviter vos collègues une fois l'adhésion validée par l'association.");
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: scope.id },
      select: { name: true, territory: { select: { kind: true } } },
    });
    checkRoleFitsTerritory(input.role, organization.territory.kind);
    assertMayGrantRole(actor, scope, input.role);
    const alreadyMember = await tx.membership.findFirst({
      where: { organizationId: scope.id, role: input.role, user: { email: input.email } },
      select: { id: true },
    });
    if (alreadyMember) throw new DomainError("Cette personne a déjà ce rôle dans l'organisation.", "email");
    // A new invitation replaces a pending one for the same address.
    await tx.invitation.updateMany({
      where: { organizationId: scope.id, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const { token, hash } = newToken();
    const invitation = await tx.invitation.create({
      data: {
        organizationId: scope.id,
        email: input.email,
        role: input.role,
        tokenHash: hash,
        invitedById: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_VALIDITY_DAYS * 24 * 3600_000),
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: scope.id,
      action: "invitation.sent",
      targetType: "Invitation",
      targetId: invitation.id,
      data: { email: input.email, role: input.role },
    });
    await queueEmail(tx, {
      to: invitation.email,
      template: "invitation.sent",
      data: { organizationName: organization.name, invitedBy: actor.name ?? actor.email, role: invitation.role, token, validityDays: INVITATION_VALIDITY_DAYS },
      idempotencyKey: `invitation.sent:${invitation.id}`,
      organizationId: scope.id,
    });
    return invitation;
  });
  return { invitationId: invitation.id, organizationId: input.organizationId };
}

export async function listInvitations(db: Db, actor: Actor, organizationId: string) {
  await requirePermission(db, actor, organizationId, "members:manage");
  return db.invitation.findMany({
    where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
}

export async function revokeInvitation(db: Db, actor: Actor, input: { invitationId: string }) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id: input.invitationId }, select: { id: true, organizationId: true, email: true, acceptedAt: true, revokedAt: true } });
    if (!invitation) throw new AccessDeniedError();
    await requirePermission(tx, actor, invitation.organizationId, "members:manage");
    if (invitation.acceptedAt || invitation.revokedAt) throw new DomainError("Cette invitation n'est plus en attente.");
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: invitation.organizationId,
      action: "invitation.revoked",
      targetType: "Invitation",
      targetId: invitation.id,
      data: { email: invitation.email },
    });
    return { organizationId: invitation.organizationId };
  });
}

/**
 * Someone who can no longer manage the organization (removed, left, or given a role without
 * members:manage) must not let people in through invitations sent before: their pending
 * invitations are revoked in the same transaction as the change.
 */
export async function revokeInvitationsOfFormerManager(tx: Prisma.TransactionClient, actorId: string, organizationId: string, userId: string) {
  const stillManages = await tx.membership.count({ where: { organizationId, userId, role: { in: MANAGING_ROLES } } });
  if (stillManages > 0) return 0;
  const pending = await tx.invitation.findMany({
    where: { organizationId, invitedById: userId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true },
  });
  if (pending.length === 0) return 0;
  await tx.invitation.updateMany({ where: { id: { in: pending.map((invitation) => invitation.id) } }, data: { revokedAt: new Date() } });
  for (const invitation of pending) {
    await recordAudit(tx, {
      actorId,
      organizationId,
      action: "invitation.revoked",
      targetType: "Invitation",
      targetId: invitation.id,
      data: { email: invitation.email, reason: "inviter_no_longer_manages" },
    });
  }
  return pending.length;
}

/** What the invitation page shows before the person accepts. */
export async function findInvitation(db: Db, token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { id: true, name: true, status: true } },
    },
  });
  if (!invitation) return { state: "unknown" as const };
  if (invitation.acceptedAt) return { state: "accepted" as const, invitation };
  if (invitation.revokedAt) return { state: "revoked" as const, invitation };
  if (invitation.expiresAt.getTime() <= Date.now()) return { state: "expired" as const, invitation };
  return { state: "pending" as const, invitation };
}

export async function acceptInvitation(db: Db, actor: Actor, input: { token: string }) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashToken(input.token) } });
    if (!invitation) throw new DomainError("Ce lien d'invitation n'est pas valide. Demandez une nouvelle invitation.");
    if (invitation.acceptedAt) throw new DomainError("Cette invitation a déjà été acceptée.");
    if (invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) {
      throw new DomainError("Cette invitation a expiré ou a été annulée. Demandez-en une nouvelle à la personne qui vous a invité.");
    }
    if (invitation.email !== actor.email.toLowerCase()) {
      throw new DomainError(`Cette invitation est adressée à ${invitation.email}. Connectez-vous avec cette adresse pour l'accepter.`);
    }
    // Accepting is atomic: a second click finds acceptedAt set.
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count === 0) throw new DomainError("Cette invitation a déjà été acceptée.");
    await tx.membership.upsert({
      where: { userId_organizationId_role: { userId: actor.userId, organizationId: invitation.organizationId, role: invitation.role } },
      update: {},
      create: { userId: actor.userId, organizationId: invitation.organizationId, role: invitation.role },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: invitation.organizationId,
      action: "invitation.accepted",
      targetType: "Invitation",
      targetId: invitation.id,
      data: { role: invitation.role },
    });
    return { organizationId: invitation.organizationId };
  });
}
