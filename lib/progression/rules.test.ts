import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SizeBand } from "@/lib/db/generated/enums";
import type { AnswerState } from "@/lib/questionnaire/scoring";
import { SIZE_BANDS, TERRITORY_KINDS, sizeBandFor, sizeBandsFrom } from "@/lib/questionnaire/size-band";
import { DEFAULT_PROGRESSION_CRITERIA, type ProgressionCriteria } from "./criteria";
import {
  compareQuestionnaires,
  computeProgression,
  planExecution,
  previousLabelFor,
  type PlanActionHistory,
  type ProgressionInput,
  type VersionQuestion,
  type YearQuestionnaire,
} from "./rules";

const OPTIONS = [
  { key: "non", score: 0 },
  { key: "partiel", score: 1 },
  { key: "oui", score: 3 },
];

function question(key: string, options: Partial<VersionQuestion> = {}): VersionQuestion {
  return { key, themeKey: key.split(".")[0]!, text: `Texte de ${key}`, weight: 1, sizeBands: SIZE_BANDS, territoryKinds: TERRITORY_KINDS, options: OPTIONS, ...options };
}

const THEMES = [
  { key: "a", title: "Inventaire" },
  { key: "b", title: "Mots de passe" },
  { key: "c", title: "Évaluation" },
];

type Given = "non" | "partiel" | "oui" | "?" | undefined;

function year(y: number, questions: VersionQuestion[], answers: Record<string, Given>, sizeBand: SizeBand = "UNDER_1000"): YearQuestionnaire {
  const states: AnswerState[] = Object.entries(answers).flatMap(([questionKey, given]) =>
    given === undefined ? [] : [{ questionKey, optionKey: given === "?" ? null : given, dontKnow: given === "?" }],
  );
  return { year: y, versionKey: String(y), themes: THEMES, questions, context: { sizeBand, territoryKind: "COMMUNE" }, answers: states, completed: true };
}

const SINCE = new Date("2025-06-15T10:00:00Z");

function action(id: string, overrides: Partial<PlanActionHistory> = {}): PlanActionHistory {
  return {
    id,
    title: `Action ${id}`,
    status: "TODO",
    progress: 0,
    criteria: ["a.x"],
    completedAt: null,
    abandonedAt: null,
    abandonReason: null,
    evidenceCount: 0,
    carriedOverTo: [],
    ...overrides,
  };
}

const done = (id: string, evidenceCount = 1, completedAt = "2026-02-01T09:00:00Z", criteria = ["a.x"]) =>
  action(id, { status: "DONE", progress: 100, completedAt: new Date(completedAt), evidenceCount, criteria });

function input(overrides: Partial<ProgressionInput> = {}): ProgressionInput {
  const questions = [question("a.x"), question("b.y")];
  return {
    criteria: DEFAULT_PROGRESSION_CRITERIA,
    round: { id: "r2026", year: 2026 },
    previousLabel: { roundId: "r2025", year: 2025, awardedAt: SINCE },
    previous: year(2025, questions, { "a.x": "partiel", "b.y": "partiel" }),
    current: year(2026, questions, { "a.x": "oui", "b.y": "partiel" }),
    actions: [done("1"), done("2"), action("3", { criteria: ["a.x"] }), action("4", { status: "IN_PROGRESS", progress: 50, criteria: ["b.y"] })],
    planRule: { minActions: 2, minCriteria: 2 },
    ...overrides,
  };
}

const criterion = (result: ReturnType<typeof computeProgression>, key: string) => result!.criteria.find((item) => item.key === key)!;

