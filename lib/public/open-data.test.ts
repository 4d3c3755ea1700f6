import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { OPEN_DATA_FIELDS, openDataCsv, openDataJson, openDataRows, openDataSchema } from "./open-data";
import type { PublicLabel } from "./types";

const base: PublicLabel = {
  territoryCode: "13060",
  kind: "COMMUNE",
  name: "Meyreuil",
  searchName: "meyreuil",
  siren: "211300603",
  epciKind: null,
  postcodes: ["13590"],
  departmentCode: "13",
  departmentName: "Bouches-du-Rhône",
  regionCode: "93",
  regionName: "Provence-Alpes-Côte d'Azur",
  year: 2026,
  awardedOn: "2026-05-02",
  validUntilOn: "2027-12-31",
  renewal: false,
  certificateSerial: "CCD-2026-7KQ4-M9XH",
};
const epci: PublicLabel = { ...base, territoryCode: "200054807", kind: "EPCI", name: "Métropole d'Aix-Marseille-Provence", searchName: "metropole d aix marseille provence", siren: "200054807", epciKind: "METRO", renewal: true, certificateSerial: null };

describe("open data rows", () => {
  const rows = openDataRows([epci, base], "https://label.example.fr/");
  it("has one row per labelled territory, sorted by name, keyed by INSEE code or SIREN", () => {
    expect(rows.map((row) => row.code)).toEqual(["200054807", "13060"]);
    expect(rows[1]).toMatchObject({ type: "commune", obtention: "premier_label", campagne: 2026, date_fin_validite: "2027-12-31", url_verification: "https://label.example.fr/verifier/CCD-2026-7KQ4-M9XH" });
    expect(rows[0]).toMatchObject({ type: "epci", siren: "200054807", obtention: "renouvellement", numero_certificat: "", url_verification: "" });
  });

  it("writes a CSV whose header is the schema's fields and that reads back the same", () => {
    const csv = openDataCsv(rows);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const back = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(back[0]!)).toEqual(OPEN_DATA_FIELDS.map((field) => field.name));
    expect(back[0]!.nom).toBe("Métropole d'Aix-Marseille-Provence");
    expect(back[0]!.campagne).toBe("2026");
  });

  it("writes JSON with the licence and a Table Schema naming every column", () => {
    const json = JSON.parse(openDataJson(rows, new Date("2026-06-01T00:00:00Z"), "https://label.example.fr"));
    expect(json.licence.id).toBe("etalab-2.0");
    expect(json.territoires).toHaveLength(2);
    const schema = openDataSchema("https://label.example.fr");
    expect(schema.fields.map((field) => field.name)).toEqual(Object.keys(rows[0]!));
    expect(schema.primaryKey).toBe("code");
    expect(schema.licenses[0]!.name).toBe("etalab-2.0");
    for (const field of schema.fields) expect(["string", "integer", "date"]).toContain(field.type);
  });
});
