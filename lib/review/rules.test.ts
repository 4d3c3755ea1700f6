import { describe, expect, it } from "vitest";
import { shouldAwardLabel } from "@/lib/label/rules";
import { conflictOf, decisionProblem, isOverdue, waitingDays, type CriteriaVerdicts } from "./rules";

const verdicts = (overrides: Partial<CriteriaVerdicts> = {}): CriteriaVerdicts => ({
  questionnaire: { met: true, comment: "" },
  plan: { met: true, comment: "" },
  champion: { met: true, comment: "" },
  dues: { met: false, comment: "" },
  ...overrides,
});

describe("conflict of interest", () => {
  const base = { organizationId: "commune", epciOrganizationId: "epci", declared: false };
  it("a member of the organization or of its EPCI cannot take the file; a declared conflict hides it", () => {
    expect(conflictOf({ ...base, reviewerOrganizationIds: ["commune"] })).toBe("member");
    expect(conflictOf({ ...base, reviewerOrganizationIds: ["epci"] })).toBe("epci");
    expect(conflictOf({ ...base, reviewerOrganizationIds: ["autre"], declared: true })).toBe("declared");
    expect(conflictOf({ ...base, reviewerOrganizationIds: ["autre"] })).toBeNull();
    expect(conflictOf({ ...base, epciOrganizationId: null, reviewerOrganizationIds: [] })).toBeNull();
  });
});

describe("what a decision needs", () => {
  it("a return needs at least one comment, a rejection a reason", () => {
    expect(decisionProblem("RETURN", verdicts({ plan: { met: false, comment: "  " } }), "")).toMatch(/au moins un commentaire/);
    expect(decisionProblem("RETURN", verdicts({ plan: { met: false, comment: "Ajoutez une action." } }), "")).toBeNull();
    expect(decisionProblem("REJECT", verdicts(), " ")).toMatch(/motif/);
    expect(decisionProblem("REJECT", verdicts(), "Dossier incomplet.")).toBeNull();
  });

  it("an approval wants the three judged criteria met; the dues are a fact the label waits for", () => {
    expect(decisionProblem("APPROVE", verdicts(), "")).toBeNull();
    expect(decisionProblem("APPROVE", verdicts({ champion: { met: false, comment: "" } }), "")).toMatch(/« Cyber Champion »/);
  });

  it("refuses overlong comments", () => {
    expect(decisionProblem("RETURN", verdicts({ plan: { met: false, comment: "x".repeat(2001) } }), "")).toMatch(/2000 caractères/);
  });
});

describe("waiting time", () => {
  it("flags files waiting more than 14 whole days", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    expect(waitingDays(new Date("2026-11-16T12:00:00Z"), now)).toBe(15);
    expect(isOverdue(new Date("2026-11-16T12:00:00Z"), now)).toBe(true);
    expect(isOverdue(new Date("2026-11-17T12:00:00Z"), now)).toBe(false);
  });
});

describe("label-award rule", () => {
  it("approved and paid, in either order, once", () => {
    // Approval first: nothing until the payment; payment first: nothing until the approval.
    expect(shouldAwardLabel({ labelExists: false, candidacyStatus: "APPROVED", duesPaid: false })).toBe(false);
    expect(shouldAwardLabel({ labelExists: false, candidacyStatus: "SUBMITTED", duesPaid: true })).toBe(false);
    expect(shouldAwardLabel({ labelExists: false, candidacyStatus: "APPROVED", duesPaid: true })).toBe(true);
    expect(shouldAwardLabel({ labelExists: true, candidacyStatus: "APPROVED", duesPaid: true })).toBe(false);
    for (const status of ["DRAFT", "RETURNED", "REJECTED", "WITHDRAWN"] as const) expect(shouldAwardLabel({ labelExists: false, candidacyStatus: status, duesPaid: true })).toBe(false);
  });
});
