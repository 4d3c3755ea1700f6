// The progression of a renewing organization, as a pure function of the data of both years
// (the loader, loader.ts, is the one place that reads it). Why these rules:
// docs/decisions/008-matching-questions-across-versions.md.
//
// - Questionnaire: both years are scored ONLY on the questions present in both versions (same
//   stable key), applicable in both years (each year with its own frozen size band and kind) and
//   answered in both years (an option or « Je ne sais pas », worth 0 as in scoring.ts). The
//   current version gives the theme and the weight of each question, so a question moved to
//   another theme or re-weighted counts the same way in both years; each year's answer is worth
//   the score of its own option. Questions added, withdrawn, asked only one of the years (size
//   band change) or not answered yet are listed apart; re-worded ones are compared and listed.
// - Plan execution: actions done since the previous label (by completion date), abandoned in the
//   period with their reason, still open (carried over). Actions done before the previous label
//   counted for that label and are left out.
// - Each criterion of the round is met or not, in words; the score is the sum of the weights of
//   the criteria met, the actions done counting in proportion of the objective.
import { planCompleteness } from "@/lib/action-plan/rules";
import type { ActionStatus, SizeBand, TerritoryKind } from "@/lib/db/generated/enums";
import { scoreAssessment, type AnswerState, type ScorableTheme } from "@/lib/questionnaire/scoring";
import { isApplicable, SIZE_BANDS, TERRITORY_KINDS, type ApplicabilityContext } from "@/lib/questionnaire/size-band";
import { CRITERION_KEYS, CRITERION_TITLES, criterionSentence, type CriterionKey, type ProgressionCriteria } from "./criteria";

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

export type VersionQuestion = {
  key: string;
  themeKey: string;
  text: string;
  weight: number;
  sizeBands: readonly SizeBand[];
  territoryKinds: readonly TerritoryKind[];
  options: readonly { key: string; score: number }[];
};

/** One year's questionnaire: its version (themes in order, questions) and the organization's answers. */
export type YearQuestionnaire = {
  year: number;
  versionKey: string;
  themes: readonly { key: string; title: string }[];
  questions: readonly VersionQuestion[];
  /** Frozen when the assessment started. */
  context: ApplicabilityContext;
  answers: readonly AnswerState[];
  completed: boolean;
};

export type PlanActionHistory = {
  id: string;
  title: string;
  status: ActionStatus;
  progress: number;
  criteria: readonly string[];
  completedAt: Date | null;
  /** When it was abandoned (from its history); null when not abandoned. */
  abandonedAt: Date | null;
  abandonReason: string | null;
  evidenceCount: number;
  /** Years of the rounds it was carried over to (carried_over events). */
  carriedOverTo: readonly number[];
};

export type ProgressionInput = {
  criteria: ProgressionCriteria;
  round: { id: string; year: number };
  /** The label this renewal follows; null for a first-year file. */
  previousLabel: { roundId: string; year: number; awardedAt: Date } | null;
  previous: YearQuestionnaire | null;
  current: YearQuestionnaire | null;
  actions: readonly PlanActionHistory[];
  /** The round's two-criteria rule (Round.minPlanActions / minPlanCriteria). */
  planRule: { minActions: number; minCriteria: number };
};

// ---------------------------------------------------------------------------------------------
// Output (serialisable: it goes into the candidacy's frozen snapshot)
// ---------------------------------------------------------------------------------------------

export type QuestionRef = { key: string; text: string };

export type ThemeComparison = {
  key: string;
  title: string;
  /** Questions of the theme compared in both years. */
  commonQuestions: number;
  previous: number | null;
  current: number | null;
  /** current − previous, null when the theme has no common question. */
  change: number | null;
};

export type QuestionnaireComparison = {
  previousYear: number;
  currentYear: number;
  previousVersion: string;
  currentVersion: string;
  /** Both years could be scored on at least one common question. */
  comparable: boolean;
  /** Why not, in words, when not comparable. */
  notComparableReason: string | null;
  commonQuestions: number;
  overall: { previous: number | null; current: number | null; change: number | null };
  themes: ThemeComparison[];
  /** « Je ne sais pas » among the common questions, each year. */
  dontKnow: { previous: number; current: number };
  added: QuestionRef[];
  withdrawn: QuestionRef[];
  /** Same key, new wording: compared all the same. */
  reworded: (QuestionRef & { previousText: string })[];
  /** In both versions but asked only this year (the territory changed size band or kind). */
  newlyAsked: QuestionRef[];
  /** In both versions but asked only the previous year. */
  noLongerAsked: QuestionRef[];
  /** Common and asked both years, but without an answer one of the years yet. */
  notAnsweredYet: QuestionRef[];
  sizeBandChanged: { previous: SizeBand; current: SizeBand } | null;
};

