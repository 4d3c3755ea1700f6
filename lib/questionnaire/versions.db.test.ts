import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { associationMember, createOpenRound, createOrganization, insertTerritories, member } from "@/tests/support/world";
import { QUESTIONNAIRE_2026 } from "./content";
import type { QuestionnaireContent } from "./content/types";
import { CURRENT_QUESTIONNAIRE, installCurrentQuestionnaire } from "./current";
import { assertEditable, deriveVersion, editQuestion, getVersion, installQuestionnaireVersion, listVersions, loadVersionContent, publishVersion } from "./versions";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(() => insertTerritories(db));
afterAll(() => db.$disconnect());

const questionCount = QUESTIONNAIRE_2026.themes.reduce((sum, theme) => sum + theme.questions.length, 0);
const optionCount = QUESTIONNAIRE_2026.themes.flatMap((theme) => theme.questions).reduce((sum, question) => sum + question.options.length, 0);

/** Content in a canonical order (measure links are a set), to compare what went in and came out. */
function canonical(content: QuestionnaireContent): QuestionnaireContent {
  return {
    themes: content.themes.map((theme) => ({
      ...theme,
      questions: theme.questions.map((question) => ({ ...question, measureKeys: [...question.measureKeys].sort() })),
    })),
    measures: [...content.measures].sort((a, b) => a.key.localeCompare(b.key)),
  };
}

async function countsFor(versionId: string) {
  const [themes, questions, options, measures, links] = await Promise.all([
    db.questionnaireTheme.count({ where: { versionId } }),
    db.question.count({ where: { versionId } }),
    db.answerOption.count({ where: { question: { versionId } } }),
    db.recommendedMeasure.count({ where: { versionId } }),
    db.questionMeasure.count({ where: { question: { versionId } } }),
  ]);
  return { themes, questions, options, measures, links };
}

describe("installing a version", () => {
  it("writes the whole content in one go, reads it back identical, and does nothing the second time", async () => {
    const started = performance.now();
    const first = await installQuestionnaireVersion(db, { key: "essai-install", title: "Essai", content: QUESTIONNAIRE_2026 });
    const took = performance.now() - started;
    console.log(`Installation de la version (${questionCount} questions) : ${took.toFixed(0)} ms`);
    expect(first.created).toBe(true);
    expect(first.version).toMatchObject({ key: "essai-install", status: "DRAFT", publishedAt: null, derivedFromId: null });
    const counts = await countsFor(first.version.id);
    expect(counts).toEqual({ themes: 9, questions: questionCount, options: optionCount, measures: QUESTIONNAIRE_2026.measures.length, links: counts.links });
    expect(counts.links).toBe(QUESTIONNAIRE_2026.themes.flatMap((theme) => theme.questions).reduce((sum, question) => sum + question.measureKeys.length, 0));
    expect(canonical(await loadVersionContent(db, first.version.id))).toEqual(canonical(QUESTIONNAIRE_2026));

    const again = await installQuestionnaireVersion(db, { key: "essai-install", title: "Autre titre", content: QUESTIONNAIRE_2026 });
    expect(again).toEqual({ version: first.version, created: false });
    expect(await countsFor(first.version.id)).toEqual(counts);
  });

  it("installs once when two installs race", async () => {
    const results = await Promise.all([1, 2].map(() => installQuestionnaireVersion(db, { key: "essai-course", title: "Course", content: QUESTIONNAIRE_2026 })));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(results[0]!.version.id).toBe(results[1]!.version.id);
    expect(await db.questionnaireVersion.count({ where: { key: "essai-course" } })).toBe(1);
    expect((await countsFor(results[0]!.version.id)).questions).toBe(questionCount);
  });

  it("refuses content that breaks the rules, writing nothing", async () => {
    const broken: QuestionnaireContent = { ...QUESTIONNAIRE_2026, measures: QUESTIONNAIRE_2026.measures.slice(1) };
    await expect(installQuestionnaireVersion(db, { key: "essai-casse", title: "Cassé", content: broken })).rejects.toThrow(/unknown measure/);
    expect(await db.questionnaireVersion.count({ where: { key: "essai-casse" } })).toBe(0);
  });
});

