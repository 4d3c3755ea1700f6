import { describe, expect, it } from "vitest";
import type { SizeBand, TerritoryKind } from "@/lib/db/generated/enums";
import { QUESTIONNAIRE_2026 } from "./content";
import { frenchTypography } from "./content/typography";
import type { QuestionnaireContent } from "./content/types";
import { contentProblems } from "./content/validate";
import { isApplicable, SIZE_BANDS, TERRITORY_KINDS } from "./size-band";

const content = QUESTIONNAIRE_2026;
const questions = content.themes.flatMap((theme) => theme.questions);

/** How many questions each size sees: short for a small commune, fuller for a large one. */
const TARGETS: Record<SizeBand, [number, number]> = {
  UNDER_1000: [15, 20],
  FROM_1000_TO_3499: [22, 32],
  FROM_3500_TO_9999: [32, 45],
  FROM_10000: [45, 60],
};

function count(kind: TerritoryKind, sizeBand: SizeBand, themeKey?: string): number {
  return content.themes
    .filter((theme) => !themeKey || theme.key === themeKey)
    .flatMap((theme) => theme.questions)
    .filter((question) => isApplicable(question, { sizeBand, territoryKind: kind })).length;
}

describe("the 2026 questionnaire content", () => {
  it("has the nine IMMUNITES themes, in order", () => {
    expect(content.themes.map((theme) => theme.key)).toEqual([
      "inventaire",
      "mots-de-passe",
      "mises-a-jour-sauvegardes",
      "utilisateurs",
      "neutralisation-virus",
      "informatique-libertes",
      "teletravail",
      "evaluation",
      "services-externalises",
    ]);
    expect(content.themes.map((theme) => theme.title[0]).join("")).toBe("IMMUNITÉS");
  });

  it("breaks none of the content rules", () => {
    expect(contentProblems(content)).toEqual([]);
  });

  it("gives every question a help text, a weight, an audience, and options from 0 to 3 with distinct scores", () => {
    for (const question of questions) {
      expect(question.help.length, question.key).toBeGreaterThan(60);
      expect(question.weight, question.key).toBeGreaterThanOrEqual(1);
      expect(question.weight, question.key).toBeLessThanOrEqual(3);
      expect(question.sizeBands.length, question.key).toBeGreaterThan(0);
      expect(question.territoryKinds.length, question.key).toBeGreaterThan(0);
      const scores = question.options.map((option) => option.score);
      expect(scores.length, question.key).toBeGreaterThanOrEqual(2);
      expect(new Set(scores).size, question.key).toBe(scores.length);
      expect(scores, question.key).toContain(0);
      expect(scores, question.key).toContain(3);
      // Worst first, best last: the form reads from "not done" to "done well".
      expect(scores, question.key).toEqual([...scores].sort((a, b) => a - b));
      // "Je ne sais pas" is offered by the form for every question, never as an option.
      expect(question.options.some((option) => /ne sais? pas/i.test(option.label) && option.label.length < 20), question.key).toBe(false);
    }
  });

  it("references only existing measures, and every measure is used", () => {
    const measureKeys = new Set(content.measures.map((measure) => measure.key));
    const used = new Set(questions.flatMap((question) => question.measureKeys));
    for (const key of used) expect(measureKeys, key).toContain(key);
    for (const key of measureKeys) expect(used, key).toContain(key);
    for (const measure of content.measures) {
      expect(measure.why.length, measure.key).toBeGreaterThan(30);
      expect(measure.how.length, measure.key).toBeGreaterThan(80);
    }
  });

  it("keeps its question keys: renaming one would break the year-over-year comparison", () => {
    expect(new Set(questions.map((question) => question.key)).size).toBe(questions.length);
    expect(questions.map((question) => question.key)).toEqual([
      "inventaire.responsable",
      "inventaire.postes",
      "inventaire.comptes-en-ligne",
      "inventaire.donnees-essentielles",
      "inventaire.exposition-internet",
      "inventaire.cartographie",
      "mots-de-passe.comptes-individuels",
      "mots-de-passe.robustesse",
      "mots-de-passe.double-authentification",
      "mots-de-passe.departs",
      "mots-de-passe.par-defaut",
      "mots-de-passe.comptes-administrateur",
      "mises-a-jour-sauvegardes.postes",
      "mises-a-jour-sauvegardes.sauvegarde",
      "mises-a-jour-sauvegardes.sauvegarde-hors-ligne",
      "mises-a-jour-sauvegardes.restauration",
      "mises-a-jour-sauvegardes.site-internet",
      "mises-a-jour-sauvegardes.equipements-reseau",
      "mises-a-jour-sauvegardes.services-en-ligne",
      "mises-a-jour-sauvegardes.failles-critiques",
      "utilisateurs.hameconnage",
      "utilisateurs.elus",
      "utilisateurs.charte",
      "utilisateurs.adresses-professionnelles",
      "utilisateurs.formation",
      "neutralisation-virus.antivirus",
      "neutralisation-virus.messagerie",
      "neutralisation-virus.supports-amovibles",
      "neutralisation-virus.wifi",
      "neutralisation-virus.filtrage-web",
      "neutralisation-virus.detection-reponse",
      "neutralisation-virus.segmentation",
      "informatique-libertes.dpo",
      "informatique-libertes.registre",
      "informatique-libertes.violation",
      "informatique-libertes.acces-donnees",
      "informatique-libertes.droits-personnes",
      "informatique-libertes.sous-traitants",
      "informatique-libertes.analyse-impact",
      "teletravail.acces-distance",
      "teletravail.prise-en-main-distance",
      "teletravail.double-authentification",
      "teletravail.appareils-mobiles",
      "teletravail.materiel",
      "evaluation.procedure-incident",
      "evaluation.pilotage",
      "evaluation.accompagnement-communes",
      "evaluation.diagnostic",
      "evaluation.budget",
      "evaluation.plan-continuite",
      "evaluation.exercice-crise",
      "services-externalises.mutualisation",
      "services-externalises.offre-mutualisee",
      "services-externalises.prestataires",
      "services-externalises.nom-de-domaine",
      "services-externalises.donnees-reversibilite",
      "services-externalises.acces-prestataires",
      "services-externalises.hebergement",
      "services-externalises.exigences-securite",
    ]);
  });

  it("asks each size and kind a number of questions within the targets, growing with size", () => {
    const lines: string[] = [];
    for (const kind of TERRITORY_KINDS) {
      lines.push(`\n${kind.padEnd(32)}${SIZE_BANDS.map((band) => band.padStart(19)).join("")}`);
      for (const theme of content.themes) {
        lines.push(`  ${theme.title.padEnd(30)}${SIZE_BANDS.map((band) => String(count(kind, band, theme.key)).padStart(19)).join("")}`);
      }
      lines.push(`  ${"Total".padEnd(30)}${SIZE_BANDS.map((band) => String(count(kind, band)).padStart(19)).join("")}`);
    }
    console.log(`Questions par taille et par thème (2026) :${lines.join("\n")}`);

    for (const kind of TERRITORY_KINDS) {
      let previous = 0;
      for (const band of SIZE_BANDS) {
        const [min, max] = TARGETS[band];
        const total = count(kind, band);
        expect(total, `${kind} ${band}`).toBeGreaterThanOrEqual(min);
        expect(total, `${kind} ${band}`).toBeLessThanOrEqual(max);
        expect(total, `${kind} ${band}`).toBeGreaterThan(previous);
        previous = total;
        // Every theme asks at least one question of everyone: no theme is left blank.
        for (const theme of content.themes) expect(count(kind, band, theme.key), `${kind} ${band} ${theme.key}`).toBeGreaterThan(0);
      }
    }
  });

  it("speaks French typography: curly apostrophes and no-break spaces before high punctuation", () => {
    const texts = [
      ...content.themes.flatMap((theme) => [theme.title, theme.description]),
      ...questions.flatMap((question) => [question.text, question.help, ...question.options.map((option) => option.label)]),
      ...content.measures.flatMap((measure) => [measure.title, measure.why, measure.how]),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/'/);
      expect(text).not.toMatch(/ [:;!?»]|« /);
    }
    expect(frenchTypography("C'est « simple » : oui ? non !")).toBe("C’est «\u00a0simple\u00a0»\u00a0: oui\u00a0? non\u00a0!");
  });
});

describe("contentProblems", () => {
  it("catches what would make a version unusable", () => {
    const broken: QuestionnaireContent = {
      themes: [
        {
          key: "inventaire",
          title: "Inventaire",
          description: "Savoir ce que l'on possède.",
          questions: [
            {
              key: "autre.postes",
              text: "Question ?",
              help: "",
              weight: 0,
              sizeBands: [],
              territoryKinds: ["COMMUNE"],
              options: [
                { key: "non", label: "Non", score: 1 },
                { key: "oui", label: "Oui", score: 1 },
              ],
              measureKeys: ["inconnue"],
            },
          ],
        },
      ],
      measures: [{ key: "orpheline", title: "Mesure", why: "Parce que.", how: "Ainsi.", effort: "LOW", cost: "NONE" }],
    };
    expect(contentProblems(broken)).toEqual([
      'question autre.postes: its key must be "inventaire.<name>"',
      "question autre.postes: no help text",
      "question autre.postes: weight must be 1 to 10",
      "question autre.postes: needs at least one known size band",
      "question autre.postes: two options have the same score",
      "question autre.postes: options must go from 0 (not done) to 3 (done well)",
      'question autre.postes: unknown measure "inconnue"',
      "measure orpheline is referenced by no question",
    ]);
  });
});
