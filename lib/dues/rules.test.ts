import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { proposeMatches } from "./matching";
import { decimalCommaEuros, decimalEuros, formatEuros, parseEuros } from "./money";
import { findInvoiceNumbers, formatInvoiceNumber, invoiceYearOf } from "./numbering";
import { isValidSiret } from "./siret";
import { parseStatement } from "./statement-csv";
import { bandLabel, tierFor, tierProblems, type Tier } from "./tiers";

const TIERS: Tier[] = [
  { territoryKind: "COMMUNE", minPopulation: 0, maxPopulation: 1000, amountCents: 5_000 },
  { territoryKind: "COMMUNE", minPopulation: 1000, maxPopulation: 3500, amountCents: 10_000 },
  { territoryKind: "COMMUNE", minPopulation: 3500, maxPopulation: null, amountCents: 20_000 },
  { territoryKind: "EPCI", minPopulation: 0, maxPopulation: null, amountCents: 30_000 },
];

describe("tiers", () => {
  it("finds the band at its edges: lower bound included, upper bound excluded", () => {
    expect(tierFor(TIERS, "COMMUNE", 0)?.amountCents).toBe(5_000);
    expect(tierFor(TIERS, "COMMUNE", 999)?.amountCents).toBe(5_000);
    expect(tierFor(TIERS, "COMMUNE", 1000)?.amountCents).toBe(10_000);
    expect(tierFor(TIERS, "COMMUNE", 3499)?.amountCents).toBe(10_000);
    expect(tierFor(TIERS, "COMMUNE", 3500)?.amountCents).toBe(20_000);
    expect(tierFor(TIERS, "COMMUNE", 2_000_000)?.amountCents).toBe(20_000);
    expect(tierFor(TIERS, "EPCI", 12)?.amountCents).toBe(30_000);
    expect(tierFor([], "EPCI", 12)).toBeNull();
  });

  it("accepts contiguous bands and explains gaps, overlaps and a bounded last band", () => {
    expect(tierProblems(TIERS)).toEqual([]);
    expect(tierProblems([{ ...TIERS[0]!, minPopulation: 10 }, ...TIERS.slice(1)])).toContain("La première tranche des communes doit commencer à 0 habitant.");
    expect(tierProblems([TIERS[0]!, { ...TIERS[1]!, minPopulation: 1200 }, TIERS[2]!, TIERS[3]!]).join(" ")).toMatch(/doivent se suivre/);
    expect(tierProblems([TIERS[0]!, TIERS[1]!, TIERS[3]!]).join(" ")).toMatch(/sans limite haute/);
    expect(tierProblems([{ ...TIERS[0]!, amountCents: -5 }, ...TIERS.slice(1)]).join(" ")).toMatch(/montant positif/);
    expect(bandLabel(TIERS[1]!)).toBe("de 1\u202f000 à 3\u202f499 habitants");
  });
});

describe("money in cents", () => {
  it("parses French and bank amounts exactly", () => {
    expect(parseEuros("50")).toBe(5_000);
    expect(parseEuros("50,5")).toBe(5_050);
    expect(parseEuros("1 234,56")).toBe(123_456);
    expect(parseEuros("1\u202f234,56 €")).toBe(123_456);
    expect(parseEuros("1.234,56")).toBe(123_456);
    expect(parseEuros("1,234.56")).toBe(123_456);
    expect(parseEuros("1234.56")).toBe(123_456);
    expect(parseEuros("1.234")).toBe(123_400);
    expect(parseEuros("-15,00")).toBe(-1_500);
    expect(parseEuros("0,1")).toBe(10);
    // 0.1 + 0.2 never meets floating point here.
    expect((parseEuros("0,10") ?? 0) + (parseEuros("0,20") ?? 0)).toBe(30);
    for (const bad of ["", "abc", "12,345", "1,2,3", "12.", "1e5", "--3", "12,5€x"]) expect(parseEuros(bad)).toBeNull();
  });

  it("prints euros for people, for XML and for spreadsheets", () => {
    expect(formatEuros(123_456)).toBe("1\u202f234,56\u00a0€");
    expect(decimalEuros(5_000)).toBe("50.00");
    expect(decimalEuros(7)).toBe("0.07");
    expect(decimalCommaEuros(123_456)).toBe("1234,56");
  });
});

