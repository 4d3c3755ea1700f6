import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/create-client";
import type { OrganizationStatus } from "@/lib/db/generated/enums";
import type { Actor } from "./actor";
import { AccessDeniedError } from "./errors";
import { associationPermissions, permissionsOn, type ActorGrants, type OrganizationScope } from "./grants";
import { associationRolePermissions, type Permission } from "./permissions";

/** Loads what the permission rules need to know about an organization; null if unknown. */
export async function loadOrganizationScope(db: Db | Prisma.TransactionClient, organizationId: string): Promise<OrganizationScope | null> {
  if (typeof organizationId !== "string" || organizationId.length === 0 || organizationId.length > 64) return null;
  // One statement, not four: this runs before every read and write of an organization's data.
  const [row] = await db.$queryRaw<
    { id: string; status: OrganizationStatus; departmentCode: string | null; epciOrganizationId: string | null; epciStatus: OrganizationStatus | null; epciRefused: boolean }[]
  >`
    SELECT o."id", o."status"::text AS "status", t."departmentCode",
           e."id" AS "epciOrganizationId", e."status"::text AS "epciStatus",
           (r."organizationId" IS NOT NULL) AS "epciRefused"
    FROM "Organization" o
    JOIN "Territory" t ON t."code" = o."territoryCode"
    LEFT JOIN "Organization" e ON t."epciCode" IS NOT NULL AND e."territoryCode" = t."epciCode"
    LEFT JOIN "EpciAccessRefusal" r ON r."organizationId" = o."id"
    WHERE o."id" = ${organizationId}`;
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    departmentCode: row.departmentCode,
    // An EPCI's referents work for its communes only once the association validated the EPCI,
    // and only for communes that did not switch that access off (lib/organizations/epci-access.ts).
    epciOrganizationId: row.epciStatus === "ACTIVE" && !row.epciRefused ? row.epciOrganizationId : null,
  };
}

/**
 * The one check every page, action and route handler makes before touching an organization's
 * data. `organizationId` must come from the resource being touched, never from the request.
 */
export async function requirePermission(
  db: Db | Prisma.TransactionClient,
  actor: ActorGrants | null,
  organizationId: string,
  permission: Permission,
): Promise<OrganizationScope> {
  if (!actor) throw new AccessDeniedError();
  const scope = await loadOrganizationScope(db, organizationId);
  if (!scope || !permissionsOn(actor, scope).has(permission)) throw new AccessDeniedError();
  return scope;
}

export async function hasPermission(db: Db, actor: ActorGrants | null, organizationId: string, permission: Permission): Promise<boolean> {
  return requirePermission(db, actor, organizationId, permission).then(
    () => true,
    (error: unknown) => {
      if (error instanceof AccessDeniedError) return false;
      throw error;
    },
  );
}

/** For association-wide work (validating organizations, managing rounds). */
export function requireAssociationPermission(actor: ActorGrants | null, permission: Permission): void {
  if (!actor || !associationPermissions(actor).has(permission)) throw new AccessDeniedError();
}

/**
 * Where-clause for listing organizations an association member may see: everyone for most
 * roles, their départements for a correspondent. Nothing for anyone else.
 */
export function visibleOrganizationsWhere(actor: Actor): Prisma.OrganizationWhereInput {
  const departments: string[] = [];
  for (const grant of actor.associationRoles) {
    if (grant.role === "DEPARTMENT_CORRESPONDENT") departments.push(grant.departmentCode);
    else if (associationRolePermissions(grant.role).includes("organization:list")) return {};
  }
  if (departments.length > 0) return { territory: { departmentCode: { in: departments } } };
  return { id: { in: actor.memberships.map((membership) => membership.organizationId) } };
}
