// The Code officiel géographique as shipped by @etalab/decoupage-administratif, read from its
// JSON files and shaped into the rows we store. Pure apart from reading the files, so the
// rules (EPCI département, kinds, memberships) are unit tested without a database.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { normalizeSearchText, searchKeysFor, spelledOutEpciName } from "./normalize";

/** Edition of the geographic code shipped by @etalab/decoupage-administratif 6.0.0. */
export const COG_YEAR = 2026;

// Shapes of the package's JSON files (only the fields we read).
export type CogRegion = { code: string; nom: string };
export type CogDepartment = { code: string; nom: string; region: string };
export type CogCommune = {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  siren?: string;
  codesPostaux?: string[];
  population?: number;
};
export type CogEpci = {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  populationTotale?: number;
  membres: { code: string; siren?: string; nom: string }[];
};

export type CogSource = {
  regions: CogRegion[];
  departments: CogDepartment[];
  communes: CogCommune[];
  epci: CogEpci[];
};

export type EpciKind = "CC" | "CA" | "CU" | "METRO";

export type RegionRow = { code: string; name: string };
export type DepartmentRow = { code: string; name: string; regionCode: string };
export type TerritoryRow = {
  code: string;
  kind: "COMMUNE" | "EPCI";
  name: string;
  searchName: string;
  siren: string | null;
  departmentCode: string | null;
  regionCode: string | null;
  population: number;
  postcodes: string[];
  epciKind: EpciKind | null;
  epciCode: string | null;
};
export type SearchKeyRow = { key: string; territoryCode: string; wordIndex: number };

export type TerritoryRows = {
  regions: RegionRow[];
  departments: DepartmentRow[];
  /** EPCI first: communes point at them. */
  epci: TerritoryRow[];
  communes: TerritoryRow[];
  searchKeys: SearchKeyRow[];
};

export class CogDataError extends Error {
  constructor(detail: string) {
    super(`Les données du Code officiel géographique sont incohérentes : ${detail}`);
    this.name = "CogDataError";
  }
}

const require = createRequire(import.meta.url);

/**
 * Reads the package's data files. Its main module resolves them against the working
 * directory, so we locate them through the module resolver instead.
 */
export async function loadCogSource(): Promise<CogSource> {
  const read = async <T>(file: string): Promise<T> => {
    let path: string;
    try {
      path = require.resolve(`@etalab/decoupage-administratif/data/${file}`);
    } catch {
      throw new Error(
        `Fichier ${file} introuvable : le paquet @etalab/decoupage-administratif est-il installé ? Lancez \`npm install\`.`,
      );
    }
    return JSON.parse(await readFile(path, "utf8")) as T;
  };
  const [regions, departments, communes, epci] = await Promise.all([
    read<CogRegion[]>("regions.json"),
    read<CogDepartment[]>("departements.json"),
    read<CogCommune[]>("communes.json"),
    read<CogEpci[]>("epci.json"),
  ]);
  return { regions, departments, communes, epci };
}

/**
 * The data gives the Métropole de Lyon its own type "MET69" (a territorial authority with a
 * special status that also acts as the EPCI of its communes); for us it is a métropole.
 */
export function toEpciKind(type: string): EpciKind {
  switch (type) {
    case "CC":
    case "CA":
    case "CU":
    case "METRO":
      return type;
    case "MET69":
      return "METRO";
    default:
      throw new CogDataError(`type d'EPCI inconnu « ${type} »`);
  }
}

/**
 * The EPCI rows carry no département: we take the one holding most of the members'
 * population (ties: most members, then smallest code, so the choice is stable).
 */
