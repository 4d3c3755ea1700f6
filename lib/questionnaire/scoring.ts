// Scores of an assessment, as pure functions shared by the server and the browser.
//
// Rules (why: README.md in this folder):
// - an answer is worth its option's score / 3; "Je ne sais pas" is worth 0 and is counted apart;
// - a theme's score is the weighted average of its answered applicable questions, out of 100;
// - the overall score is the weighted average of all answered applicable questions (not the
//   average of the themes), so a theme with a single question for a small commune does not
//   weigh a ninth of the result, and moving a question between themes changes no score;
// - unanswered questions are not in any score: they are counted, and the assessment is complete
//   when every applicable question has an answer (an option or "Je ne sais pas");
// - a theme with no applicable question is "not applicable": no score, left out of the overall.
import type { Cost, Effort } from "@/lib/db/generated/enums";
import { isApplicable, type ApplicabilityContext } from "./size-band";
import type { QuestionContent } from "./content/types";

export const MAX_OPTION_SCORE = 3;

export type ScorableQuestion = Pick<QuestionContent, "key" | "weight" | "sizeBands" | "territoryKinds"> & {
  options: readonly { key: string; score: number }[];
  measureKeys?: readonly string[];
};
export type ScorableTheme = { key: string; title: string; questions: readonly ScorableQuestion[] };

/** What the person answered to one question: an option, "Je ne sais pas", or neither (cleared). */
export type AnswerState = { questionKey: string; optionKey: string | null; dontKnow: boolean };

export type LevelKey = "a-construire" | "fragile" | "en-progres" | "solide";
export type Level = { key: LevelKey; label: string; min: number; summary: string };

/** Four levels of 25 points: easy to remember, and no single answer jumps two levels. */
export const LEVELS: readonly Level[] = [
  {
    key: "a-construire",
    label: "À construire",
    min: 0,
    summary: "Les protections de base restent à mettre en place. Commencez par les mesures prioritaires : la plupart sont simples et gratuites.",
  },
  {
    key: "fragile",
    label: "Fragile",
    min: 25,
    summary: "Quelques bonnes pratiques sont en place, mais des failles importantes demeurent. Traitez d'abord les mesures prioritaires.",
  },
  {
    key: "en-progres",
    label: "En progrès",
    min: 50,
    summary: "Les bases sont là. Consolidez-les et attaquez les points faibles qui restent.",
  },
  {
    key: "solide",
    label: "Solide",
    min: 75,
    summary: "Le niveau est bon. Entretenez-le : mises à jour, sauvegardes testées, sensibilisation chaque année.",
  },
];

export function levelFor(score: number): Level {
  let found = LEVELS[0]!;
  for (const level of LEVELS) if (score >= level.min) found = level;
  return found;
}

export type ThemeScore = {
  key: string;
  title: string;
  /** Out of 100; null when not applicable or nothing answered yet. */
  score: number | null;
  level: Level | null;
  /** No question of this theme is asked of this territory. */
  notApplicable: boolean;
  applicable: number;
  answered: number;
  dontKnow: number;
  unanswered: number;
};

export type AssessmentScore = {
  overall: number | null;
  level: Level | null;
  byTheme: ThemeScore[];
  completion: { applicable: number; answered: number; dontKnow: number; unanswered: number; complete: boolean };
};

type Contribution = { question: ScorableQuestion; answered: boolean; dontKnow: boolean; points: number };

function answerIndex(answers: Iterable<AnswerState>): Map<string, AnswerState> {
  const index = new Map<string, AnswerState>();
  for (const answer of answers) index.set(answer.questionKey, answer);
  return index;
}

/** Points (0..3) an answer earns, or null when the question has no usable answer. */
function pointsFor(question: ScorableQuestion, answer: AnswerState | undefined): { points: number; dontKnow: boolean } | null {
  if (!answer) return null;
  if (answer.dontKnow) return { points: 0, dontKnow: true };
  if (answer.optionKey === null) return null;
  const option = question.options.find((candidate) => candidate.key === answer.optionKey);
  // An option that is not in the question (an older version's) counts as not answered.
  return option ? { points: option.score, dontKnow: false } : null;
}

function contributions(theme: ScorableTheme, answers: Map<string, AnswerState>, context: ApplicabilityContext): Contribution[] {
  return theme.questions
    .filter((question) => isApplicable(question, context))
    .map((question) => {
      const earned = pointsFor(question, answers.get(question.key));
      return { question, answered: earned !== null, dontKnow: earned?.dontKnow ?? false, points: earned?.points ?? 0 };
    });
}