describe("publishing, deriving and editing", () => {
  it("publishes once, for administrators only", async () => {
    const { version } = await installQuestionnaireVersion(db, { key: "essai-publication", title: "Publication", content: QUESTIONNAIRE_2026 });
    const organization = await createOrganization(db, "13113");
    for (const actor of [await associationMember(db, "REVIEWER"), await member(db, organization.id, "MAYOR")]) {
      await expect(publishVersion(db, actor, version.id)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(listVersions(db, actor)).rejects.toBeInstanceOf(AccessDeniedError);
    }
    expect((await db.questionnaireVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("DRAFT");

    const admin = await associationMember(db, "ADMINISTRATOR");
    const published = await publishVersion(db, admin, version.id);
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { action: "questionnaire.published", targetId: version.id, actorId: admin.userId } })).toBe(1);
    await expect(publishVersion(db, admin, version.id)).rejects.toThrow(/déjà publiée/);
    await expect(publishVersion(db, admin, "inconnue")).rejects.toThrow(/n'existe pas/);
    expect((await listVersions(db, admin)).map((row) => row.key)).toContain("essai-publication");
  });

  it("derives next year's draft with the same keys and content, leaving the published source untouched", async () => {
    const admin = await associationMember(db, "ADMINISTRATOR");
    const { version: source } = await installQuestionnaireVersion(db, { key: "essai-source", title: "Source", content: QUESTIONNAIRE_2026 });
    await publishVersion(db, admin, source.id);
    const sourceBefore = await db.questionnaireVersion.findUniqueOrThrow({ where: { id: source.id } });
    const contentBefore = await loadVersionContent(db, source.id);
    const idsBefore = await db.question.findMany({ where: { versionId: source.id }, select: { id: true }, orderBy: { id: "asc" } });

    await expect(deriveVersion(db, await associationMember(db, "REVIEWER"), source.id, { key: "essai-derivee", title: "Dérivée" })).rejects.toBeInstanceOf(AccessDeniedError);
    const started = performance.now();
    const derived = await deriveVersion(db, admin, source.id, { key: "essai-derivee", title: "Dérivée" });
    console.log(`Dérivation d'une version : ${(performance.now() - started).toFixed(0)} ms`);
    expect(derived).toMatchObject({ key: "essai-derivee", status: "DRAFT", publishedAt: null, derivedFromId: source.id });
    expect(await loadVersionContent(db, derived.id)).toEqual(contentBefore);
    expect((await db.question.findMany({ where: { versionId: derived.id }, select: { key: true } })).map((q) => q.key).sort()).toEqual(
      contentBefore.themes.flatMap((theme) => theme.questions.map((question) => question.key)).sort(),
    );

    expect(await db.questionnaireVersion.findUniqueOrThrow({ where: { id: source.id } })).toEqual(sourceBefore);
    expect(await loadVersionContent(db, source.id)).toEqual(contentBefore);
    expect(await db.question.findMany({ where: { versionId: source.id }, select: { id: true }, orderBy: { id: "asc" } })).toEqual(idsBefore);

    await expect(deriveVersion(db, admin, source.id, { key: "essai-derivee", title: "Encore" })).rejects.toThrow(/existe déjà/);
    await expect(deriveVersion(db, admin, "inconnue", { key: "essai-orpheline", title: "Orpheline" })).rejects.toThrow(/n'existe pas/);

    const view = await getVersion(db, admin, derived.id);
    expect(view).toMatchObject({ editable: true, derivedFrom: { key: "essai-source" }, _count: { questions: questionCount, assessments: 0 } });
  });

  it("refuses any edit to a published version, and edits a draft", async () => {
    const admin = await associationMember(db, "ADMINISTRATOR");
    const { version: source } = await installQuestionnaireVersion(db, { key: "essai-gel", title: "Gel", content: QUESTIONNAIRE_2026 });
    await publishVersion(db, admin, source.id);
    const before = await loadVersionContent(db, source.id);

    await expect(editQuestion(db, admin, { versionId: source.id, questionKey: "inventaire.postes", weight: 3 })).rejects.toThrow(/publiée : elle ne change plus/);
    await expect(editQuestion(db, admin, { versionId: source.id, questionKey: "inventaire.postes", weight: 3 })).rejects.toBeInstanceOf(DomainError);
    expect(await loadVersionContent(db, source.id)).toEqual(before);
    expect(() => assertEditable({ status: "PUBLISHED" })).toThrow(DomainError);
    expect(() => assertEditable({ status: "DRAFT" })).not.toThrow();

    const draft = await deriveVersion(db, admin, source.id, { key: "essai-gel-2027", title: "Gel 2027" });
    await expect(editQuestion(db, await associationMember(db, "TREASURER"), { versionId: draft.id, questionKey: "inventaire.postes", weight: 3 })).rejects.toBeInstanceOf(AccessDeniedError);
    const edited = await editQuestion(db, admin, { versionId: draft.id, questionKey: "inventaire.postes", weight: 3, text: "Tenez-vous la liste de vos appareils ?" });
    expect(edited).toMatchObject({ key: "inventaire.postes", weight: 3, text: "Tenez-vous la liste de vos appareils ?" });
    await expect(editQuestion(db, admin, { versionId: draft.id, questionKey: "inventaire.inconnue", weight: 3 })).rejects.toThrow(/n'existe pas/);
    expect(await loadVersionContent(db, source.id)).toEqual(before);

    // Once the draft is published, it is frozen too.
    await publishVersion(db, admin, draft.id);
    await expect(editQuestion(db, admin, { versionId: draft.id, questionKey: "inventaire.postes", weight: 1 })).rejects.toBeInstanceOf(DomainError);
  });
});

describe("installCurrentQuestionnaire", () => {
  it("installs and publishes 2026, ties it to the 2026 round, and changes nothing when run again", async () => {
    expect(await installCurrentQuestionnaire(db)).toMatchObject({ created: true, published: true, linkedToRound: false });
    const round = await createOpenRound(db);
    const second = await installCurrentQuestionnaire(db);
    expect(second).toMatchObject({ created: false, published: false, linkedToRound: true });
    const version = await db.questionnaireVersion.findUniqueOrThrow({ where: { key: CURRENT_QUESTIONNAIRE.key } });
    expect(version).toMatchObject({ title: "IMMUNITE CYBER — campagne 2026", status: "PUBLISHED" });
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).questionnaireVersionId).toBe(version.id);
    expect(await installCurrentQuestionnaire(db)).toEqual({ versionId: version.id, created: false, published: false, linkedToRound: false });
  });
});
