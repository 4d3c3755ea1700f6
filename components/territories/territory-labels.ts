import type { EpciKind, TerritorySearchResult } from "./territory-types";

const epciKindLabels: Record<EpciKind, string> = {
  CC: "Communauté de communes",
  CA: "Communauté d’agglomération",
  CU: "Communauté urbaine",
  METRO: "Métropole",
};

/** "Commune", "Communauté de communes"…: what a person calls this kind of territory. */
export function territoryKindLabel(territory: Pick<TerritorySearchResult, "kind" | "epciKind">): string {
  if (territory.kind === "COMMUNE") return "Commune";
  return territory.epciKind ? epciKindLabels[territory.epciKind] : "Intercommunalité";
}

/** "Loire (42)", or null when the territory spans several départements. */
export function departmentLabel(territory: Pick<TerritorySearchResult, "departmentCode" | "departmentName">): string | null {
  if (territory.departmentName && territory.departmentCode) return `${territory.departmentName} (${territory.departmentCode})`;
  return territory.departmentName ?? territory.departmentCode;
}

/** "42000", "42000 et 42100", "75001, 75002, 75003 et 17 autres". */
export function postcodesLabel(postcodes: string[], shown = 3): string | null {
  if (postcodes.length === 0) return null;
  if (postcodes.length === 1) return postcodes[0]!;
  if (postcodes.length <= shown) {
    return `${postcodes.slice(0, -1).join(", ")} et ${postcodes.at(-1)}`;
  }
  const rest = postcodes.length - shown;
  return `${postcodes.slice(0, shown).join(", ")} et ${rest} ${rest > 1 ? "autres" : "autre"}`;
}

const populationFormat = new Intl.NumberFormat("fr-FR");

export function populationLabel(population: number): string {
  // Intl puts a narrow no-break space between thousands, which many fonts draw too thin.
  const figure = populationFormat.format(population).replace(/\u202f/g, "\u00a0");
  return `${figure}\u00a0${population > 1 ? "habitants" : "habitant"}`;
}