export type ExecutedAction = { id: string; title: string; completedAt: string; evidenceCount: number; criteria: string[] };
export type AbandonedAction = { id: string; title: string; abandonedAt: string | null; reason: string };
export type OpenAction = { id: string; title: string; status: "TODO" | "IN_PROGRESS"; progress: number; carriedOverTo: number[] };

export type PlanExecution = {
  since: string;
  done: ExecutedAction[];
  doneWithEvidence: number;
  abandoned: AbandonedAction[];
  open: OpenAction[];
  /** Actions of the period: done since, abandoned since, still open. */
  periodActions: number;
  /** Done before the previous label (counted for it), left out. */
  doneBefore: number;
};

export type CriterionResult = {
  key: CriterionKey;
  title: string;
  weight: number;
  /** What the round asks, in words. */
  rule: string;
  met: boolean;
  /** Points earned out of `weight`. */
  points: number;
  /** What was observed, in words. */
  outcome: string;
  /** What is still missing, in words; null when met. */
  missing: string | null;
};

export type Progression = {
  roundYear: number;
  previousLabelYear: number;
  /** The previous label is two rounds back (allowed by the round). */
  gapYear: boolean;
  questionnaire: QuestionnaireComparison | null;
  plan: PlanExecution;
  criteria: CriterionResult[];
  /** Out of 100. */
  score: number;
  passingScore: number;
  sufficient: boolean;
  /** One sentence for the top of the panel. */
  summary: string;
};

// ---------------------------------------------------------------------------------------------
// Who renews
// ---------------------------------------------------------------------------------------------

/**
 * The label a renewal follows: the most recent label of the previous round, or of the one before
 * it when the round accepts one year of interruption. Labels of this round or later never count.
 */