/** Weighted average of the answered contributions, out of 100, or null if none is answered. */
function weightedScore(items: Contribution[]): number | null {
  let earned = 0;
  let possible = 0;
  for (const item of items) {
    if (!item.answered) continue;
    earned += item.question.weight * item.points;
    possible += item.question.weight * MAX_OPTION_SCORE;
  }
  return possible === 0 ? null : Math.round((100 * earned) / possible);
}

export function scoreAssessment(
  themes: readonly ScorableTheme[],
  answers: Iterable<AnswerState>,
  context: ApplicabilityContext,
): AssessmentScore {
  const index = answerIndex(answers);
  const all: Contribution[] = [];
  const byTheme = themes.map((theme): ThemeScore => {
    const items = contributions(theme, index, context);
    all.push(...items);
    const answered = items.filter((item) => item.answered).length;
    const score = weightedScore(items);
    return {
      key: theme.key,
      title: theme.title,
      score,
      level: score === null ? null : levelFor(score),
      notApplicable: items.length === 0,
      applicable: items.length,
      answered,
      dontKnow: items.filter((item) => item.dontKnow).length,
      unanswered: items.length - answered,
    };
  });
  const overall = weightedScore(all);
  const answered = all.filter((item) => item.answered).length;
  return {
    overall,
    level: overall === null ? null : levelFor(overall),
    byTheme,
    completion: {
      applicable: all.length,
      answered,
      dontKnow: all.filter((item) => item.dontKnow).length,
      unanswered: all.length - answered,
      complete: all.length > 0 && answered === all.length,
    },
  };
}

const EFFORT_ORDER: Record<Effort, number> = { LOW: 0, MEDIUM: 1, HIGH: 2 };
const COST_ORDER: Record<Cost, number> = { NONE: 0, LOW: 1, HIGH: 2 };

export type MeasureRef = { key: string; effort: Effort; cost: Cost };

export type PrioritizedMeasure<M extends MeasureRef> = M & {
  /** Sum of weight × missing points over the weak answers pointing to this measure. */
  impact: number;
  /** Points the overall score could gain if those questions were done well (rounded; measures overlap, gains do not add up). */
  potentialGain: number;
  /** The weak answers behind it, in questionnaire order. */
  questionKeys: string[];
};

/**
 * Recommended measures for the weak answers (below 3, or "Je ne sais pas"), most useful first:
 * by impact on the score, then the lightest effort, then the lowest cost. Unanswered questions
 * recommend nothing yet.
 */
export function prioritizeMeasures<M extends MeasureRef>(
  themes: readonly ScorableTheme[],
  answers: Iterable<AnswerState>,
  context: ApplicabilityContext,
  measures: readonly M[],
): PrioritizedMeasure<M>[] {
  const index = answerIndex(answers);
  const byKey = new Map(measures.map((measure) => [measure.key, measure]));
  const found = new Map<string, { measure: M; impact: number; questionKeys: string[]; firstSeen: number }>();
  let answeredWeight = 0;
  let order = 0;

  for (const theme of themes) {
    for (const item of contributions(theme, index, context)) {
      if (!item.answered) continue;
      answeredWeight += item.question.weight * MAX_OPTION_SCORE;
      const missing = MAX_OPTION_SCORE - item.points;
      if (missing <= 0) continue;
      for (const key of item.question.measureKeys ?? []) {
        const measure = byKey.get(key);
        if (!measure) continue;
        const entry = found.get(key) ?? { measure, impact: 0, questionKeys: [], firstSeen: order++ };
        entry.impact += item.question.weight * missing;
        entry.questionKeys.push(item.question.key);
        found.set(key, entry);
      }
    }
  }

  return [...found.values()]
    .sort(
      (a, b) =>
        b.impact - a.impact ||
        EFFORT_ORDER[a.measure.effort] - EFFORT_ORDER[b.measure.effort] ||
        COST_ORDER[a.measure.cost] - COST_ORDER[b.measure.cost] ||
        a.firstSeen - b.firstSeen,
    )
    .map((entry) => ({
      ...entry.measure,
      impact: entry.impact,
      potentialGain: answeredWeight === 0 ? 0 : Math.round((100 * entry.impact) / answeredWeight),
      questionKeys: entry.questionKeys,
    }));
}
