import { describe, expect, it } from "vitest";
import { badgeSizeOf, badgeStatusOf, badgeText, fitName, renderBadgeSvg } from "./badge";
import type { TerritoryPublicPage } from "./registry";

const page = (current: TerritoryPublicPage["current"]): TerritoryPublicPage => ({
  code: "13060",
  kind: "COMMUNE",
  name: "Meyreuil",
  epciKind: null,
  departmentCode: "13",
  departmentName: "Bouches-du-Rhône",
  regionName: "Provence-Alpes-Côte d'Azur",
  population: 5000,
  history: current ? [current] : [],
  current,
});

const held = { year: 2026, awardedOn: "2026-05-02", validUntilOn: "2027-12-31", state: "valid" as const, revokedOn: null, renewal: false, certificateSerial: "CCD-2026-7KQ4-M9XH" };

describe("badge status", () => {
  it("shows the label and its year while a label is held", () => {
    const status = badgeStatusOf(page(held));
    expect(status).toEqual({ valid: true, year: 2026, validUntilOn: "2027-12-31", name: "Meyreuil" });
    const svg = renderBadgeSvg(status);
    expect(svg).toContain("Label 2026");
    expect(svg).toContain("Meyreuil");
    expect(svg).not.toContain("non valide");
  });

  it("is neutral for an expired, revoked, never labelled or unknown territory", () => {
    for (const status of [badgeStatusOf(page(null)), badgeStatusOf(null)]) {
      expect(status).toEqual({ valid: false });
      const svg = renderBadgeSvg(status);
      expect(svg).toContain("label non valide");
      expect(svg).not.toMatch(/Label 20\d\d/);
    }
  });

  it("escapes names and fits long ones", () => {
    const svg = renderBadgeSvg({ valid: true, year: 2026, validUntilOn: "2027-12-31", name: "A <b> & \"C\"" });
    expect(svg).toContain("A &lt;b&gt; &amp; &quot;C&quot;");
    expect(svg).not.toContain("<b>");
    expect(fitName("Communauté de communes Pays d'Aix et de la Sainte-Victoire")).toHaveLength(30);
    expect(badgeText({ valid: true, year: 2026, validUntilOn: "2027-12-31", name: "Meyreuil" })).toContain("31/12/2027");
  });

  it("changes only the displayed size", () => {
    expect(renderBadgeSvg({ valid: false }, "grand")).toContain('width="400" height="133"');
    expect(badgeSizeOf("enorme")).toBe("moyen");
    expect(badgeSizeOf("petit")).toBe("petit");
  });
});
