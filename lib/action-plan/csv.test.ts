import { describe, expect, it } from "vitest";
import { csvField, planToCsv, type CsvAction } from "./csv";

const action: CsvAction = {
  title: "Sauvegardes « hors ligne » ; chaque semaine",
  criteria: ["mises-a-jour-sauvegardes.sauvegardes", "inventaire.postes"],
  owner: "Hélène Müller",
  dueOn: new Date("2026-03-09T00:00:00Z"),
  priority: "HIGH",
  status: "IN_PROGRESS",
  progress: 40,
  abandonReason: null,
};

describe("planToCsv", () => {
  it("starts with a BOM and French column names, separated by semicolons, CRLF", () => {
    const csv = planToCsv([]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe("\uFEFFTitre;Critères;Responsable;Échéance;Priorité;Statut;Avancement (%);Motif d'abandon\r\n");
  });

  it("writes one line per action with accents, quoted semicolons and DD/MM/YYYY dates", () => {
    const lines = planToCsv([action]).slice(1).split("\r\n");
    expect(lines[1]).toBe('"Sauvegardes « hors ligne » ; chaque semaine";mises-a-jour-sauvegardes.sauvegardes | inventaire.postes;Hélène Müller;09/03/2026;Haute;En cours;40;');
    expect(lines[2]).toBe("");
  });

  it("doubles quotes and keeps line breaks inside a quoted field", () => {
    const csv = planToCsv([{ ...action, title: 'Charte "informatique"', status: "ABANDONED", abandonReason: "Budget\r\nrefusé", dueOn: null, owner: null }]);
    expect(csv).toContain('"Charte ""informatique""";');
    expect(csv).toContain(';;Haute;Abandonné;40;"Budget\nrefusé"\r\n');
  });

  it("neutralises formulas", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("Mise à jour")).toBe("Mise à jour");
  });
});
