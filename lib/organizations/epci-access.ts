// Mutualisation the communes control. An EPCI's referents may work on the files of its member
// communes (lib/auth/grants.ts); each commune sees who can, and what they did, and its mayor or
// secretary can switch that access off and on again. Appointing a referent is audited on the
// EPCI and announced to the managers of every member commune.
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { permissionsOn } from "@/lib/auth/grants";
import { MANAGING_ROLES } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { queueEmail } from "@/lib/notifications/outbox";

/** Audit actions a commune sees in its « Mutualisation » section. */
export const EPCI_ACCESS_ACTIONS = ["epci_access.disabled", "epci_access.enabled"] as const;

async function communeWithEpci(db: Db | Prisma.TransactionClient, organizationId: string) {
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      status: true,
      epciAccessRefusal: { select: { createdAt: true } },
      territory: { select: { kind: true, epciCode: true, epci: { select: { code: true, name: true, organization: { select: { id: true, name: true, status: true } } } } } },
    },
  });
  if (!organization || organization.territory.kind !== "COMMUNE" || !organization.territory.epci) return null;
  return { ...organization, epci: organization.territory.epci };
}

/**
 * What the commune's page shows: its EPCI, whether the EPCI's referents may act on its file,
 * who they are, and what they did there. Null for an EPCI or a commune outside any EPCI.
 */
export async function getEpciAccess(db: Db, actor: Actor, organizationId: string) {
  const scope = await requirePermission(db, actor, organizationId, "members:read");
  const commune = await communeWithEpci(db, organizationId);
  if (!commune) return null;
  const held = permissionsOn(actor, scope);
  const epciOrganization = commune.epci.organization;
  const referents = epciOrganization
    ? await db.membership.findMany({
        where: { organizationId: epciOrganization.id, role: "EPCI_REFERENT" },
        orderBy: { createdAt: "asc" },
        select: { id: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      })
    : [];
  // What the EPCI's referents did on this file (they are not members of the commune), and
  // when the access was switched: from the commune's own audit trail.
  const communeMembers = await db.membership.findMany({ where: { organizationId }, select: { userId: true } });
  const ownPeople = new Set(communeMembers.map((membership) => membership.userId));
  const referentIds = referents.map((referent) => referent.user.id).filter((id) => !ownPeople.has(id));
  const activity = held.has("audit:read")
    ? await db.auditEvent.findMany({
        where: { organizationId, OR: [{ actorId: { in: referentIds } }, { action: { in: [...EPCI_ACCESS_ACTIONS] } }] },
        orderBy: { createdAt: "desc" },
        take: 20,
        select: { id: true, createdAt: true, action: true, actor: { select: { name: true, email: true } } },
      })
    : [];
  return {
    epciName: epciOrganization?.name ?? commune.epci.name,
    /** The EPCI acts on the platform (validated by the association). */
    epciActive: epciOrganization?.status === "ACTIVE",
    enabled: !commune.epciAccessRefusal,
    disabledSince: commune.epciAccessRefusal?.createdAt ?? null,
    referents: referents.map((referent) => ({ membershipId: referent.id, since: referent.createdAt, name: referent.user.name, email: referent.user.email })),
    activity,
    canSwitch: held.has("members:manage") && commune.status === "ACTIVE",
  };
}

/** The commune's mayor or secretary switches its EPCI's access off or on again (audited). */
export async function setEpciAccess(db: Db, actor: Actor, input: { organizationId: string; enabled: boolean }) {
  return db.$transaction(async (tx) => {
    const scope = await requirePermission(tx, actor, input.organizationId, "members:manage");
    const commune = await communeWithEpci(tx, input.organizationId);
    if (!commune) throw new AccessDeniedError();
    if (scope.status !== "ACTIVE") throw new DomainError("Vous pourrez régler l'accès de votre intercommunalité une fois l'adhésion validée.");
    const enabled = !commune.epciAccessRefusal;
    const epciName = commune.epci.organization?.name ?? commune.epci.name;
    if (enabled === input.enabled) return { organizationId: commune.id, epciName, enabled, changed: false };
    if (input.enabled) await tx.epciAccessRefusal.delete({ where: { organizationId: commune.id } });
    else await tx.epciAccessRefusal.create({ data: { organizationId: commune.id } });
    const data = { epciCode: commune.epci.code, epciName: commune.epci.name };
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: commune.id,
      action: input.enabled ? "epci_access.enabled" : "epci_access.disabled",
      targetType: "Organization",
      targetId: commune.id,
      data,
    });
    // The EPCI's trail says it too: its referents learn why a file closed.
    if (commune.epci.organization) {
      await recordAudit(tx, {
        actorId: actor.userId,
        organizationId: commune.epci.organization.id,
        action: input.enabled ? "epci_access.enabled_by_commune" : "epci_access.disabled_by_commune",
        targetType: "Organization",
        targetId: commune.id,
        data: { communeName: commune.name },
      });
    }
    return { organizationId: commune.id, epciName, enabled: input.enabled, changed: true };
  });
}

/**
 * Called in the transaction that makes someone referent of an EPCI (role change, accepted
 * request or invitation, or the EPCI's validation): audited on the EPCI, and announced to the
 * managers of each member commune through the outbox — once per membership and recipient.
 */
export async function announceReferentAppointed(
  tx: Prisma.TransactionClient,
  input: { actorId: string; epciOrganizationId: string; membershipId: string; userId: string; via: string },
): Promise<number> {
  const epci = await tx.organization.findUnique({ where: { id: input.epciOrganizationId }, select: { name: true, status: true, territoryCode: true, territory: { select: { kind: true } } } });
  if (!epci || epci.territory.kind !== "EPCI") return 0;
  const referent = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true, email: true } });
  await recordAudit(tx, {
    actorId: input.actorId,
    organizationId: input.epciOrganizationId,
    action: "epci.referent_appointed",
    targetType: "Membership",
    targetId: input.membershipId,
    data: { userId: input.userId, email: referent.email, via: input.via, effective: epci.status === "ACTIVE" },
  });
  // Before the association validates the EPCI its referents act on nothing: the communes hear of
  // them at the validation (lib/organizations/validation.ts).
  if (epci.status !== "ACTIVE") return 0;
  const communes = await tx.organization.findMany({
    where: { status: "ACTIVE", territory: { epciCode: epci.territoryCode, kind: "COMMUNE" } },
    select: {
      id: true,
      name: true,
      epciAccessRefusal: { select: { createdAt: true } },
      memberships: { where: { role: { in: MANAGING_ROLES } }, select: { user: { select: { email: true } } } },
    },
  });
  let queued = 0;
  for (const commune of communes) {
    const recipients = new Set(commune.memberships.map((membership) => membership.user.email.toLowerCase()));
    for (const to of recipients) {
      await queueEmail(tx, {
        to,
        template: "organizations.epci_referent_appointed",
        data: {
          communeOrganizationId: commune.id,
          communeName: commune.name,
          epciName: epci.name,
          referentName: referent.name,
          referentEmail: referent.email,
          accessEnabled: !commune.epciAccessRefusal,
        },
        idempotencyKey: `epci-referent:${input.membershipId}:${commune.id}:${to}`,
        organizationId: commune.id,
      });
      queued++;
    }
  }
  return queued;
}
