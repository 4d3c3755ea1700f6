import { describe, expect, it } from "vitest";
import { territorySearchQuerySchema } from "./query-schema";
import { checkTerritoryQuery, parseTerritoryQuery } from "./search-query";

function messageFor(input: unknown): string | undefined {
  const result = territorySearchQuerySchema.safeParse(input);
  return result.success ? undefined : result.error.issues.map((issue) => issue.message).join(" | ");
}

describe("territorySearchQuerySchema", () => {
  it("accepts and trims a query", () => {
    expect(territorySearchQuerySchema.parse("  Saint-Étienne ")).toBe("Saint-Étienne");
    expect(territorySearchQuerySchema.parse("42")).toBe("42");
  });

  it("asks for at least 2 letters or digits", () => {
    expect(messageFor("")).toBe("Saisissez au moins 2 caractères.");
    expect(messageFor("   a   ")).toBe("Saisissez au moins 2 caractères.");
    expect(messageFor("l'")).toBe("Saisissez au moins 2 caractères.");
    expect(messageFor("--")).toBe("Saisissez au moins 2 caractères.");
  });

  it("gives one message for a query over 100 characters, however long", () => {
    expect(messageFor("a".repeat(100))).toBeUndefined();
    expect(messageFor("a".repeat(101))).toBe("La recherche est limitée à 100 caractères.");
    expect(messageFor("x".repeat(10_000))).toBe("La recherche est limitée à 100 caractères.");
    // Spaces around do not count.
    expect(messageFor(` ${"a".repeat(100)} `)).toBeUndefined();
  });

  it("refuses what is not text with a French message", () => {
    for (const input of [undefined, null, 42, {}, ["paris"]]) {
      expect(messageFor(input)).toMatch(/^Saisissez le nom, le code postal ou le code INSEE/);
    }
  });
});

describe("checkTerritoryQuery (the browser's check)", () => {
  it("says which rule a query breaks, as the server would", () => {
    expect(checkTerritoryQuery("  Rognes ")).toEqual({ ok: true, query: "Rognes" });
    expect(checkTerritoryQuery("l'")).toMatchObject({ ok: false, problem: "tooShort" });
    expect(checkTerritoryQuery("x".repeat(101))).toMatchObject({ ok: false, problem: "tooLong" });
    expect(checkTerritoryQuery(42)).toMatchObject({ ok: false, problem: "notText" });
  });
});

describe("parseTerritoryQuery", () => {
  it("reads a five-digit query as an INSEE code and a postcode", () => {
    expect(parseTerritoryQuery("75001")).toEqual({ text: "75001", inseeCode: "75001", siren: null, postcode: "75001" });
  });

  it("reads Corsican INSEE codes in any case", () => {
    expect(parseTerritoryQuery("2a004")).toMatchObject({ inseeCode: "2A004", postcode: null });
    expect(parseTerritoryQuery("2B033")).toMatchObject({ inseeCode: "2B033" });
  });

  it("reads a SIREN written in groups of three", () => {
    expect(parseTerritoryQuery("244 200 770")).toMatchObject({ siren: "244200770", inseeCode: null, postcode: null });
  });

  it("reads a name as a name only", () => {
    expect(parseTerritoryQuery("Saint-Étienne")).toEqual({ text: "saint etienne", inseeCode: null, siren: null, postcode: null });
    expect(parseTerritoryQuery("CC des 1000 étangs")).toMatchObject({ inseeCode: null, siren: null, postcode: null });
  });
});
