// The IMMUNITE CYBER questionnaire of the 2026 round, written by the association in plain French,
// one file per IMMUNITES theme. Once installed and published it never changes: next year's
// version is derived from it in the database (versions.ts), keeping the question keys.
import * as evaluation from "./evaluation";
import * as informatiqueLibertes from "./informatique-libertes";
import * as inventaire from "./inventaire";
import * as misesAJourSauvegardes from "./mises-a-jour-sauvegardes";
import * as motsDePasse from "./mots-de-passe";
import * as neutralisationVirus from "./neutralisation-virus";
import * as servicesExternalises from "./services-externalises";
import * as teletravail from "./teletravail";
import type { QuestionnaireContent } from "./types";
import { typesetContent } from "./typography";
import * as utilisateurs from "./utilisateurs";

/** I-M-M-U-N-I-T-É-S, in that order. */
const THEMES = [
  inventaire,
  motsDePasse,
  misesAJourSauvegardes,
  utilisateurs,
  neutralisationVirus,
  informatiqueLibertes,
  teletravail,
  evaluation,
  servicesExternalises,
];

export const QUESTIONNAIRE_2026: QuestionnaireContent = typesetContent({
  themes: THEMES.map((module) => module.theme),
  measures: THEMES.flatMap((module) => module.measures),
});

export type { MeasureContent, OptionContent, QuestionContent, QuestionnaireContent, ThemeContent } from "./types";
