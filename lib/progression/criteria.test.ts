import { describe, expect, it } from "vitest";
import { criteriaOfRound, criteriaSummary, criterionSentence, DEFAULT_PROGRESSION_CRITERIA, progressionCriteriaSchema, type ProgressionCriteria } from "./criteria";

const withCriteria = (criteria: Partial<ProgressionCriteria["criteria"]>, rest: Partial<ProgressionCriteria> = {}) => ({
  ...DEFAULT_PROGRESSION_CRITERIA,
  ...rest,
  criteria: { ...DEFAULT_PROGRESSION_CRITERIA.criteria, ...criteria },
});

const messagesOf = (value: unknown) => {
  const parsed = progressionCriteriaSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe("progression criteria as data", () => {
  it("accepts the 2026 defaults, whose weights sum to 100", () => {
    expect(progressionCriteriaSchema.parse(DEFAULT_PROGRESSION_CRITERIA)).toEqual(DEFAULT_PROGRESSION_CRITERIA);
    const { actionsCarriedOut, overallProgress, themeStability, nextYearPlan } = DEFAULT_PROGRESSION_CRITERIA.criteria;
    expect(actionsCarriedOut!.weight + overallProgress!.weight + themeStability!.weight + nextYearPlan!.weight).toBe(100);
  });

  it("refuses weights that do not sum to 100, saying the total", () => {
    expect(messagesOf(withCriteria({ nextYearPlan: { weight: 10 } }))).toEqual(["Les poids des critères retenus doivent faire 100 au total : ils font 90. Ajustez-les."]);
    // Dropping a criterion: the others must make 100 on their own.
    expect(messagesOf(withCriteria({ nextYearPlan: null }))).toEqual(["Les poids des critères retenus doivent faire 100 au total : ils font 80. Ajustez-les."]);
    expect(messagesOf(withCriteria({ nextYearPlan: null, actionsCarriedOut: { weight: 60, minCount: 2, minSharePercent: null, evidenceRequired: true } }))).toEqual([]);
  });

  it("refuses contradictions in French: a share above 100 %, no minimum at all, no criterion", () => {
    expect(messagesOf(withCriteria({ actionsCarriedOut: { weight: 40, minCount: null, minSharePercent: 120, evidenceRequired: false } }))).toContain(
      "La part minimale ne peut pas dépasser 100 % : une commune ne peut pas réaliser plus que tout son plan.",
    );
    expect(messagesOf(withCriteria({ actionsCarriedOut: { weight: 40, minCount: null, minSharePercent: null, evidenceRequired: false } }))).toEqual([
      "Fixez un nombre minimal ou une part minimale d’actions réalisées (ou les deux), ou retirez ce critère.",
    ]);
    expect(messagesOf(withCriteria({ actionsCarriedOut: null, overallProgress: null, themeStability: null, nextYearPlan: null }))).toEqual([
      "Gardez au moins un critère de progression : sans critère, le renouvellement ne mesure rien.",
    ]);
    expect(messagesOf(withCriteria({}, { maxGapYears: 3 }))).toEqual(["Le nombre d’années d’interruption accepté va de 0 à 1."]);
    expect(messagesOf(withCriteria({ themeStability: { weight: 20, maxDropPoints: 150 } }))).toEqual(["La baisse maximale d’un thème va de 0 à 100."]);
  });

  it("reads the defaults from a round that stored none yet, and refuses a stored value that does not read", () => {
    expect(criteriaOfRound({})).toEqual({ criteria: DEFAULT_PROGRESSION_CRITERIA, source: "default" });
    const stored = withCriteria({ overallProgress: { weight: 20, minPoints: 5 } });
    expect(criteriaOfRound(stored)).toEqual({ criteria: stored, source: "round" });
    expect(() => criteriaOfRound({ version: 1 })).toThrow(/progressionCriteria/);
  });
});

describe("each criterion in words", () => {
  it("says the 2026 defaults plainly", () => {
    const rule = { minActions: 2, minCriteria: 2 };
    expect(criterionSentence("actionsCarriedOut", DEFAULT_PROGRESSION_CRITERIA, rule)).toBe(
      "Avoir réalisé au moins 2 actions de votre plan depuis votre dernier label, chacune avec une preuve (document ou lien).",
    );
    expect(criterionSentence("overallProgress", DEFAULT_PROGRESSION_CRITERIA, rule)).toBe(
      "Que votre score global au questionnaire ne baisse pas par rapport à l’année de votre dernier label (sur les questions posées les deux années).",
    );
    expect(criterionSentence("themeStability", DEFAULT_PROGRESSION_CRITERIA, rule)).toBe(
      "Qu’aucun thème du questionnaire ne baisse de plus de 10 points par rapport à l’année de votre dernier label.",
    );
    expect(criterionSentence("nextYearPlan", DEFAULT_PROGRESSION_CRITERIA, rule)).toBe(
      "Avoir, pour l’année qui vient, au moins 2 actions à lancer ou en cours, sur au moins 2 critères différents du questionnaire.",
    );
  });

  it("says other thresholds, a share, no evidence, a gain of points and a strict theme rule", () => {
    const criteria = withCriteria({
      actionsCarriedOut: { weight: 40, minCount: 1, minSharePercent: 50, evidenceRequired: false },
      overallProgress: { weight: 20, minPoints: 1 },
      themeStability: { weight: 20, maxDropPoints: 0 },
    });
    expect(criterionSentence("actionsCarriedOut", criteria)).toBe(
      "Avoir réalisé au moins 1 action de votre plan et au moins 50 % des actions de votre plan de la période depuis votre dernier label.",
    );
    expect(criterionSentence("overallProgress", criteria)).toBe(
      "Que votre score global au questionnaire gagne au moins 1 point par rapport à l’année de votre dernier label (sur les questions posées les deux années).",
    );
    expect(criterionSentence("themeStability", criteria)).toBe("Qu’aucun thème du questionnaire ne baisse par rapport à l’année de votre dernier label.");
    expect(criterionSentence("nextYearPlan", withCriteria({ nextYearPlan: null }))).toBeNull();
  });

  it("sums the rule up with its weights, who renews and the expected score", () => {
    const summary = criteriaSummary(DEFAULT_PROGRESSION_CRITERIA);
    expect(summary.items.map((item) => [item.key, item.weight])).toEqual([
      ["actionsCarriedOut", 40],
      ["overallProgress", 20],
      ["themeStability", 20],
      ["nextYearPlan", 20],
    ]);
    expect(summary.who).toContain("une année d’interruption est acceptée");
    expect(criteriaSummary({ ...DEFAULT_PROGRESSION_CRITERIA, maxGapYears: 0 }).who).toBe("Le renouvellement concerne les communes labellisées lors de la campagne précédente.");
    expect(summary.scoring).toContain("60 sur 100");
  });
});
