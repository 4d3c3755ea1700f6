import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/auth/errors";
import { applyStatusChange, planCompleteness, type PlanAction, type StatusFields } from "./rules";

const rule = { minActions: 2, minCriteria: 2 };
const todo = (...criteria: string[]): PlanAction => ({ status: "TODO", criteria });

describe("planCompleteness", () => {
  it("says what is missing in an empty plan", () => {
    expect(planCompleteness([], rule)).toEqual({
      complete: false,
      actionCount: 0,
      distinctCriteria: 0,
      missing: [
        "Ajoutez au moins 2 actions à votre plan.",
        "Vos actions doivent viser au moins 2 critères différents du questionnaire : elles n'en visent aucun.",
      ],
    });
  });

  it("counts an action once however many criteria it addresses", () => {
    const result = planCompleteness([todo("inventaire.postes", "mots-de-passe.mfa")], rule);
    expect(result).toMatchObject({ complete: false, actionCount: 1, distinctCriteria: 2 });
    expect(result.missing).toEqual(["Ajoutez encore 1 action à votre plan (il en faut au moins 2)."]);
  });

  it("counts a criterion once however many actions address it", () => {
    const result = planCompleteness([todo("inventaire.postes"), todo("inventaire.postes")], rule);
    expect(result).toMatchObject({ complete: false, actionCount: 2, distinctCriteria: 1 });
    expect(result.missing).toEqual(["Vos actions doivent viser au moins 2 critères différents du questionnaire : elles en visent 1."]);
  });

  it("is complete with two actions on two criteria, done ones included", () => {
    const result = planCompleteness([todo("inventaire.postes"), { status: "DONE", criteria: ["mots-de-passe.mfa"] }], rule);
    expect(result).toEqual({ complete: true, actionCount: 2, distinctCriteria: 2, missing: [] });
  });

  it("leaves abandoned actions out", () => {
    const result = planCompleteness([todo("inventaire.postes"), { status: "ABANDONED", criteria: ["mots-de-passe.mfa"] }], rule);
    expect(result).toMatchObject({ complete: false, actionCount: 1, distinctCriteria: 1 });
    expect(result.missing).toHaveLength(2);
  });

  it("follows the round's thresholds and agrees in number", () => {
    const result = planCompleteness([todo("a.b")], { minActions: 3, minCriteria: 1 });
    expect(result.missing).toEqual(["Ajoutez encore 2 actions à votre plan (il en faut au moins 3)."]);
    expect(planCompleteness([], { minActions: 1, minCriteria: 1 }).missing).toEqual([
      "Ajoutez au moins 1 action à votre plan.",
      "Vos actions doivent viser au moins 1 critère différent du questionnaire : elles n'en visent aucun.",
    ]);
  });
});

describe("applyStatusChange", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  const open: StatusFields = { status: "IN_PROGRESS", progress: 40, completedAt: null, abandonReason: null };

  it("DONE sets the progress to 100 and the completion date", () => {
    expect(applyStatusChange(open, { status: "DONE" }, now)).toEqual({ status: "DONE", progress: 100, completedAt: now, abandonReason: null });
  });

  it("keeps the first completion date when a done action is saved again", () => {
    const done: StatusFields = { status: "DONE", progress: 100, completedAt: new Date("2026-05-01T00:00:00Z"), abandonReason: null };
    expect(applyStatusChange(done, { status: "DONE", progress: 50 }, now).completedAt).toEqual(done.completedAt);
    expect(applyStatusChange(done, { status: "DONE", progress: 50 }, now).progress).toBe(100);
  });

  it("ABANDONED requires a reason, blank is no reason", () => {
    expect(() => applyStatusChange(open, { status: "ABANDONED" }, now)).toThrow(DomainError);
    expect(() => applyStatusChange(open, { status: "ABANDONED", abandonReason: "   " }, now)).toThrow(/Indiquez pourquoi/);
    expect(applyStatusChange(open, { status: "ABANDONED", abandonReason: " Budget refusé " }, now)).toEqual({
      status: "ABANDONED",
      progress: 40,
      completedAt: null,
      abandonReason: "Budget refusé",
    });
  });

  it("reopening clears the completion date; leaving ABANDONED clears the reason", () => {
    const done: StatusFields = { status: "DONE", progress: 100, completedAt: now, abandonReason: null };
    expect(applyStatusChange(done, { status: "IN_PROGRESS", progress: 80 }, now)).toEqual({ status: "IN_PROGRESS", progress: 80, completedAt: null, abandonReason: null });
    const abandoned: StatusFields = { status: "ABANDONED", progress: 10, completedAt: null, abandonReason: "Plus utile" };
    expect(applyStatusChange(abandoned, { status: "TODO" }, now).abandonReason).toBeNull();
  });

  it("refuses a progress outside 0..100", () => {
    expect(() => applyStatusChange(open, { progress: 101 }, now)).toThrow(/0 à 100/);
    expect(() => applyStatusChange(open, { progress: 2.5 }, now)).toThrow(DomainError);
  });
});
