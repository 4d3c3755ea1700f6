import { describe, expect, it } from "vitest";
import { countsByDepartment, parseRegistryFilters, registryOptions, registryPage, registryQueryString } from "./registry-rules";
import type { PublicLabel } from "./types";

function row(name: string, overrides: Partial<PublicLabel> = {}): PublicLabel {
  return {
    territoryCode: overrides.territoryCode ?? String(10000 + name.length * 7 + name.charCodeAt(0)),
    kind: "COMMUNE",
    name,
    searchName: name.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]+/g, " ").trim(),
    siren: null,
    epciKind: null,
    postcodes: [],
    departmentCode: "13",
    departmentName: "Bouches-du-Rhône",
    regionCode: "93",
    regionName: "Provence-Alpes-Côte d'Azur",
    year: 2026,
    awardedOn: "2026-05-02",
    validUntilOn: "2027-12-31",
    renewal: false,
    certificateSerial: null,
    ...overrides,
  };
}

const rows = [
  row("Saint-Étienne", { territoryCode: "42218", departmentCode: "42", departmentName: "Loire", regionCode: "84", regionName: "Auvergne-Rhône-Alpes", postcodes: ["42000", "42100"] }),
  row("Meyreuil", { territoryCode: "13060", postcodes: ["13590"] }),
  row("Aix-en-Provence", { territoryCode: "13001", renewal: true, year: 2025 }),
  row("CC Vallée de l'Ubaye", { territoryCode: "240400440", kind: "EPCI", siren: "240400440", departmentCode: "04", departmentName: "Alpes-de-Haute-Provence" }),
];

describe("registry filters", () => {
  it("sorts by name and searches like the territory search", () => {
    expect(registryPage(rows, {}).rows.map((r) => r.name)).toEqual(["Aix-en-Provence", "CC Vallée de l'Ubaye", "Meyreuil", "Saint-Étienne"]);
    expect(registryPage(rows, { q: "etienne" }).rows.map((r) => r.name)).toEqual(["Saint-Étienne"]);
    expect(registryPage(rows, { q: "St Etienne" }).rows).toHaveLength(0);
    expect(registryPage(rows, { q: "42100" }).rows.map((r) => r.name)).toEqual(["Saint-Étienne"]);
    expect(registryPage(rows, { q: "13060" }).rows.map((r) => r.name)).toEqual(["Meyreuil"]);
    expect(registryPage(rows, { q: "240 400 440" }).rows.map((r) => r.kind)).toEqual(["EPCI"]);
    expect(registryPage(rows, { q: "communauté de communes vallée" }).rows).toHaveLength(1);
    expect(registryPage(rows, { q: "x" }).searchMessage).toBe("Saisissez au moins 2 caractères.");
    expect(registryPage(rows, { q: "a".repeat(10_000) }).searchMessage).toMatch(/limitée à 100/);
  });

  it("filters by région, département, kind, round and first label or renewal", () => {
    expect(registryPage(rows, { region: "84" }).total).toBe(1);
    expect(registryPage(rows, { departement: "13" }).rows.map((r) => r.name)).toEqual(["Aix-en-Provence", "Meyreuil"]);
    expect(registryPage(rows, { kind: "EPCI" }).total).toBe(1);
    expect(registryPage(rows, { year: 2025 }).rows.map((r) => r.name)).toEqual(["Aix-en-Provence"]);
    expect(registryPage(rows, { type: "renouvellement" }).total).toBe(1);
    expect(registryPage(rows, { type: "premier", departement: "13" }).rows.map((r) => r.name)).toEqual(["Meyreuil"]);
  });

  it("cuts pages and keeps a page past the end on the last one", () => {
    const many = Array.from({ length: 45 }, (_, index) => row(`Commune ${String(index).padStart(2, "0")}`, { territoryCode: String(13100 + index) }));
    const page3 = registryPage(many, { page: 3 });
    expect(page3).toMatchObject({ total: 45, page: 3, pageCount: 3 });
    expect(page3.rows).toHaveLength(5);
    expect(registryPage(many, { page: 99 }).page).toBe(3);
    expect(registryPage([], { page: 2 })).toMatchObject({ total: 0, page: 1, pageCount: 1 });
  });

  it("reads the query string, dropping what is malformed", () => {
    expect(parseRegistryFilters({ q: "aix", departement: "2a", kind: "COMMUNE", year: "2026", type: "renouvellement", page: "2" })).toEqual({
      q: "aix",
      departement: "2A",
      kind: "COMMUNE",
      year: 2026,
      type: "renouvellement",
      page: 2,
    });
    expect(parseRegistryFilters({ departement: "'; DROP", kind: "PAYS", year: "deux", page: "-1", region: ["84", "93"] })).toEqual({ region: "84" });
    expect(registryQueryString({ q: "saint étienne", departement: "42", page: 1 })).toBe("?q=saint+%C3%A9tienne&departement=42");
  });

  it("counts by département and offers only values in use", () => {
    expect(Object.fromEntries(countsByDepartment(rows))).toEqual({ "42": 1, "13": 2, "04": 1 });
    const options = registryOptions(rows);
    expect(options.departments.map((o) => o.value)).toEqual(["04", "13", "42"]);
    expect(options.years).toEqual([2026, 2025]);
    expect(options.regions.map((o) => o.value)).toEqual(["84", "93"]);
  });
});
