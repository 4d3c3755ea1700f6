// Read models for the private area: what a person sees of their organizations.
import { loadOrganizationScope, requirePermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { permissionsOn } from "@/lib/auth/grants";
import type { Permission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import { assertMayGrantRole } from "./roles";
import { ORGANIZATION_ROLES } from "./schemas";
import { territoryFactsSelect } from "./territory-facts";

export async function getOrganizationOverview(db: Db, actor: Actor, organizationId: string) {
  await requirePermission(db, actor, organizationId, "organization:read");
  const scope = (await loadOrganizationScope(db, organizationId))!;
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      status: true,
      createdAt: true,
      validatedAt: true,
      rejectionReason: true,
      territory: { select: territoryFactsSelect },
    },
  });
  const can = permissionsOn(actor, scope);
  // The roles this person may hand out here (the same rule the domain enforces).
  const grantableRoles = ORGANIZATION_ROLES.filter((role) => {
    if (role === "EPCI_REFERENT" && organization.territory.kind !== "EPCI") return false;
    try {
      assertMayGrantRole(actor, scope, role);
      return true;
    } catch {
      return false;
    }
  });
  return { organization, can: (permission: Permission) => can.has(permission), grantableRoles };
}

/** The person's organizations and their own pending requests, for the dashboard. */
export async function getDashboard(db: Db, actor: Actor) {
  const organizationIds = [...new Set(actor.memberships.map((membership) => membership.organizationId))];
  const [organizations, requests] = await Promise.all([
    db.organization.findMany({
      where: { id: { in: organizationIds } },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        status: true,
        rejectionReason: true,
        territory: { select: { kind: true, epciKind: true, department: { select: { code: true, name: true } } } },
      },
    }),
    db.joinRequest.findMany({
      where: { userId: actor.userId, status: "PENDING" },
      orderBy: { createdAt: "desc" },
      select: { id: true, requestedRole: true, createdAt: true, organization: { select: { name: true } } },
    }),
  ]);
  return {
    organizations: organizations.map((organization) => ({
      ...organization,
      roles: actor.memberships.filter((membership) => membership.organizationId === organization.id).map((membership) => membership.role),
    })),
    requests,
  };
}
