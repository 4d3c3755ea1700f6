import { describe, expect, it } from "vitest";
import { CHAMPION_EMAIL_IS_MAYOR, CHAMPION_NOT_MAYOR_NOR_IT_DIRECTOR, checkChampionEligibility, functionDesignatesItDirector, functionDesignatesMayor } from "./rules";

const on = { championMustNotBeMayor: true };
const candidate = (fn: string, extra: Partial<{ isMayor: boolean; isItDirector: boolean }> = {}) => ({ isMayor: false, isItDirector: false, function: fn, ...extra });

describe("checkChampionEligibility", () => {
  it("refuses the mayor by role or by function, with the campaign's sentence on the field that names them", () => {
    // The function looks harmless, the address is the mayor's: the form says so under the address.
    expect(checkChampionEligibility(candidate("Conseillère municipale", { isMayor: true }), on)).toEqual({ eligible: false, reason: CHAMPION_EMAIL_IS_MAYOR, field: "email" });
    expect(checkChampionEligibility(candidate("Maire"), on)).toEqual({ eligible: false, reason: CHAMPION_NOT_MAYOR_NOR_IT_DIRECTOR, field: "function" });
    expect(checkChampionEligibility(candidate("Maire", { isMayor: true }), on)).toMatchObject({ field: "function" });
    expect(CHAMPION_NOT_MAYOR_NOR_IT_DIRECTOR).toMatch(/^Le Cyber Champion ne peut être ni le maire ni le directeur des systèmes d'information \(règle de la campagne\) : désignez une autre personne/);
  });

  it("refuses the IT director", () => {
    expect(checkChampionEligibility(candidate("DSI"), on).eligible).toBe(false);
    expect(checkChampionEligibility(candidate("Agent", { isItDirector: true }), on).eligible).toBe(false);
  });

  it("accepts a secretary, an adjoint, or anyone when the round does not apply the rule", () => {
    expect(checkChampionEligibility(candidate("Secrétaire de mairie"), on)).toEqual({ eligible: true, reason: null });
    expect(checkChampionEligibility(candidate("Adjoint au maire chargé du numérique"), on).eligible).toBe(true);
    expect(checkChampionEligibility(candidate("Maire", { isMayor: true }), { championMustNotBeMayor: false }).eligible).toBe(true);
  });
});

describe("functionDesignatesMayor", () => {
  it.each(["Maire", "MAIRE", "Madame la Maire", "maire de Venelles", "Le maire."])("%s is the mayor", (text) => {
    expect(functionDesignatesMayor(text)).toBe(true);
  });
  it.each([
    "Adjoint au maire",
    "Adjointe à la maire",
    "Maire-adjoint",
    "Maire adjointe chargée de la sécurité",
    "Maire délégué de Saint-Pierre",
    "Ancien maire",
    "Secrétaire de mairie",
    "Conseiller municipal",
    "Première adjointe",
  ])("%s is not the mayor", (text) => {
    expect(functionDesignatesMayor(text)).toBe(false);
  });
});

describe("functionDesignatesItDirector", () => {
  it.each([
    "DSI",
    "D.S.I.",
    "Directeur des systèmes d'information",
    "directrice des systemes d information",
    "Directeur informatique",
    "Directrice du numérique",
    "Responsable informatique",
    "Responsable du service informatique",
    "Chef du service informatique",
    "Responsable des systèmes d'information",
  ])("%s is the IT director", (text) => {
    expect(functionDesignatesItDirector(text)).toBe(true);
  });
  it.each([
    "Directeur adjoint des systèmes d'information",
    "Technicien informatique",
    "RSSI",
    "Responsable de la sécurité des systèmes d'information",
    "Prestataire informatique",
    "Directeur général des services",
    "Secrétaire de mairie",
  ])("%s is not the IT director", (text) => {
    expect(functionDesignatesItDirector(text)).toBe(false);
  });
});
