import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { renderPlanPdf, type PdfAction } from "./pdf";
import { planCompleteness } from "./rules";

describe("renderPlanPdf", () => {
  it("renders a long plan with accents over several pages", async () => {
    const actions: PdfAction[] = Array.from({ length: 40 }, (_, index) => ({
      title: `Action n° ${index + 1} : sauvegardes « hors ligne » — œuvre de l'été, déjà ${"très ".repeat(20)}longue`,
      status: (["TODO", "IN_PROGRESS", "DONE", "ABANDONED"] as const)[index % 4]!,
      priority: "HIGH",
      progress: index % 4 === 2 ? 100 : 30,
      owner: index % 2 ? "Hélène Çelik" : null,
      dueOn: new Date("2026-09-30T00:00:00Z"),
      completedAt: index % 4 === 2 ? new Date("2026-05-02T10:00:00Z") : null,
      abandonReason: index % 4 === 3 ? "Budget refusé par le conseil ; reporté à l'an prochain." : null,
      criteria: ["Avez-vous la liste de vos ordinateurs, téléphones, tablettes, imprimantes et box internet ?"],
      evidenceCount: index % 3,
    }));
    const bytes = await renderPlanPdf({
      organizationName: "Saint-Étienne",
      roundYear: 2026,
      rule: { minActions: 2, minCriteria: 2 },
      completeness: planCompleteness(actions.map((action) => ({ status: action.status, criteria: action.criteria })), { minActions: 2, minCriteria: 2 }),
      actions,
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(2);
    expect(doc.getTitle()).toBe("Plan d'action cybersécurité — Saint-Étienne");
  });

  it("renders an empty plan", async () => {
    const bytes = await renderPlanPdf({ organizationName: "Venelles", roundYear: null, rule: { minActions: 2, minCriteria: 2 }, completeness: planCompleteness([]), actions: [] });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });
});
