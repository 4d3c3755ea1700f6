import { describe, expect, it } from "vitest";
import { QUESTIONNAIRE_2026 } from "./content";
import { levelFor, prioritizeMeasures, scoreAssessment, type AnswerState, type MeasureRef, type ScorableTheme } from "./scoring";
import { isApplicable, sizeBandFor, type ApplicabilityContext } from "./size-band";

const options = [
  { key: "non", score: 0 },
  { key: "un-peu", score: 1 },
  { key: "presque", score: 2 },
  { key: "oui", score: 3 },
];
const ALL = ["UNDER_1000", "FROM_1000_TO_3499", "FROM_3500_TO_9999", "FROM_10000"] as const;

const themes: ScorableTheme[] = [
  {
    key: "alpha",
    title: "Alpha",
    questions: [
      { key: "alpha.lourde", weight: 3, sizeBands: ALL, territoryKinds: ["COMMUNE", "EPCI"], options, measureKeys: ["m-facile", "m-lourde"] },
      { key: "alpha.legere", weight: 1, sizeBands: ALL, territoryKinds: ["COMMUNE", "EPCI"], options, measureKeys: ["m-facile"] },
      { key: "alpha.grande-ville", weight: 2, sizeBands: ["FROM_10000"], territoryKinds: ["COMMUNE", "EPCI"], options, measureKeys: ["m-gratuite"] },
    ],
  },
  {
    key: "beta",
    title: "Bêta",
    questions: [{ key: "beta.epci", weight: 1, sizeBands: ALL, territoryKinds: ["EPCI"], options, measureKeys: ["m-gratuite"] }],
  },
  {
    key: "gamma",
    title: "Gamma",
    questions: [{ key: "gamma.unique", weight: 1, sizeBands: ALL, territoryKinds: ["COMMUNE", "EPCI"], options, measureKeys: ["m-payante"] }],
  },
];

const smallCommune: ApplicabilityContext = { sizeBand: "UNDER_1000", territoryKind: "COMMUNE" };
const largeCommune: ApplicabilityContext = { sizeBand: "FROM_10000", territoryKind: "COMMUNE" };
const epci: ApplicabilityContext = { sizeBand: "FROM_10000", territoryKind: "EPCI" };

const chose = (questionKey: string, optionKey: string): AnswerState => ({ questionKey, optionKey, dontKnow: false });
const dontKnow = (questionKey: string): AnswerState => ({ questionKey, optionKey: null, dontKnow: true });

describe("sizeBandFor and isApplicable", () => {
  it("puts the thresholds where communes know them", () => {
    expect([0, 126, 999, 1000, 3499, 3500, 9999, 10000, 1_900_000].map(sizeBandFor)).toEqual([
      "UNDER_1000",
      "UNDER_1000",
      "UNDER_1000",
      "FROM_1000_TO_3499",
      "FROM_1000_TO_3499",
      "FROM_3500_TO_9999",
      "FROM_3500_TO_9999",
      "FROM_10000",
      "FROM_10000",
    ]);
  });

  it("asks a question only of the sizes and kinds it names", () => {
    const question = themes[0]!.questions[2]!;
    expect(isApplicable(question, largeCommune)).toBe(true);
    expect(isApplicable(question, smallCommune)).toBe(false);
    expect(isApplicable(themes[1]!.questions[0]!, largeCommune)).toBe(false);
    expect(isApplicable(themes[1]!.questions[0]!, epci)).toBe(true);
  });
});

