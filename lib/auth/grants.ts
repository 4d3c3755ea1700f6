// Pure resolution of what an actor may do on one organization, from their roles.
import type { OrganizationStatus } from "@/lib/db/generated/enums";
import {
  EPCI_REFERENT_MEMBER_PERMISSIONS,
  associationRolePermissions,
  organizationRolePermissions,
  type Permission,
} from "./permissions";

export type ActorGrants = {
  userId: string;
  memberships: { organizationId: string; role: string }[];
  associationRoles: { role: string; departmentCode: string }[];
};

export type OrganizationScope = {
  id: string;
  status: OrganizationStatus;
  /** Département of the territory (for an EPCI: where most of its population lives). */
  departmentCode: string | null;
  /** Organization acting for the EPCI this commune belongs to, if any and validated. */
  epciOrganizationId: string | null;
};

/** While an organization is not validated, its members only see it. */
const UNVALIDATED_MEMBER_PERMISSIONS: readonly Permission[] = ["organization:read", "members:read"];

export function permissionsOn(actor: ActorGrants, organization: OrganizationScope): Set<Permission> {
  const granted = new Set<Permission>();
  const add = (permissions: readonly Permission[]) => permissions.forEach((permission) => granted.add(permission));

  for (const membership of actor.memberships) {
    if (membership.organizationId === organization.id) {
      const permissions = organizationRolePermissions(membership.role);
      add(organization.status === "ACTIVE" ? permissions : permissions.filter((p) => UNVALIDATED_MEMBER_PERMISSIONS.includes(p)));
    }
    // The EPCI's IT staff work for its member communes.
    if (
      membership.role === "EPCI_REFERENT" &&
      organization.status === "ACTIVE" &&
      organization.epciOrganizationId !== null &&
      membership.organizationId === organization.epciOrganizationId
    ) {
      add(EPCI_REFERENT_MEMBER_PERMISSIONS);
    }
  }

  for (const grant of actor.associationRoles) {
    if (grant.role === "DEPARTMENT_CORRESPONDENT" && grant.departmentCode !== organization.departmentCode) continue;
    add(associationRolePermissions(grant.role));
  }
  return granted;
}

/** Association-wide permissions (validating organizations, managing rounds...). */
export function associationPermissions(actor: ActorGrants): Set<Permission> {
  const granted = new Set<Permission>();
  for (const grant of actor.associationRoles) associationRolePermissions(grant.role).forEach((p) => granted.add(p));
  return granted;
}