describe("invoice numbers", () => {
  it("formats the continuous yearly sequence and refuses what does not fit", () => {
    expect(formatInvoiceNumber(2026, 42)).toBe("CCD-2026-000042");
    expect(() => formatInvoiceNumber(2026, 0)).toThrow();
    expect(() => formatInvoiceNumber(2026, 1_000_000)).toThrow();
  });

  it("belongs to the French calendar year", () => {
    expect(invoiceYearOf(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
    expect(invoiceYearOf(new Date("2026-12-31T22:30:00+02:00"))).toBe(2026);
  });

  it("finds a number in a transfer label however the bank wrote it", () => {
    expect(findInvoiceNumbers("VIR DGFIP MANDAT 123 CCD-2026-000042 COTIS")).toEqual(["CCD-2026-000042"]);
    expect(findInvoiceNumbers("vir ccd 2026 000042")).toEqual(["CCD-2026-000042"]);
    expect(findInvoiceNumbers("VIREMENT SANS REFERENCE")).toEqual([]);
  });
});

describe("SIRET key", () => {
  it("checks the Luhn key, and La Poste's own rule", () => {
    expect(isValidSiret("21130090100009")).toBe(true);
    expect(isValidSiret("73282932000074")).toBe(true);
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("1234")).toBe(false);
    expect(isValidSiret("35600000000010")).toBe(true);
  });
});

describe("bank statements", () => {
  const open = [
    { duesId: "d1", invoiceNumber: "CCD-2026-000042", organizationName: "Meyreuil", remainingCents: 10_000 },
    { duesId: "d2", invoiceNumber: "CCD-2026-000043", organizationName: "Rognes", remainingCents: 5_000 },
  ];

  it("reads a Windows-1252 export with a decimal comma and keeps only credits", () => {
    const csv = "Date;Libellé;Débit;Crédit\r\n03/04/2026;VIR TRESORERIE AIX CCD-2026-000042 Échéance;;100,00\r\n04/04/2026;Frais bancaires;-3,50;\r\n";
    const parsed = parseStatement(iconv.encode(csv, "windows-1252"));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.encoding).toBe("Windows-1252");
    expect(parsed.lines).toEqual([{ bookedOn: new Date(Date.UTC(2026, 3, 3, 12)), label: "VIR TRESORERIE AIX CCD-2026-000042 Échéance", amountCents: 10_000, row: 2 }]);
  });

  it("reads UTF-8 with BOM and one signed amount column", () => {
    const csv = "\ufeffDate opération;Libellé;Montant\n2026-04-05;VIR MAIRIE ROGNES;50,00\n2026-04-06;PRLV EDF;-80,00\n";
    const parsed = parseStatement(Buffer.from(csv, "utf8"));
    expect(parsed.ok && parsed.lines.map((line) => line.amountCents)).toEqual([5_000]);
  });

  it("answers clearly for a binary file, too many lines or missing columns", () => {
    const binary = parseStatement(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    expect(!binary.ok && binary.message).toMatch(/pas un relevé CSV lisible/);
    const huge = parseStatement(Buffer.from(`Date;Libellé;Montant\n${"01/01/2026;X;1,00\n".repeat(100_000)}`));
    expect(!huge.ok && huge.message).toMatch(/100\u202f000 lignes/);
    const noColumns = parseStatement(Buffer.from("a;b;c\n1;2;3\n"));
    expect(!noColumns.ok && noColumns.message).toMatch(/introuvables/);
  });

  it("proposes the invoice named in the label first, else the dues of that amount", () => {
    expect(proposeMatches({ label: "VIR CCD-2026-000042", amountCents: 10_000 }, open).map((m) => [m.duesId, m.reason])).toEqual([["d1", "number-and-amount"]]);
    expect(proposeMatches({ label: "VIR MAIRIE", amountCents: 5_000 }, open).map((m) => [m.duesId, m.reason])).toEqual([["d2", "amount"]]);
    expect(proposeMatches({ label: "VIR MAIRIE", amountCents: 1 }, open)).toEqual([]);
  });
});