describe("compareQuestionnaires: questions matched by stable key", () => {
  it("scores both years only on the questions of both versions, listing added, withdrawn and re-worded ones apart", () => {
    const previous = year(2025, [question("a.x"), question("a.retiree"), question("b.y")], { "a.x": "non", "a.retiree": "oui", "b.y": "oui" });
    const current = year(2026, [question("a.x", { text: "Texte reformulé de a.x" }), question("a.nouvelle"), question("b.y")], {
      "a.x": "oui",
      "a.nouvelle": "non",
      "b.y": "oui",
    });
    const comparison = compareQuestionnaires(previous, current);
    expect(comparison.commonQuestions).toBe(2);
    expect(comparison.added).toEqual([{ key: "a.nouvelle", text: "Texte de a.nouvelle" }]);
    expect(comparison.withdrawn).toEqual([{ key: "a.retiree", text: "Texte de a.retiree" }]);
    expect(comparison.reworded).toEqual([{ key: "a.x", text: "Texte reformulé de a.x", previousText: "Texte de a.x" }]);
    // a.x (0 → 3) and b.y (3 → 3): 50 → 100. The withdrawn "oui" and the added "non" count for nothing.
    expect(comparison.overall).toEqual({ previous: 50, current: 100, change: 50 });
    expect(comparison.themes.find((theme) => theme.key === "a")).toMatchObject({ commonQuestions: 1, previous: 0, current: 100, change: 100 });
    expect(comparison.themes.find((theme) => theme.key === "b")).toMatchObject({ previous: 100, current: 100, change: 0 });
  });

  it("gives a theme with no common question no score in either year, never 0", () => {
    const previous = year(2025, [question("a.x"), question("c.ancienne")], { "a.x": "oui", "c.ancienne": "oui" });
    const current = year(2026, [question("a.x"), question("c.nouvelle")], { "a.x": "oui", "c.nouvelle": "non" });
    const comparison = compareQuestionnaires(previous, current);
    expect(comparison.themes.find((theme) => theme.key === "c")).toEqual({ key: "c", title: "Évaluation", commonQuestions: 0, previous: null, current: null, change: null });
    expect(comparison.overall).toEqual({ previous: 100, current: 100, change: 0 });
    const result = computeProgression(input({ previous, current }));
    expect(criterion(result, "themeStability")).toMatchObject({ met: true });
    expect(criterion(result, "themeStability").outcome).toContain("aucune question commune aux deux années");
  });

  it("compares a commune that crossed 1,000 inhabitants only on the questions asked of it both years", () => {
    expect(sizeBandFor(980)).toBe("UNDER_1000");
    expect(sizeBandFor(1012)).toBe("FROM_1000_TO_3499");
    const questions = [question("a.x"), question("a.moyenne", { sizeBands: sizeBandsFrom("FROM_1000_TO_3499") }), question("b.y")];
    const previous = year(2025, questions, { "a.x": "oui", "b.y": "partiel" }, "UNDER_1000");
    const current = year(2026, questions, { "a.x": "oui", "a.moyenne": "non", "b.y": "partiel" }, "FROM_1000_TO_3499");
    const comparison = compareQuestionnaires(previous, current);
    expect(comparison.sizeBandChanged).toEqual({ previous: "UNDER_1000", current: "FROM_1000_TO_3499" });
    expect(comparison.newlyAsked.map((item) => item.key)).toEqual(["a.moyenne"]);
    // The new "non" would have pulled the score down by a size change, not by less care.
    expect(comparison.overall.change).toBe(0);
    expect(comparison.commonQuestions).toBe(2);
  });

  it("lists a question asked the previous year but no longer (smaller band) apart", () => {
    const questions = [question("a.x"), question("a.moyenne", { sizeBands: sizeBandsFrom("FROM_1000_TO_3499") })];
    const comparison = compareQuestionnaires(
      year(2025, questions, { "a.x": "oui", "a.moyenne": "oui" }, "FROM_1000_TO_3499"),
      year(2026, questions, { "a.x": "oui" }, "UNDER_1000"),
    );
    expect(comparison.noLongerAsked.map((item) => item.key)).toEqual(["a.moyenne"]);
    expect(comparison.commonQuestions).toBe(1);
  });

  it("counts « Je ne sais pas » as 0, as the questionnaire does, in whichever year it was given", () => {
    const questions = [question("a.x"), question("b.y")];
    const fromDontKnow = compareQuestionnaires(year(2025, questions, { "a.x": "?", "b.y": "oui" }), year(2026, questions, { "a.x": "oui", "b.y": "oui" }));
    expect(fromDontKnow.overall).toEqual({ previous: 50, current: 100, change: 50 });
    expect(fromDontKnow.dontKnow).toEqual({ previous: 1, current: 0 });
    const toDontKnow = compareQuestionnaires(year(2025, questions, { "a.x": "partiel", "b.y": "oui" }), year(2026, questions, { "a.x": "?", "b.y": "oui" }));
    // partiel = 1 of 3 points: (1 + 3) / 6 = 67 → (0 + 3) / 6 = 50.
    expect(toDontKnow.overall).toEqual({ previous: 67, current: 50, change: -17 });
    expect(toDontKnow.dontKnow).toEqual({ previous: 0, current: 1 });
    expect(toDontKnow.commonQuestions).toBe(2);
  });

  it("leaves out a common question not answered yet this year, and says so", () => {
    const questions = [question("a.x"), question("b.y")];
    const comparison = compareQuestionnaires(year(2025, questions, { "a.x": "oui", "b.y": "non" }), year(2026, questions, { "a.x": "oui" }));
    expect(comparison.notAnsweredYet.map((item) => item.key)).toEqual(["b.y"]);
    expect(comparison.overall).toEqual({ previous: 100, current: 100, change: 0 });
  });

  it("uses this year's theme and weight for both years, and each year's own option scores", () => {
    const previous = year(2025, [question("a.x", { weight: 1, themeKey: "b" }), question("b.y", { weight: 1 })], { "a.x": "oui", "b.y": "non" });
    const current = year(
      2026,
      [question("a.x", { weight: 3, options: [{ key: "non", score: 0 }, { key: "oui", score: 3 }] }), question("b.y", { weight: 1 })],
      { "a.x": "oui", "b.y": "non" },
    );
    const comparison = compareQuestionnaires(previous, current);
    // Same answers both years: no change, whatever moved or was re-weighted between versions.
    expect(comparison.overall).toEqual({ previous: 75, current: 75, change: 0 });
    expect(comparison.themes.find((theme) => theme.key === "a")).toMatchObject({ previous: 100, current: 100 });
  });

  it("is not comparable before the first answer of the year, and says what to do", () => {
    const questions = [question("a.x")];
    const comparison = compareQuestionnaires(year(2025, questions, { "a.x": "oui" }), year(2026, questions, {}));
    expect(comparison.comparable).toBe(false);
    expect(comparison.notComparableReason).toBe("Aucune réponse au questionnaire 2026 pour l’instant : répondez-y pour mesurer votre progression.");
    const result = computeProgression(input({ current: year(2026, questions, {}), previous: year(2025, questions, { "a.x": "oui" }) }));
    expect(criterion(result, "overallProgress")).toMatchObject({ met: false, points: 0 });
  });
});

