import { describe, expect, it } from "vitest";
import {
  CogDataError,
  buildTerritoryRows,
  loadCogSource,
  mainDepartmentOf,
  toEpciKind,
  type CogSource,
} from "./cog";

function tinySource(): CogSource {
  return {
    regions: [{ code: "84", nom: "Auvergne-Rhône-Alpes" }],
    departments: [
      { code: "01", nom: "Ain", region: "84" },
      { code: "69", nom: "Rhône", region: "84" },
    ],
    communes: [
      { code: "01001", nom: "Petite", type: "commune-actuelle", departement: "01", region: "84", siren: "210100012", codesPostaux: ["01400"], population: 800 },
      { code: "01002", nom: "Moyenne", type: "commune-actuelle", departement: "01", region: "84", codesPostaux: ["01640"], population: 900 },
      { code: "69001", nom: "Grande", type: "commune-actuelle", departement: "69", region: "84", codesPostaux: ["69000", "69001"], population: 1500 },
      { code: "69002", nom: "Isolée", type: "commune-actuelle", departement: "69", region: "84" },
      { code: "69123", nom: "Ancienne", type: "commune-deleguee", departement: "69", region: "84" },
    ],
    epci: [
      {
        code: "200000001",
        nom: "CC des Trois",
        type: "CC",
        populationMunicipale: 3200,
        membres: [
          { code: "01001", nom: "Petite" },
          { code: "01002", nom: "Moyenne" },
          { code: "69001", nom: "Grande" },
        ],
      },
    ],
  };
}

describe("buildTerritoryRows", () => {
  it("keeps current communes only and attaches them to their EPCI", () => {
    const rows = buildTerritoryRows(tinySource());
    expect(rows.communes.map((commune) => commune.code)).toEqual(["01001", "01002", "69001", "69002"]);
    expect(rows.communes.find((commune) => commune.code === "69001")).toMatchObject({
      kind: "COMMUNE",
      searchName: "grande",
      departmentCode: "69",
      regionCode: "84",
      postcodes: ["69000", "69001"],
      epciCode: "200000001",
      epciKind: null,
    });
  });

  it("leaves a commune outside any EPCI with no EPCI, no SIREN, no population and no postcode", () => {
    const isolated = buildTerritoryRows(tinySource()).communes.find((commune) => commune.code === "69002");
    expect(isolated).toMatchObject({ epciCode: null, siren: null, population: 0, postcodes: [] });
  });

  it("gives an EPCI the département holding most of its members' population", () => {
    // 01: 800 + 900 = 1,700 > 69: 1,500, although the largest member is in 69.
    const [epci] = buildTerritoryRows(tinySource()).epci;
    expect(epci).toMatchObject({
      code: "200000001",
      kind: "EPCI",
      siren: "200000001",
      departmentCode: "01",
      regionCode: "84",
      population: 3200,
      epciKind: "CC",
      epciCode: null,
      postcodes: [],
    });
  });

  it("indexes EPCI under their spelled-out name too", () => {
    const keys = buildTerritoryRows(tinySource()).searchKeys.filter((key) => key.territoryCode === "200000001");
    expect(keys).toEqual([
      { key: "cc des trois", territoryCode: "200000001", wordIndex: 0 },
      { key: "des trois", territoryCode: "200000001", wordIndex: 1 },
      { key: "trois", territoryCode: "200000001", wordIndex: 2 },
      { key: "communaute de communes des trois", territoryCode: "200000001", wordIndex: 0 },
    ]);
  });

  it("refuses a member commune that does not exist", () => {
    const source = tinySource();
    source.epci[0]!.membres.push({ code: "69123", nom: "Ancienne" });
    expect(() => buildTerritoryRows(source)).toThrow(CogDataError);
  });

  it("refuses a commune in two EPCI", () => {
    const source = tinySource();
    source.epci.push({ code: "200000002", nom: "CA Bis", type: "CA", membres: [{ code: "01001", nom: "Petite" }] });
    expect(() => buildTerritoryRows(source)).toThrow(/deux EPCI/);
  });
});

describe("mainDepartmentOf", () => {
  it("breaks population ties by number of members, then by code", () => {
    expect(
      mainDepartmentOf([
        { departmentCode: "02", population: 100 },
        { departmentCode: "01", population: 60 },
        { departmentCode: "01", population: 40 },
      ]),
    ).toBe("01");
    expect(
      mainDepartmentOf([
        { departmentCode: "03", population: 100 },
        { departmentCode: "02", population: 100 },
      ]),
    ).toBe("02");
    expect(mainDepartmentOf([])).toBeNull();
  });
});

describe("toEpciKind", () => {
  it("maps the Métropole de Lyon to a métropole and refuses unknown kinds", () => {
    expect(toEpciKind("MET69")).toBe("METRO");
    expect(toEpciKind("CA")).toBe("CA");
    expect(() => toEpciKind("SIVOM")).toThrow(CogDataError);
  });
});

describe("the shipped 2026 data", () => {
  it("has the expected communes, EPCI and memberships", async () => {
    const rows = buildTerritoryRows(await loadCogSource());
    expect(rows.communes).toHaveLength(34_969);
    expect(rows.epci).toHaveLength(1_255);
    expect(rows.regions).toHaveLength(26);
    expect(rows.departments).toHaveLength(109);

    const byCode = new Map([...rows.communes, ...rows.epci].map((territory) => [territory.code, territory]));
    expect(byCode.get("75056")).toMatchObject({ name: "Paris", epciCode: "200054781" });
    expect(byCode.get("42218")).toMatchObject({ name: "Saint-Étienne", epciCode: "244200770" });
    expect(byCode.get("200046977")).toMatchObject({ name: "Métropole de Lyon", epciKind: "METRO", departmentCode: "69" });
    // Island communes without an intercommunality.
    for (const code of ["22016", "29083", "29155", "85113"]) expect(byCode.get(code)?.epciCode).toBeNull();

    const withoutEpci = rows.communes.filter((commune) => commune.epciCode === null);
    expect(withoutEpci).toHaveLength(98);
    // Every territory can be found by its whole name.
    const wholeNames = new Set(rows.searchKeys.filter((key) => key.wordIndex === 0).map((key) => key.territoryCode));
    expect(wholeNames.size).toBe(34_969 + 1_255);
    expect(new Set(rows.searchKeys.map((key) => `${key.key}|${key.territoryCode}`)).size).toBe(rows.searchKeys.length);
  });
});