describe("scoreAssessment", () => {
  it("averages a theme by weight: option score / 3, out of 100", () => {
    const result = scoreAssessment(themes, [chose("alpha.lourde", "oui"), chose("alpha.legere", "non")], smallCommune);
    // (3 × 3 + 1 × 0) / (3 × 4) = 75 %
    expect(result.byTheme[0]).toMatchObject({ key: "alpha", score: 75, applicable: 2, answered: 2, dontKnow: 0, unanswered: 0 });
    const reversed = scoreAssessment(themes, [chose("alpha.lourde", "non"), chose("alpha.legere", "oui")], smallCommune);
    expect(reversed.byTheme[0]!.score).toBe(25);
  });

  it("scores « Je ne sais pas » as not done, and counts it apart", () => {
    const result = scoreAssessment(themes, [dontKnow("alpha.lourde"), chose("alpha.legere", "oui"), chose("gamma.unique", "presque")], smallCommune);
    expect(result.byTheme[0]).toMatchObject({ score: 25, answered: 2, dontKnow: 1 });
    expect(result.completion).toEqual({ applicable: 3, answered: 3, dontKnow: 1, unanswered: 0, complete: true });
  });

  it("leaves unanswered questions out of the scores and counts them, complete only when all are answered", () => {
    const none = scoreAssessment(themes, [], smallCommune);
    expect(none.overall).toBeNull();
    expect(none.level).toBeNull();
    expect(none.byTheme[0]).toMatchObject({ score: null, level: null, notApplicable: false, unanswered: 2 });
    expect(none.completion).toEqual({ applicable: 3, answered: 0, dontKnow: 0, unanswered: 3, complete: false });

    const partial = scoreAssessment(themes, [chose("alpha.lourde", "oui")], smallCommune);
    expect(partial.byTheme[0]).toMatchObject({ score: 100, answered: 1, unanswered: 1 });
    expect(partial.completion.complete).toBe(false);

    // A cleared answer (no option, not "Je ne sais pas") and an option the question does not have are not answers.
    const cleared = scoreAssessment(themes, [{ questionKey: "alpha.lourde", optionKey: null, dontKnow: false }, chose("alpha.legere", "inconnue")], smallCommune);
    expect(cleared.completion.answered).toBe(0);
  });

  it("asks larger territories more, and ignores answers to questions that do not apply", () => {
    const answers = [chose("alpha.lourde", "oui"), chose("alpha.legere", "oui"), chose("alpha.grande-ville", "non"), chose("gamma.unique", "oui")];
    expect(scoreAssessment(themes, answers, smallCommune).byTheme[0]).toMatchObject({ applicable: 2, score: 100 });
    // (3 × 3 + 1 × 3 + 2 × 0) / (3 × 6) = 66.7 %
    expect(scoreAssessment(themes, answers, largeCommune).byTheme[0]).toMatchObject({ applicable: 3, score: 67 });
  });

  it("marks a theme with no applicable question « not applicable » and leaves it out of the overall, rather than 0", () => {
    const answers = [chose("alpha.lourde", "oui"), chose("alpha.legere", "oui"), chose("gamma.unique", "oui")];
    const result = scoreAssessment(themes, answers, smallCommune);
    expect(result.byTheme[1]).toEqual({
      key: "beta",
      title: "Bêta",
      score: null,
      level: null,
      notApplicable: true,
      applicable: 0,
      answered: 0,
      dontKnow: 0,
      unanswered: 0,
    });
    expect(result.overall).toBe(100);
    expect(result.completion.complete).toBe(true);
  });

  it("weighs the overall over the questions, not the average of the themes", () => {
    // Alpha 100 % on weight 4, Gamma 0 % on weight 1: (12 + 0) / 15 = 80 %, where the average of themes would say 50 %.
    const result = scoreAssessment(themes, [chose("alpha.lourde", "oui"), chose("alpha.legere", "oui"), chose("gamma.unique", "non")], smallCommune);
    expect(result.byTheme.map((theme) => theme.score)).toEqual([100, null, 0]);
    expect(result.overall).toBe(80);
    expect(result.level?.label).toBe("Solide");
  });
});

describe("levelFor", () => {
  it("names four levels of 25 points, from « à construire » to « solide »", () => {
    const label = (score: number) => levelFor(score).label;
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(label)).toEqual([
      "À construire",
      "À construire",
      "Fragile",
      "Fragile",
      "En progrès",
      "En progrès",
      "Solide",
      "Solide",
    ]);
    expect(levelFor(10).summary).toMatch(/mesures prioritaires/);
  });
});

