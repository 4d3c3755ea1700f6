// Rules every questionnaire content must follow before it is installed; the database checks
// some of them again (weights, scores, applicability), the rest only make sense here.
import { SIZE_BANDS, TERRITORY_KINDS } from "../size-band";
import type { QuestionnaireContent } from "./types";

/** Stable keys: lower case words joined by hyphens; a question key is "<theme>.<name>". */
export const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const QUESTION_KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/;

/** Problems found, for the developer; empty when the content is sound. */
export function contentProblems(content: QuestionnaireContent): string[] {
  const problems: string[] = [];
  const seen = (kind: string, keys: string[]) => {
    const counted = new Set<string>();
    for (const key of keys) {
      if (counted.has(key)) problems.push(`${kind} key "${key}" is used twice`);
      counted.add(key);
    }
    return counted;
  };

  seen("theme", content.themes.map((theme) => theme.key));
  const questions = content.themes.flatMap((theme) => theme.questions);
  seen("question", questions.map((question) => question.key));
  const measureKeys = seen("measure", content.measures.map((measure) => measure.key));
  const referenced = new Set<string>();

  for (const theme of content.themes) {
    if (!KEY_PATTERN.test(theme.key)) problems.push(`theme key "${theme.key}" is not a stable key`);
    if (!theme.title.trim() || !theme.description.trim()) problems.push(`theme ${theme.key} needs a title and a description`);
    if (theme.questions.length === 0) problems.push(`theme ${theme.key} has no question`);
    for (const question of theme.questions) {
      const where = `question ${question.key}`;
      if (!QUESTION_KEY_PATTERN.test(question.key) || !question.key.startsWith(`${theme.key}.`)) {
        problems.push(`${where}: its key must be "${theme.key}.<name>"`);
      }
      if (!question.text.trim()) problems.push(`${where}: no text`);
      if (!question.help.trim()) problems.push(`${where}: no help text`);
      if (!Number.isInteger(question.weight) || question.weight < 1 || question.weight > 10) problems.push(`${where}: weight must be 1 to 10`);
      if (question.sizeBands.length === 0 || question.sizeBands.some((band) => !SIZE_BANDS.includes(band))) {
        problems.push(`${where}: needs at least one known size band`);
      }
      if (question.territoryKinds.length === 0 || question.territoryKinds.some((kind) => !TERRITORY_KINDS.includes(kind))) {
        problems.push(`${where}: needs at least one known territory kind`);
      }
      if (question.options.length < 2) problems.push(`${where}: needs at least two options`);
      seen(`${where} option`, question.options.map((option) => option.key));
      const scores = question.options.map((option) => option.score);
      if (new Set(scores).size !== scores.length) problems.push(`${where}: two options have the same score`);
      if (!scores.includes(0) || !scores.includes(3)) problems.push(`${where}: options must go from 0 (not done) to 3 (done well)`);
      for (const option of question.options) {
        if (!KEY_PATTERN.test(option.key)) problems.push(`${where}: option key "${option.key}" is not a stable key`);
        if (!Number.isInteger(option.score) || option.score < 0 || option.score > 3) problems.push(`${where}: option ${option.key} scores outside 0..3`);
        if (!option.label.trim()) problems.push(`${where}: option ${option.key} has no label`);
      }
      if (question.measureKeys.length === 0) problems.push(`${where}: points to no measure`);
      for (const key of question.measureKeys) {
        if (!measureKeys.has(key)) problems.push(`${where}: unknown measure "${key}"`);
        referenced.add(key);
      }
    }
  }

  for (const measure of content.measures) {
    if (!KEY_PATTERN.test(measure.key)) problems.push(`measure key "${measure.key}" is not a stable key`);
    if (!measure.title.trim() || !measure.why.trim() || !measure.how.trim()) problems.push(`measure ${measure.key} needs a title, a why and a how`);
    if (!referenced.has(measure.key)) problems.push(`measure ${measure.key} is referenced by no question`);
  }
  return problems;
}
