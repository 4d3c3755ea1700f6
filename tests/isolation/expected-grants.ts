// Who should hold a permission, read from the tables of lib/auth/permissions.ts alone: the
// suite's oracle, written apart from lib/auth/grants.ts so that a slip in grants.ts (a referent
// working for another EPCI's communes, a correspondent outside their département) is caught
// instead of copied. The suite also checks that grants.ts agrees with it.
import type { Permission } from "@/lib/auth/permissions";
import { associationRolePermissions, EPCI_REFERENT_MEMBER_PERMISSIONS, organizationRolePermissions } from "@/lib/auth/permissions";
import type { OrganizationStatus } from "@/lib/db/generated/enums";
import type { Person } from "./world";

/** Mirrors UNVALIDATED_MEMBER_PERMISSIONS of lib/auth/grants.ts (not exported): what members keep before validation. */
const BEFORE_VALIDATION: readonly Permission[] = ["organization:read", "members:read"];

export type TargetFacts = {
  organizationId: string;
  status: OrganizationStatus;
  departmentCode: string;
  /** Organization of the EPCI the target commune belongs to. */
  epciOrganizationId: string | null;
  /** Only a validated EPCI organization's referents work for its communes. */
  epciOrganizationActive: boolean;
};

export function shouldHoldOn(person: Person, target: TargetFacts, permission: Permission): boolean {
  for (const membership of person.grants.memberships) {
    if (membership.organizationId === target.organizationId) {
      const granted = organizationRolePermissions(membership.role);
      if (granted.includes(permission) && (target.status === "ACTIVE" || BEFORE_VALIDATION.includes(permission))) return true;
    }
    if (
      membership.role === "EPCI_REFERENT" &&
      membership.organizationId === target.epciOrganizationId &&
      target.epciOrganizationActive &&
      target.status === "ACTIVE" &&
      EPCI_REFERENT_MEMBER_PERMISSIONS.includes(permission)
    ) {
      return true;
    }
  }
  return person.grants.associationRoles.some(
    (grant) =>
      (grant.role !== "DEPARTMENT_CORRESPONDENT" || grant.departmentCode === target.departmentCode) &&
      associationRolePermissions(grant.role).includes(permission),
  );
}

/** Association-wide work: association roles only, wherever their département. */
export function shouldHoldAssociationWide(person: Person, permission: Permission): boolean {
  return person.grants.associationRoles.some((grant) => associationRolePermissions(grant.role).includes(permission));
}