export function mainDepartmentOf(members: { departmentCode: string; population: number }[]): string | null {
  const byDepartment = new Map<string, { population: number; members: number }>();
  for (const member of members) {
    const total = byDepartment.get(member.departmentCode) ?? { population: 0, members: 0 };
    total.population += member.population;
    total.members += 1;
    byDepartment.set(member.departmentCode, total);
  }
  let best: { code: string; population: number; members: number } | null = null;
  for (const [code, total] of byDepartment) {
    if (
      !best ||
      total.population > best.population ||
      (total.population === best.population &&
        (total.members > best.members || (total.members === best.members && code < best.code)))
    ) {
      best = { code, ...total };
    }
  }
  return best?.code ?? null;
}

/** Shapes the source into rows, checking what the database would otherwise reject late. */
export function buildTerritoryRows(source: CogSource): TerritoryRows {
  const regions = source.regions.map((region) => ({ code: region.code, name: region.nom }));
  const departments = source.departments.map((department) => ({
    code: department.code,
    name: department.nom,
    regionCode: department.region,
  }));
  const regionOfDepartment = new Map(departments.map((department) => [department.code, department.regionCode]));

  // Delegated and associated communes and Paris/Lyon/Marseille arrondissements are not
  // territories that can apply for the label: only current communes are.
  const currentCommunes = source.communes.filter((commune) => commune.type === "commune-actuelle");
  const communeByCode = new Map(currentCommunes.map((commune) => [commune.code, commune]));

  const epciOfCommune = new Map<string, string>();
  const epci: TerritoryRow[] = source.epci.map((row) => {
    const members = row.membres.map((member) => {
      const commune = communeByCode.get(member.code);
      if (!commune) throw new CogDataError(`la commune ${member.code} (${member.nom}) de l'EPCI ${row.code} n'existe pas`);
      const previous = epciOfCommune.get(member.code);
      if (previous && previous !== row.code) {
        throw new CogDataError(`la commune ${member.code} appartient à deux EPCI (${previous} et ${row.code})`);
      }
      epciOfCommune.set(member.code, row.code);
      return { departmentCode: commune.departement, population: commune.population ?? 0 };
    });
    const departmentCode = mainDepartmentOf(members);
    return {
      code: row.code,
      kind: "EPCI",
      name: row.nom,
      searchName: normalizeSearchText(row.nom),
      siren: row.code,
      departmentCode,
      regionCode: departmentCode ? (regionOfDepartment.get(departmentCode) ?? null) : null,
      // Municipal population, the figure the commune rows carry too.
      population: row.populationMunicipale ?? row.populationTotale ?? 0,
      postcodes: [],
      epciKind: toEpciKind(row.type),
      epciCode: null,
    };
  });

  const communes: TerritoryRow[] = currentCommunes.map((commune) => ({
    code: commune.code,
    kind: "COMMUNE",
    name: commune.nom,
    searchName: normalizeSearchText(commune.nom),
    // Communes of some overseas collectivities have no SIREN in the data.
    siren: commune.siren ?? null,
    departmentCode: commune.departement,
    regionCode: commune.region,
    // A few uninhabited territories (TAAF, Clipperton) have no population.
    population: commune.population ?? 0,
    postcodes: commune.codesPostaux ?? [],
    epciKind: null,
    // The island communes without an intercommunality (Bréhat, Sein, Ouessant, Yeu) and the
    // overseas collectivities have none.
    epciCode: epciOfCommune.get(commune.code) ?? null,
  }));

  const searchKeys: SearchKeyRow[] = [];
  for (const territory of [...epci, ...communes]) {
    if (territory.searchName === "") throw new CogDataError(`le nom du territoire ${territory.code} est vide`);
    for (const { key, wordIndex } of searchKeysFor(territory.name)) {
      searchKeys.push({ key, territoryCode: territory.code, wordIndex });
    }
    const spelledOut = territory.kind === "EPCI" ? spelledOutEpciName(territory.name) : null;
    if (spelledOut) {
      // Whole-name key only: the later words already have their keys from the official name.
      searchKeys.push({ key: normalizeSearchText(spelledOut), territoryCode: territory.code, wordIndex: 0 });
    }
  }

  return { regions, departments, epci, communes, searchKeys };
}
