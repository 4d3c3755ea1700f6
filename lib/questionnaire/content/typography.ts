// The content is typed with plain spaces and straight apostrophes; what people read gets French
// typography: no-break space before « : ; ! ? » and inside quotes, curly apostrophe, ellipsis.
// (A regular no-break space rather than the narrow one, which many fonts draw too thin.)
import type { QuestionnaireContent } from "./types";

export function frenchTypography(text: string): string {
  return text
    .replace(/\.\.\./g, "…")
    .replace(/'/g, "’")
    .replace(/« /g, "«\u00a0")
    .replace(/ »/g, "\u00a0»")
    .replace(/ ([:;!?])/g, "\u00a0$1");
}

/** Applies French typography to every text people read; keys are left alone. */
export function typesetContent(content: QuestionnaireContent): QuestionnaireContent {
  const t = frenchTypography;
  return {
    themes: content.themes.map((theme) => ({
      ...theme,
      title: t(theme.title),
      description: t(theme.description),
      questions: theme.questions.map((question) => ({
        ...question,
        text: t(question.text),
        help: t(question.help),
        options: question.options.map((option) => ({ ...option, label: t(option.label) })),
      })),
    })),
    measures: content.measures.map((measure) => ({ ...measure, title: t(measure.title), why: t(measure.why), how: t(measure.how) })),
  };
}
