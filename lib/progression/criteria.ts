// The progression criteria of a round, as data (Round.progressionCriteria): what a renewing
// commune must show, and how much each part weighs in its progression score out of 100. The
// association revises them every year (DOMAIN.md), so nothing here is a rule of the code: this
// file holds the shape, the checks that refuse contradictory criteria, the defaults proposed for
// 2026, and the sentences that say each criterion in words for communes. Pure, browser-safe.
import { z } from "zod";

/** The four kinds of criterion a round may use, in the order they are shown. */
export const CRITERION_KEYS = ["actionsCarriedOut", "overallProgress", "themeStability", "nextYearPlan"] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

export const CRITERION_TITLES: Record<CriterionKey, string> = {
  actionsCarriedOut: "Actions réalisées depuis le dernier label",
  overallProgress: "Progression du score au questionnaire",
  themeStability: "Aucun thème en net recul",
  nextYearPlan: "Un plan d’action pour l’année qui vient",
};

const int = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Indiquez ${what}, de ${min} à ${max}.` })
    .int({ error: `${what[0]!.toUpperCase()}${what.slice(1)} est un nombre entier, de ${min} à ${max}.` })
    .min(min, { error: `${what[0]!.toUpperCase()}${what.slice(1)} va de ${min} à ${max}.` })
    .max(max, { error: `${what[0]!.toUpperCase()}${what.slice(1)} va de ${min} à ${max}.` });

const weight = int("le poids", 1, 100);

const actionsCarriedOutSchema = z.object({
  weight,
  /** At least this many actions done since the previous label (null: no minimum number). */
  minCount: int("le nombre minimal d’actions réalisées", 1, 50).nullable(),
  /** At least this share (percent) of the plan's actions of the period done (null: no minimum share). */
  minSharePercent: z.coerce
    .number({ error: "Indiquez la part minimale d’actions réalisées, en pourcentage." })
    .int({ error: "La part minimale est un pourcentage entier." })
    .min(1, { error: "La part minimale va de 1 % à 100 %." })
    .max(100, { error: "La part minimale ne peut pas dépasser 100 % : une commune ne peut pas réaliser plus que tout son plan." })
    .nullable(),
  /** Only actions with at least one piece of evidence (file or link) count. */
  evidenceRequired: z.boolean(),
});

const overallProgressSchema = z.object({
  weight,
  /** Points the overall score must gain, on the questions common to both years (0: must not fall). */
  minPoints: int("la progression minimale du score global", 0, 100),
});

const themeStabilitySchema = z.object({
  weight,
  /** No theme may fall by more than this many points. */
  maxDropPoints: int("la baisse maximale d’un thème", 0, 100),
});

const nextYearPlanSchema = z.object({ weight });

export const progressionCriteriaSchema = z
  .object({
    version: z.literal(1),
    /** 0: the label of the previous round is needed; 1: a label two rounds ago is accepted too. */
    maxGapYears: int("le nombre d’années d’interruption accepté", 0, 1),
    /** Score out of 100 from which the association considers the progression sufficient. */
    passingScore: int("le score de progression attendu", 0, 100),
    criteria: z.object({
      actionsCarriedOut: actionsCarriedOutSchema.nullable(),
      overallProgress: overallProgressSchema.nullable(),
      themeStability: themeStabilitySchema.nullable(),
      nextYearPlan: nextYearPlanSchema.nullable(),
    }),
  })
  .superRefine((value, ctx) => {
    const used = CRITERION_KEYS.filter((key) => value.criteria[key] !== null);
    if (used.length === 0) {
      ctx.addIssue({ code: "custom", path: ["criteria"], message: "Gardez au moins un critère de progression : sans critère, le renouvellement ne mesure rien." });
      return;
    }
    const total = used.reduce((sum, key) => sum + value.criteria[key]!.weight, 0);
    if (total !== 100) {
      ctx.addIssue({
        code: "custom",
        path: ["criteria"],
        message: `Les poids des critères retenus doivent faire 100 au total : ils font ${total}. Ajustez-les.`,
      });
    }
    const actions = value.criteria.actionsCarriedOut;
    if (actions && actions.minCount === null && actions.minSharePercent === null) {
      ctx.addIssue({
        code: "custom",
        path: ["criteria", "actionsCarriedOut", "minCount"],
        message: "Fixez un nombre minimal ou une part minimale d’actions réalisées (ou les deux), ou retirez ce critère.",
      });
    }
  });

export type ProgressionCriteria = z.output<typeof progressionCriteriaSchema>;
export type ProgressionCriteriaInput = z.input<typeof progressionCriteriaSchema>;

/**
 * Proposed for 2026, the first year of renewals: execution weighs most (the label rewards the
 * plan carried out), the questionnaire must not fall overall nor by more than 10 points on a
 * theme, and the plan must go on. 60 of 100 is sufficient; one year of interruption is accepted.
 * A round whose column is still empty uses these (see `criteriaOfRound`).
 */
export const DEFAULT_PROGRESSION_CRITERIA: ProgressionCriteria = {
  version: 1,
  maxGapYears: 1,
  passingScore: 60,
  criteria: {
    actionsCarriedOut: { weight: 40, minCount: 2, minSharePercent: null, evidenceRequired: true },
    overallProgress: { weight: 20, minPoints: 0 },
    themeStability: { weight: 20, maxDropPoints: 10 },
    nextYearPlan: { weight: 20 },
  },
};

export type RoundCriteria = { criteria: ProgressionCriteria; source: "round" | "default" };

/**
 * The criteria a round stored, or the defaults when it stored none yet (`{}`, the column's
 * default). A stored value that does not read (hand-edited) is an error, not a silent default.
 */
export function criteriaOfRound(stored: unknown): RoundCriteria {
  if (stored === null || stored === undefined || (typeof stored === "object" && !Array.isArray(stored) && Object.keys(stored).length === 0)) {
    return { criteria: DEFAULT_PROGRESSION_CRITERIA, source: "default" };
  }
  const parsed = progressionCriteriaSchema.safeParse(stored);
  if (!parsed.success) throw new Error(`Round.progressionCriteria does not read: ${parsed.error.issues.map((issue) => issue.message).join(" ")}`);
  return { criteria: parsed.data, source: "round" };
}

const plural = (count: number, singular: string, pluralForm = `${singular}s`) => `${count} ${count > 1 ? pluralForm : singular}`;

/** What the round asks, in words for a mayor, criterion by criterion (only the criteria used). */
export function criterionSentence(key: CriterionKey, criteria: ProgressionCriteria, planRule?: { minActions: number; minCriteria: number }): string | null {
  switch (key) {
    case "actionsCarriedOut": {
      const rule = criteria.criteria.actionsCarriedOut;
      if (!rule) return null;
      const parts: string[] = [];
      if (rule.minCount !== null) parts.push(`au moins ${plural(rule.minCount, "action")} de votre plan`);
      if (rule.minSharePercent !== null) parts.push(`au moins ${rule.minSharePercent} % des actions de votre plan de la période`);
      const evidence = rule.evidenceRequired ? ", chacune avec une preuve (document ou lien)" : "";
      return `Avoir réalisé ${parts.join(" et ")} depuis votre dernier label${evidence}.`;
    }
    case "overallProgress": {
      const rule = criteria.criteria.overallProgress;
      if (!rule) return null;
      return rule.minPoints === 0
        ? "Que votre score global au questionnaire ne baisse pas par rapport à l’année de votre dernier label (sur les questions posées les deux années)."
        : `Que votre score global au questionnaire gagne au moins ${plural(rule.minPoints, "point")} par rapport à l’année de votre dernier label (sur les questions posées les deux années).`;
    }
    case "themeStability": {
      const rule = criteria.criteria.themeStability;
      if (!rule) return null;
      return rule.maxDropPoints === 0
        ? "Qu’aucun thème du questionnaire ne baisse par rapport à l’année de votre dernier label."
        : `Qu’aucun thème du questionnaire ne baisse de plus de ${plural(rule.maxDropPoints, "point")} par rapport à l’année de votre dernier label.`;
    }
    case "nextYearPlan": {
      const rule = criteria.criteria.nextYearPlan;
      if (!rule) return null;
      const actions = planRule?.minActions ?? 2;
      const themes = planRule?.minCriteria ?? 2;
      return `Avoir, pour l’année qui vient, au moins ${plural(actions, "action")} à lancer ou en cours, sur au moins ${plural(themes, "critère")} différents du questionnaire.`;
    }
  }
}

/** The whole rule in a few sentences: criteria, weights, the expected score, who renews. */
export function criteriaSummary(criteria: ProgressionCriteria, planRule?: { minActions: number; minCriteria: number }) {
  const items = CRITERION_KEYS.flatMap((key) => {
    const rule = criteria.criteria[key];
    const sentence = criterionSentence(key, criteria, planRule);
    return rule && sentence ? [{ key, title: CRITERION_TITLES[key], weight: rule.weight, sentence }] : [];
  });
  const who =
    criteria.maxGapYears === 0
      ? "Le renouvellement concerne les communes labellisées lors de la campagne précédente."
      : "Le renouvellement concerne les communes labellisées lors de la campagne précédente, ou de celle d’avant (une année d’interruption est acceptée).";
  const scoring = `Chaque critère rapporte ses points s’il est rempli (les actions réalisées comptent au prorata de l’objectif) ; un score de progression de ${criteria.passingScore} sur 100 ou plus est jugé suffisant.`;
  return { items, who, scoring };
}