describe("planExecution: the plan's history since the previous label", () => {
  it("keeps actions done since the label with their dates, and leaves out those done before it", () => {
    const plan = planExecution(
      [done("recent", 1, "2026-03-01T08:00:00Z"), done("older", 0, "2025-05-01T08:00:00Z"), done("first", 2, "2025-09-10T08:00:00Z")],
      SINCE,
    );
    expect(plan.done.map((item) => [item.id, item.completedAt])).toEqual([
      ["first", "2025-09-10T08:00:00.000Z"],
      ["recent", "2026-03-01T08:00:00.000Z"],
    ]);
    expect(plan.doneBefore).toBe(1);
    expect(plan.doneWithEvidence).toBe(2);
  });

  it("keeps abandoned actions with their reasons, and open ones with the rounds they were carried over to", () => {
    const plan = planExecution(
      [
        action("stop", { status: "ABANDONED", abandonReason: "Le prestataire a fermé", abandonedAt: new Date("2025-10-01T00:00:00Z") }),
        action("old-stop", { status: "ABANDONED", abandonReason: "Avant le label", abandonedAt: new Date("2025-01-01T00:00:00Z") }),
        action("open", { status: "IN_PROGRESS", progress: 60, carriedOverTo: [2026] }),
      ],
      SINCE,
    );
    expect(plan.abandoned).toEqual([{ id: "stop", title: "Action stop", abandonedAt: "2025-10-01T00:00:00.000Z", reason: "Le prestataire a fermé" }]);
    expect(plan.open).toEqual([{ id: "open", title: "Action open", status: "IN_PROGRESS", progress: 60, carriedOverTo: [2026] }]);
    expect(plan.periodActions).toBe(2);
  });
});

