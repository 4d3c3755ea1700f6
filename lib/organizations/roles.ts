import { DomainError } from "@/lib/auth/errors";
import { associationPermissions, permissionsOn, type ActorGrants, type OrganizationScope } from "@/lib/auth/grants";
import { ORGANIZATION_ROLE_LABELS, organizationRolePermissions, type Permission } from "@/lib/auth/permissions";
import type { OrganizationRole, TerritoryKind } from "@/lib/db/generated/enums";

/** Only an EPCI has intercommunal referents; a commune has none. */
export function checkRoleFitsTerritory(role: OrganizationRole, kind: TerritoryKind): void {
  if (role === "EPCI_REFERENT" && kind !== "EPCI") {
    throw new DomainError("Le rôle de référent intercommunal existe seulement pour une intercommunalité.", "role");
  }
}

/**
 * Nobody hands out more than they hold: a role can be given (by role change, invitation or
 * accepting a request) only by someone who already has all its permissions on the
 * organization — a secretary cannot make anyone, herself included, mayor. The association's
 * administrators may, since they vouch for who acts for each territory.
 */
export function assertMayGrantRole(actor: ActorGrants, scope: OrganizationScope, role: OrganizationRole): void {
  if (associationPermissions(actor).has("organization:validate")) return;
  const held = permissionsOn(actor, scope);
  if (organizationRolePermissions(role).every((permission) => held.has(permission))) return;
  throw new DomainError(
    `Vous ne pouvez pas donner le rôle « ${ORGANIZATION_ROLE_LABELS[role]} » : il comporte des droits que vous n'avez pas. ` +
      "Demandez-le à une personne qui a déjà ce rôle, ou à l'association.",
    "role",
  );
}

/**
 * The role hierarchy, as one rule: whoever acts on a member must already hold every
 * permission that member holds there. A secretary cannot demote or remove the mayor (who may
 * submit the candidacy and download the certificate), although she manages members.
 */
export function mayActOnHolderOf(held: ReadonlySet<Permission>, targetRoles: readonly string[]): boolean {
  return targetRoles.every((role) => organizationRolePermissions(role).every((permission) => held.has(permission)));
}

/**
 * Used by every membership change that touches someone else: changing their role, removing
 * them, revoking the invitation that would give them a role. `targetRoles` are the roles the
 * person holds in the organization (or the role the invitation gives). The association's
 * administrators may, as for granting.
 */
export function assertMayActOnMember(
  actor: ActorGrants,
  scope: OrganizationScope,
  targetRoles: readonly OrganizationRole[],
  what: "change" | "remove" | "revoke",
): void {
  if (associationPermissions(actor).has("organization:validate")) return;
  if (mayActOnHolderOf(permissionsOn(actor, scope), targetRoles)) return;
  const above = targetRoles.filter((role) => !mayActOnHolderOf(permissionsOn(actor, scope), [role]));
  const labels = above.map((role) => `« ${ORGANIZATION_ROLE_LABELS[role]} »`).join(", ");
  const verb = { change: "changer le rôle de cette personne", remove: "retirer cette personne", revoke: "annuler cette invitation" }[what];
  throw new DomainError(
    `Vous ne pouvez pas ${verb} : son rôle ${labels} comporte des droits que vous n'avez pas. ` +
      "Demandez-le à une personne qui a ce rôle, ou à l'association.",
    "role",
  );
}
