import { DomainError } from "@/lib/auth/errors";
import type { OrganizationRole, TerritoryKind } from "@/lib/db/generated/enums";

/** Only an EPCI has intercommunal referents; a commune has none. */
export function checkRoleFitsTerritory(role: OrganizationRole, kind: TerritoryKind): void {
  if (role === "EPCI_REFERENT" && kind !== "EPCI") {
    throw new DomainError("Le rôle de référent intercommunal existe seulement pour une intercommunalité.", "role");
  }
}