describe("computeProgression: criteria met or not, and the score", () => {
  it("is null for a first-year file (no previous label)", () => {
    expect(computeProgression(input({ previousLabel: null }))).toBeNull();
  });

  it("gives 100 when every criterion is met", () => {
    const result = computeProgression(input())!;
    expect(result.criteria.map((item) => [item.key, item.met, item.points])).toEqual([
      ["actionsCarriedOut", true, 40],
      ["overallProgress", true, 20],
      ["themeStability", true, 20],
      ["nextYearPlan", true, 20],
    ]);
    expect(result.score).toBe(100);
    expect(result.sufficient).toBe(true);
    expect(result.summary).toBe("Score de progression : 100/100 (60 attendus). Tous les critères de progression sont remplis.");
  });

  it("counts the actions done in proportion of the objective, and only those with evidence when required", () => {
    const result = computeProgression(input({ actions: [done("1", 1), done("2", 0), action("3"), action("4", { criteria: ["b.y"] })] }))!;
    const actions = criterion(result, "actionsCarriedOut");
    expect(actions).toMatchObject({ met: false, points: 20 });
    expect(actions.outcome).toBe("2 actions réalisées depuis votre dernier label, dont 1 avec une preuve (25 % des 4 actions de la période).");
    expect(actions.missing).toBe("Réalisez encore 1 action et joignez-leur une preuve.");
    expect(result.score).toBe(80);
  });

  it("scores a plan whose actions were all abandoned 0 on execution, and asks for a plan for next year", () => {
    const abandoned = ["1", "2"].map((id) => action(id, { status: "ABANDONED", abandonReason: "Budget reporté", abandonedAt: new Date("2025-11-02T00:00:00Z") }));
    const result = computeProgression(input({ actions: abandoned }))!;
    expect(criterion(result, "actionsCarriedOut")).toMatchObject({ met: false, points: 0, outcome: "Aucune action réalisée depuis votre dernier label (0 % des 2 actions de la période) ; 2 actions abandonnées." });
    expect(criterion(result, "nextYearPlan")).toMatchObject({ met: false, points: 0 });
    expect(criterion(result, "nextYearPlan").missing).toBe(
      "Pour l’année qui vient, ajoutez au moins 2 actions à votre plan. Vos actions doivent viser au moins 2 critères différents du questionnaire : elles n'en visent aucun.",
    );
    expect(result.plan.abandoned.map((item) => item.reason)).toEqual(["Budget reporté", "Budget reporté"]);
    expect(result.score).toBe(40);
    expect(result.sufficient).toBe(false);
  });

  it("refuses the share criterion when no action of the period was carried out", () => {
    const criteria: ProgressionCriteria = {
      ...DEFAULT_PROGRESSION_CRITERIA,
      criteria: { ...DEFAULT_PROGRESSION_CRITERIA.criteria, actionsCarriedOut: { weight: 40, minCount: null, minSharePercent: 50, evidenceRequired: false } },
    };
    const half = computeProgression(input({ criteria, actions: [done("1", 0), action("2"), action("3"), action("4", { criteria: ["b.y"] })] }))!;
    expect(criterion(half, "actionsCarriedOut")).toMatchObject({ met: false, points: 20, missing: "Il faut 50 % des actions de la période réalisées, soit encore 1 action." });
    const enough = computeProgression(input({ criteria, actions: [done("1", 0), done("2", 0), action("3"), action("4", { criteria: ["b.y"] })] }))!;
    expect(criterion(enough, "actionsCarriedOut")).toMatchObject({ met: true, points: 40, missing: null });
  });

  it("says which theme fell by more than allowed", () => {
    const questions = [question("a.x"), question("b.y")];
    const result = computeProgression(input({ previous: year(2025, questions, { "a.x": "oui", "b.y": "oui" }), current: year(2026, questions, { "a.x": "oui", "b.y": "partiel" }) }))!;
    expect(criterion(result, "themeStability")).toMatchObject({
      met: false,
      outcome: "« Mots de passe » (−67 points) baisse de plus de 10 points. 1 thème n’a aucune question commune aux deux années et ne compte pas.",
      missing: "Remontez ce thème : « Mots de passe ».",
    });
    expect(criterion(result, "overallProgress")).toMatchObject({ met: false, missing: "Votre score global a baissé de 33 points : travaillez les mesures recommandées pour le remonter." });
  });

  it("marks a renewal after a gap year, allowed by the round", () => {
    const result = computeProgression(input({ previousLabel: { roundId: "r2024", year: 2024, awardedAt: new Date("2024-06-01T00:00:00Z") } }))!;
    expect(result.gapYear).toBe(true);
    expect(result.previousLabelYear).toBe(2024);
  });

  it("gives a score between 0 and 100 that never falls when one more action is done with evidence", () => {
    const status = fc.constantFrom("TODO", "IN_PROGRESS", "DONE", "ABANDONED") as fc.Arbitrary<PlanActionHistory["status"]>;
    const actionArb = fc.record({ status, evidence: fc.nat(2), criterion: fc.constantFrom("a.x", "b.y") });
    const answer = fc.constantFrom<Given>("non", "partiel", "oui", "?", undefined);
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 8 }), fc.tuple(answer, answer, answer, answer), (drawn, [px, py, cx, cy]) => {
        const actions = drawn.map((item, index) =>
          item.status === "DONE"
            ? done(String(index), item.evidence, "2026-01-10T00:00:00Z", [item.criterion])
            : action(String(index), { status: item.status, criteria: [item.criterion], abandonReason: item.status === "ABANDONED" ? "motif" : null }),
        );
        const questions = [question("a.x"), question("b.y")];
        const base = input({ actions, previous: year(2025, questions, { "a.x": px, "b.y": py }), current: year(2026, questions, { "a.x": cx, "b.y": cy }) });
        const before = computeProgression(base)!;
        expect(before.score).toBeGreaterThanOrEqual(0);
        expect(before.score).toBeLessThanOrEqual(100);
        const open = actions.findIndex((item) => item.status === "TODO" || item.status === "IN_PROGRESS");
        if (open === -1) return;
        // Completing one open action may cost the next year's plan its action, so compare execution only.
        const after = computeProgression({ ...base, actions: actions.map((item, index) => (index === open ? done(item.id, 1, "2026-04-01T00:00:00Z", [...item.criteria]) : item)) })!;
        expect(criterion(after, "actionsCarriedOut").points).toBeGreaterThanOrEqual(criterion(before, "actionsCarriedOut").points);
      }),
    );
  });

  it("scores the same answers the same both years, whatever the version changes (property)", () => {
    const answer = fc.constantFrom<Given>("non", "partiel", "oui", "?");
    fc.assert(
      fc.property(fc.array(answer, { minLength: 3, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }), (given, weights) => {
        const keys = ["a.x", "b.y", "c.z"];
        const answers = Object.fromEntries(keys.map((key, index) => [key, given[index]]));
        const previous = year(2025, keys.map((key) => question(key)), answers);
        const current = year(2026, keys.map((key, index) => question(key, { weight: weights[index]!, text: `Nouveau ${key}` })), answers);
        const comparison = compareQuestionnaires(previous, current);
        expect(comparison.overall.change).toBe(0);
        expect(comparison.themes.every((theme) => theme.change === 0)).toBe(true);
      }),
    );
  });
});

describe("previousLabelFor: who renews", () => {
  const labels = [{ year: 2023 }, { year: 2024 }];
  it("finds the label of the previous round", () => {
    expect(previousLabelFor(2025, labels, 0)).toEqual({ year: 2024 });
  });
  it("accepts the round before when the rule allows one gap year, never more", () => {
    expect(previousLabelFor(2026, labels, 1)).toEqual({ year: 2024 });
    expect(previousLabelFor(2026, labels, 0)).toBeNull();
    expect(previousLabelFor(2027, labels, 1)).toBeNull();
  });
  it("has no previous label in a first year, and never counts this round's or a later one", () => {
    expect(previousLabelFor(2026, [], 1)).toBeNull();
    expect(previousLabelFor(2024, [{ year: 2024 }, { year: 2025 }], 1)).toBeNull();
  });
});
