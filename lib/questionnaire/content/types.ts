// The shape of a questionnaire's content, as written in this folder and as read back from the
// database (versions.ts): the same shape both ways, so a version can be derived, compared and
// scored without caring where it came from.
import type { Cost, Effort, SizeBand, TerritoryKind } from "@/lib/db/generated/enums";

export type OptionContent = {
  /** Stable inside its question ("non", "partiel", "oui"...). */
  key: string;
  label: string;
  /** 0 (not done) to 3 (done well). */
  score: number;
};

export type QuestionContent = {
  /** "<theme key>.<name>", stable across years so answers compare year over year. */
  key: string;
  text: string;
  /** Why it matters, in plain words. */
  help: string;
  /** 1 (good practice) to 3 (protects against the most frequent attacks); the database allows up to 10. */
  weight: number;
  sizeBands: readonly SizeBand[];
  territoryKinds: readonly TerritoryKind[];
  /** Worst first, best last. "Je ne sais pas" is not an option: every question offers it. */
  options: readonly OptionContent[];
  /** Measures a weak answer points to. */
  measureKeys: readonly string[];
};

export type ThemeContent = {
  key: string;
  title: string;
  description: string;
  questions: readonly QuestionContent[];
};

export type MeasureContent = {
  key: string;
  title: string;
  why: string;
  how: string;
  effort: Effort;
  cost: Cost;
};

export type QuestionnaireContent = {
  themes: readonly ThemeContent[];
  measures: readonly MeasureContent[];
};