describe("prioritizeMeasures", () => {
  const measures: (MeasureRef & { title: string })[] = [
    { key: "m-lourde", title: "Lourde", effort: "HIGH", cost: "HIGH" },
    { key: "m-facile", title: "Facile", effort: "LOW", cost: "NONE" },
    { key: "m-gratuite", title: "Gratuite", effort: "MEDIUM", cost: "NONE" },
    { key: "m-payante", title: "Payante", effort: "MEDIUM", cost: "HIGH" },
  ];

  it("sorts by impact (weight × missing points), then by effort, then by cost", () => {
    const answers = [chose("alpha.lourde", "un-peu"), dontKnow("alpha.legere"), chose("alpha.grande-ville", "un-peu"), chose("gamma.unique", "non")];
    const result = prioritizeMeasures(themes, answers, largeCommune, measures);
    // m-facile: 3 × 2 + 1 × 3 = 9; m-lourde: 3 × 2 = 6; m-gratuite: 2 × 2 = 4; m-payante: 1 × 3 = 3.
    expect(result.map((measure) => [measure.key, measure.impact])).toEqual([
      ["m-facile", 9],
      ["m-lourde", 6],
      ["m-gratuite", 4],
      ["m-payante", 3],
    ]);
    expect(result[0]).toMatchObject({ title: "Facile", questionKeys: ["alpha.lourde", "alpha.legere"] });
    // 9 missing weighted points out of 3 × 7 answered: the overall could gain 43 points.
    expect(result[0]!.potentialGain).toBe(43);

    // Same impact (2 × 1 and 1 × 2) and same effort: the cheaper first.
    const tied = prioritizeMeasures(themes, [chose("alpha.grande-ville", "presque"), chose("gamma.unique", "un-peu")], largeCommune, [
      { key: "m-payante", effort: "MEDIUM", cost: "HIGH" },
      { key: "m-gratuite", effort: "MEDIUM", cost: "NONE" },
    ]);
    expect(tied.map((measure) => [measure.key, measure.impact])).toEqual([
      ["m-gratuite", 2],
      ["m-payante", 2],
    ]);
  });

  it("breaks ties on effort before cost", () => {
    const sameQuestion: ScorableTheme[] = [
      {
        key: "t",
        title: "T",
        questions: [{ key: "t.q", weight: 1, sizeBands: ALL, territoryKinds: ["COMMUNE"], options, measureKeys: ["cher-facile", "gratuit-difficile", "gratuit-facile"] }],
      },
    ];
    const result = prioritizeMeasures(sameQuestion, [chose("t.q", "non")], smallCommune, [
      { key: "gratuit-difficile", effort: "HIGH", cost: "NONE" },
      { key: "cher-facile", effort: "LOW", cost: "HIGH" },
      { key: "gratuit-facile", effort: "LOW", cost: "NONE" },
    ]);
    expect(result.map((measure) => measure.key)).toEqual(["gratuit-facile", "cher-facile", "gratuit-difficile"]);
  });

  it("recommends nothing for answers done well or not given yet", () => {
    expect(prioritizeMeasures(themes, [chose("alpha.lourde", "oui")], smallCommune, measures)).toEqual([]);
    expect(prioritizeMeasures(themes, [], smallCommune, measures)).toEqual([]);
  });
});

describe("scoring the 2026 content", () => {
  const everyContext: ApplicabilityContext[] = (["COMMUNE", "EPCI"] as const).flatMap((territoryKind) =>
    ALL.map((sizeBand) => ({ sizeBand, territoryKind })),
  );
  const applicable = (context: ApplicabilityContext) =>
    QUESTIONNAIRE_2026.themes.flatMap((theme) => theme.questions).filter((question) => isApplicable(question, context));

  it("gives 100 to the best answers and 0 to « Je ne sais pas » everywhere, for every size and kind", () => {
    for (const context of everyContext) {
      const best = applicable(context).map((question) => chose(question.key, question.options.at(-1)!.key));
      const result = scoreAssessment(QUESTIONNAIRE_2026.themes, best, context);
      expect(result.overall).toBe(100);
      expect(result.completion.complete).toBe(true);
      expect(prioritizeMeasures(QUESTIONNAIRE_2026.themes, best, context, QUESTIONNAIRE_2026.measures)).toEqual([]);

      const unknown = applicable(context).map((question) => dontKnow(question.key));
      const worst = scoreAssessment(QUESTIONNAIRE_2026.themes, unknown, context);
      expect(worst.overall).toBe(0);
      expect(worst.level?.key).toBe("a-construire");
      expect(worst.completion.dontKnow).toBe(unknown.length);
    }
  });

  it("puts the backups and the second factor near the top for a small commune that has neither", () => {
    const answers = applicable(smallCommune).map((question) => chose(question.key, question.options.at(-1)!.key));
    const weak = ["mises-a-jour-sauvegardes.sauvegarde-hors-ligne", "mots-de-passe.double-authentification", "inventaire.postes"];
    const result = prioritizeMeasures(
      QUESTIONNAIRE_2026.themes,
      answers.map((answer) => (weak.includes(answer.questionKey) ? chose(answer.questionKey, "non") : answer)).map((answer) =>
        answer.questionKey === "inventaire.postes" ? chose("inventaire.postes", "aucune") : answer,
      ),
      smallCommune,
      QUESTIONNAIRE_2026.measures,
    );
    // Both weigh 3 × 3 = 9; the second factor is the lighter effort. The inventory (1 × 3) comes last.
    expect(result.map((measure) => measure.key)).toEqual(["activer-double-authentification", "sauvegarde-hors-ligne", "tenir-inventaire"]);
  });
});
