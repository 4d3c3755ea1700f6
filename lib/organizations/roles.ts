import { DomainError } from "@/lib/auth/errors";
import { associationPermissions, permissionsOn, type ActorGrants, type OrganizationScope } from "@/lib/auth/grants";
import { ORGANIZATION_ROLE_LABELS, organizationRolePermissions } from "@/lib/auth/permissions";
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
