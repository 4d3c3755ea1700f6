import { describe, expect, it } from "vitest";
import { normalizeSearchText, searchKeysFor, spelledOutEpciName } from "./normalize";

describe("normalizeSearchText", () => {
  it.each([
    ["Saint-Étienne", "saint etienne"],
    ["L'Haÿ-les-Roses", "l hay les roses"],
    ["Œuilly", "oeuilly"],
    ["Cœuvres-et-Valsery", "coeuvres et valsery"],
    ["Lætitia", "laetitia"],
    ["Saint-Martin-d’Hères", "saint martin d heres"],
    ["CA ECLA  (Espace Communautaire Lons Agglomération)", "ca ecla espace communautaire lons agglomeration"],
    ["Bors (Canton de Tude-et-Lavalette)", "bors canton de tude et lavalette"],
    ["  ÎLE-DE-BRÉHAT  ", "ile de brehat"],
    ["Houaïlou", "houailou"],
    ["CC des 1000 étangs", "cc des 1000 etangs"],
    ["2A004", "2a004"],
    ["Saint‑Denis", "saint denis"], // non-breaking hyphen
    ["Ｐａｒｉｓ", "paris"], // full-width letters
  ])("%s → %s", (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });

  it("returns an empty string when nothing but punctuation is left", () => {
    expect(normalizeSearchText(" -'- ")).toBe("");
    expect(normalizeSearchText("")).toBe("");
  });

  it("is idempotent", () => {
    const once = normalizeSearchText("L'Île-d'Yeu");
    expect(normalizeSearchText(once)).toBe(once);
  });
});

describe("searchKeysFor", () => {
  it("gives the whole name and each later word to the end", () => {
    expect(searchKeysFor("Saint-Étienne")).toEqual([
      { key: "saint etienne", wordIndex: 0 },
      { key: "etienne", wordIndex: 1 },
    ]);
  });

  it("starts no key at a one-letter word past the first", () => {
    expect(searchKeysFor("Saint-Martin-d'Hères")).toEqual([
      { key: "saint martin d heres", wordIndex: 0 },
      { key: "martin d heres", wordIndex: 1 },
      { key: "heres", wordIndex: 3 },
    ]);
  });

  it("keeps the whole name even when it starts with a one-letter word", () => {
    expect(searchKeysFor("L'Haÿ-les-Roses")).toEqual([
      { key: "l hay les roses", wordIndex: 0 },
      { key: "hay les roses", wordIndex: 1 },
      { key: "les roses", wordIndex: 2 },
      { key: "roses", wordIndex: 3 },
    ]);
  });

  it("gives one key to a one-word name and none to an empty one", () => {
    expect(searchKeysFor("Paris")).toEqual([{ key: "paris", wordIndex: 0 }]);
    expect(searchKeysFor(" - ")).toEqual([]);
  });
});

describe("spelledOutEpciName", () => {
  it("spells out the kind abbreviations", () => {
    expect(spelledOutEpciName("CC Faucigny - Glières")).toBe("Communauté de communes Faucigny - Glières");
    expect(spelledOutEpciName("CA du Grand Dole")).toBe("Communauté d'agglomération du Grand Dole");
    expect(spelledOutEpciName("CU Caen la Mer")).toBe("Communauté urbaine Caen la Mer");
  });

  it("leaves other names alone", () => {
    expect(spelledOutEpciName("Métropole de Lyon")).toBeNull();
    expect(spelledOutEpciName("CCAS de Lyon")).toBeNull();
    expect(spelledOutEpciName("CC")).toBeNull();
  });
});