export function previousLabelFor<L extends { year: number }>(roundYear: number, labels: readonly L[], maxGapYears: number): L | null {
  const eligible = labels.filter((label) => label.year < roundYear && roundYear - label.year <= 1 + maxGapYears);
  return eligible.sort((a, b) => b.year - a.year)[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Questionnaire comparison
// ---------------------------------------------------------------------------------------------

const ALWAYS: Pick<VersionQuestion, "sizeBands" | "territoryKinds"> = { sizeBands: SIZE_BANDS, territoryKinds: TERRITORY_KINDS };
const ANY_CONTEXT: ApplicabilityContext = { sizeBand: "UNDER_1000", territoryKind: "COMMUNE" };

function hasAnswer(answer: AnswerState | undefined, question: VersionQuestion): boolean {
  if (!answer) return false;
  if (answer.dontKnow) return true;
  return answer.optionKey !== null && question.options.some((option) => option.key === answer.optionKey);
}

const normalizeText = (text: string) => text.replace(/\s+/g, " ").trim();

export function compareQuestionnaires(previous: YearQuestionnaire, current: YearQuestionnaire): QuestionnaireComparison {
  const previousByKey = new Map(previous.questions.map((question) => [question.key, question]));
  const currentByKey = new Map(current.questions.map((question) => [question.key, question]));
  const previousAnswers = new Map(previous.answers.map((answer) => [answer.questionKey, answer]));
  const currentAnswers = new Map(current.answers.map((answer) => [answer.questionKey, answer]));
  const ref = (question: VersionQuestion): QuestionRef => ({ key: question.key, text: question.text });

  const added = current.questions.filter((question) => !previousByKey.has(question.key) && isApplicable(question, current.context)).map(ref);
  const withdrawn = previous.questions.filter((question) => !currentByKey.has(question.key) && isApplicable(question, previous.context)).map(ref);
  const reworded: QuestionnaireComparison["reworded"] = [];
  const newlyAsked: QuestionRef[] = [];
  const noLongerAsked: QuestionRef[] = [];
  const notAnsweredYet: QuestionRef[] = [];
  const common: { now: VersionQuestion; before: VersionQuestion }[] = [];

  for (const now of current.questions) {
    const before = previousByKey.get(now.key);
    if (!before) continue;
    const askedBefore = isApplicable(before, previous.context);
    const askedNow = isApplicable(now, current.context);
    if (!askedBefore && !askedNow) continue;
    if (!askedBefore) {
      newlyAsked.push(ref(now));
      continue;
    }
    if (!askedNow) {
      noLongerAsked.push(ref(now));
      continue;
    }
    if (!hasAnswer(previousAnswers.get(now.key), before) || !hasAnswer(currentAnswers.get(now.key), now)) {
      notAnsweredYet.push(ref(now));
      continue;
    }
    if (normalizeText(before.text) !== normalizeText(now.text)) reworded.push({ ...ref(now), previousText: before.text });
    common.push({ now, before });
  }

  // Both years on the current version's themes and weights, each with its own options' scores.
  const themesFor = (side: "now" | "before"): ScorableTheme[] =>
    current.themes.map((theme) => ({
      key: theme.key,
      title: theme.title,
      questions: common
        .filter((pair) => pair.now.themeKey === theme.key)
        .map((pair) => ({ key: pair.now.key, weight: pair.now.weight, ...ALWAYS, options: pair[side].options })),
    }));
  const before = scoreAssessment(themesFor("before"), previous.answers, ANY_CONTEXT);
  const now = scoreAssessment(themesFor("now"), current.answers, ANY_CONTEXT);

  const themes: ThemeComparison[] = current.themes.map((theme, index) => {
    const previousScore = before.byTheme[index]!.score;
    const currentScore = now.byTheme[index]!.score;
    return {
      key: theme.key,
      title: theme.title,
      commonQuestions: now.byTheme[index]!.applicable,
      previous: previousScore,
      current: currentScore,
      change: previousScore === null || currentScore === null ? null : currentScore - previousScore,
    };
  });

  const comparable = common.length > 0;
  let notComparableReason: string | null = null;
  if (!comparable) {
    notComparableReason =
      current.answers.length === 0
        ? `Aucune réponse au questionnaire ${current.year} pour l’instant : répondez-y pour mesurer votre progression.`
        : `Aucune question posée les deux années n’a encore de réponse les deux fois : la progression du questionnaire ne peut pas être mesurée.`;
  }
  const sizeBandChanged = previous.context.sizeBand !== current.context.sizeBand ? { previous: previous.context.sizeBand, current: current.context.sizeBand } : null;
  return {
    previousYear: previous.year,
    currentYear: current.year,
    previousVersion: previous.versionKey,
    currentVersion: current.versionKey,
    comparable,
    notComparableReason,
    commonQuestions: common.length,
    overall: {
      previous: before.overall,
      current: now.overall,
      change: before.overall === null || now.overall === null ? null : now.overall - before.overall,
    },
    themes,
    dontKnow: { previous: before.completion.dontKnow, current: now.completion.dontKnow },
    added,
    withdrawn,
    reworded,
    newlyAsked,
    noLongerAsked,
    notAnsweredYet,
    sizeBandChanged,
  };
}

// ---------------------------------------------------------------------------------------------
// Plan execution
// ---------------------------------------------------------------------------------------------

export function planExecution(actions: readonly PlanActionHistory[], since: Date): PlanExecution {
  const done: ExecutedAction[] = [];
  const abandoned: AbandonedAction[] = [];
  const open: OpenAction[] = [];
  let doneBefore = 0;
  for (const action of actions) {
    if (action.status === "DONE") {
      if (!action.completedAt || action.completedAt < since) {
        doneBefore += 1;
        continue;
      }
      done.push({ id: action.id, title: action.title, completedAt: action.completedAt.toISOString(), evidenceCount: action.evidenceCount, criteria: [...action.criteria] });
    } else if (action.status === "ABANDONED") {
      // Abandoned before the previous label: it was already out of that plan.
      if (action.abandonedAt && action.abandonedAt < since) continue;
      abandoned.push({ id: action.id, title: action.title, abandonedAt: action.abandonedAt?.toISOString() ?? null, reason: action.abandonReason ?? "" });
    } else {
      open.push({ id: action.id, title: action.title, status: action.status, progress: action.progress, carriedOverTo: [...action.carriedOverTo] });
    }
  }
  done.sort((a, b) => a.completedAt.localeCompare(b.completedAt));
  return {
    since: since.toISOString(),
    done,
    doneWithEvidence: done.filter((action) => action.evidenceCount > 0).length,
    abandoned,
    open,
    periodActions: done.length + abandoned.length + open.length,
    doneBefore,
  };
}

// ---------------------------------------------------------------------------------------------
// Criteria and score
// ---------------------------------------------------------------------------------------------

const plural = (count: number, singular: string, pluralForm = `${singular}s`) => `${count} ${count > 1 ? pluralForm : singular}`;
const signed = (points: number) => (points > 0 ? `+${points}` : `${points}`).replace("-", "−");

function missingQuestionnaireReason(input: ProgressionInput): string {
  if (!input.previous) {
    return `Le questionnaire n’a pas été rempli sur la plateforme l’année de votre dernier label (${input.previousLabel!.year}) : la progression du score ne peut pas être mesurée.`;
  }
  return `Répondez au questionnaire ${input.round.year} pour mesurer votre progression.`;
}

function evaluate(key: CriterionKey, input: ProgressionInput, questionnaire: QuestionnaireComparison | null, plan: PlanExecution): Omit<CriterionResult, "key" | "title" | "weight" | "rule"> {
  const { criteria } = input;
  switch (key) {
    case "actionsCarriedOut": {
      const rule = criteria.criteria.actionsCarriedOut!;
      const counted = rule.evidenceRequired ? plan.doneWithEvidence : plan.done.length;
      const what = rule.evidenceRequired ? "avec une preuve" : "";
      const ratios: number[] = [];
      const lacks: string[] = [];
      if (rule.minCount !== null) {
        ratios.push(Math.min(1, counted / rule.minCount));
        if (counted < rule.minCount) lacks.push(`réalisez encore ${plural(rule.minCount - counted, "action")}${rule.evidenceRequired ? " et joignez-leur une preuve" : ""}`);
      }
      if (rule.minSharePercent !== null) {
        const share = plan.periodActions === 0 ? 0 : (100 * counted) / plan.periodActions;
        ratios.push(Math.min(1, share / rule.minSharePercent));
        if (share < rule.minSharePercent) {
          const needed = Math.ceil((rule.minSharePercent * plan.periodActions) / 100) - counted;
          lacks.push(
            plan.periodActions === 0
              ? "votre plan ne compte aucune action sur la période"
              : `il faut ${rule.minSharePercent} % des actions de la période réalisées${what ? ` ${what}` : ""}, soit encore ${plural(Math.max(1, needed), "action")}`,
          );
        }
      }
      const ratio = Math.min(...ratios);
      const doneWords =
        plan.done.length === 0
          ? "Aucune action réalisée depuis votre dernier label"
          : `${plural(plan.done.length, "action réalisée", "actions réalisées")} depuis votre dernier label${rule.evidenceRequired ? `, dont ${plural(plan.doneWithEvidence, "avec une preuve", "avec une preuve")}` : ""}`;
      const abandonedWords = plan.abandoned.length > 0 ? ` ; ${plural(plan.abandoned.length, "action abandonnée", "actions abandonnées")}` : "";
      const shareWords = plan.periodActions > 0 ? ` (${Math.round((100 * counted) / plan.periodActions)} % des ${plural(plan.periodActions, "action")} de la période)` : "";
      return {
        met: ratio >= 1,
        points: rule.weight * ratio,
        outcome: `${doneWords}${shareWords}${abandonedWords}.`,
        missing: lacks.length === 0 ? null : `${lacks.join(" ; ").replace(/^./, (first) => first.toUpperCase())}.`,
      };
    }
    case "overallProgress": {
      const rule = criteria.criteria.overallProgress!;
      if (!questionnaire || !questionnaire.comparable || questionnaire.overall.change === null) {
        const reason = questionnaire?.notComparableReason ?? missingQuestionnaireReason(input);
        return { met: false, points: 0, outcome: reason, missing: reason };
      }
      const { previous, current, change } = questionnaire.overall;
      const met = change >= rule.minPoints;
      return {
        met,
        points: met ? rule.weight : 0,
        outcome: `Score global : ${previous}/100 en ${questionnaire.previousYear}, ${current}/100 en ${questionnaire.currentYear} (${signed(change)} point${Math.abs(change) > 1 ? "s" : ""}), sur ${plural(questionnaire.commonQuestions, "question posée", "questions posées")} les deux années.`,
        missing: met
          ? null
          : rule.minPoints === 0
            ? `Votre score global a baissé de ${plural(-change, "point")} : travaillez les mesures recommandées pour le remonter.`
            : `Il manque ${plural(rule.minPoints - change, "point")} de progression du score global.`,
      };
    }
    case "themeStability": {
      const rule = criteria.criteria.themeStability!;
      const compared = questionnaire?.comparable ? questionnaire.themes.filter((theme) => theme.change !== null) : [];
      if (!questionnaire || compared.length === 0) {
        const reason = questionnaire?.notComparableReason ?? missingQuestionnaireReason(input);
        return { met: false, points: 0, outcome: reason, missing: reason };
      }
      const falling = compared.filter((theme) => theme.change! < -rule.maxDropPoints);
      const met = falling.length === 0;
      const skipped = questionnaire.themes.length - compared.length;
      const skippedWords = skipped > 0 ? ` ${plural(skipped, "thème n’a", "thèmes n’ont")} aucune question commune aux deux années et ${skipped > 1 ? "ne comptent" : "ne compte"} pas.` : "";
      return {
        met,
        points: met ? rule.weight : 0,
        outcome: met
          ? `Aucun des ${plural(compared.length, "thème comparé", "thèmes comparés")} ne baisse de plus de ${plural(rule.maxDropPoints, "point")}.${skippedWords}`
          : `${falling.map((theme) => `« ${theme.title} » (${signed(theme.change!)} points)`).join(", ")} ${falling.length > 1 ? "baissent" : "baisse"} de plus de ${plural(rule.maxDropPoints, "point")}.${skippedWords}`,
        missing: met ? null : `Remontez ${falling.length > 1 ? "ces thèmes" : "ce thème"} : ${falling.map((theme) => `« ${theme.title} »`).join(", ")}.`,
      };
    }
    case "nextYearPlan": {
      const rule = criteria.criteria.nextYearPlan!;
      const openActions = input.actions.filter((action) => action.status === "TODO" || action.status === "IN_PROGRESS");
      const completeness = planCompleteness(openActions, input.planRule);
      return {
        met: completeness.complete,
        points: completeness.complete ? rule.weight : 0,
        outcome: `Votre plan compte ${plural(completeness.actionCount, "action")} à lancer ou en cours, sur ${plural(completeness.distinctCriteria, "critère")} du questionnaire.`,
        missing: completeness.complete ? null : `Pour l’année qui vient, ${completeness.missing.join(" ").replace(/^./, (first) => first.toLowerCase())}`,
      };
    }
  }
}

/** The progression of a renewal; null when there is no previous label (a first-year file). */
export function computeProgression(input: ProgressionInput): Progression | null {
  if (!input.previousLabel) return null;
  const questionnaire = input.previous && input.current ? compareQuestionnaires(input.previous, input.current) : null;
  const plan = planExecution(input.actions, input.previousLabel.awardedAt);
  const results: CriterionResult[] = CRITERION_KEYS.flatMap((key) => {
    const rule = input.criteria.criteria[key];
    if (!rule) return [];
    const evaluated = evaluate(key, input, questionnaire, plan);
    return [{ key, title: CRITERION_TITLES[key], weight: rule.weight, rule: criterionSentence(key, input.criteria, input.planRule)!, ...evaluated, points: Math.round(evaluated.points * 10) / 10 }];
  });
  const score = Math.round(results.reduce((sum, result) => sum + result.points, 0));
  const sufficient = score >= input.criteria.passingScore;
  const missing = results.filter((result) => !result.met).length;
  return {
    roundYear: input.round.year,
    previousLabelYear: input.previousLabel.year,
    gapYear: input.round.year - input.previousLabel.year > 1,
    questionnaire,
    plan,
    criteria: results,
    score,
    passingScore: input.criteria.passingScore,
    sufficient,
    summary:
      `Score de progression : ${score}/100 (${input.criteria.passingScore} attendus). ` +
      (missing === 0
        ? "Tous les critères de progression sont remplis."
        : `${plural(missing, "critère n’est", "critères ne sont")} pas encore ${missing > 1 ? "remplis" : "rempli"}${sufficient ? ", mais le score est suffisant." : "."}`),
  };
}
