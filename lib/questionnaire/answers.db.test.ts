import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { associationMember, createOpenRound, createOrganization, insertTerritories, member, outsider } from "@/tests/support/world";
import { completeIfAllAnswered, getAssessmentView, getOrStartAssessment, saveAnswer } from "./answers";
import { QUESTIONNAIRE_2026 } from "./content";
import { installCurrentQuestionnaire } from "./current";
import type { SaveAnswerInput } from "./schemas";
import { isApplicable } from "./size-band";

const db = createPrismaClient(process.env.DATABASE_URL!);
let roundId: string;

beforeAll(async () => {
  await insertTerritories(db);
  const round = await createOpenRound(db);
  roundId = round.id;
  await installCurrentQuestionnaire(db);
});
afterAll(() => db.$disconnect());

/** Saint-Antonin-sur-Bayon, 126 inhabitants: the short questionnaire. */
async function smallCommune() {
  const organization = await createOrganization(db, "13090");
  const secretary = await member(db, organization.id, "SECRETARY", "secretaire");
  const mayor = await member(db, organization.id, "MAYOR", "maire");
  const assessment = await getOrStartAssessment(db, secretary, organization.id, roundId);
  return { organization, secretary, mayor, assessment };
}

const smallQuestions = QUESTIONNAIRE_2026.themes
  .flatMap((theme) => theme.questions)
  .filter((question) => isApplicable(question, { sizeBand: "UNDER_1000", territoryKind: "COMMUNE" }));

async function answersOf(assessmentId: string) {
  return db.answer.findMany({ where: { assessmentId }, orderBy: { id: "asc" } });
}

async function cleanUp() {
  await db.answer.deleteMany();
  await db.assessment.deleteMany();
  await db.membership.deleteMany();
  await db.organization.deleteMany();
}

describe("starting an assessment", () => {
  it("starts once, freezing the size band and kind, for those who may answer", async () => {
    await cleanUp();
    const { organization, secretary, mayor, assessment } = await smallCommune();
    expect(assessment).toMatchObject({ created: true, status: "IN_PROGRESS", sizeBand: "UNDER_1000", territoryKind: "COMMUNE", score: null });
    const again = await getOrStartAssessment(db, mayor, organization.id, roundId);
    expect(again).toMatchObject({ id: assessment.id, created: false });
    expect(await db.auditEvent.count({ where: { action: "assessment.started", targetId: assessment.id, actorId: secretary.userId } })).toBe(1);

    // Reviewers read an existing assessment; strangers do not even learn it exists.
    const reviewer = await associationMember(db, "REVIEWER");
    expect((await getOrStartAssessment(db, reviewer, organization.id, roundId)).id).toBe(assessment.id);
    await expect(getOrStartAssessment(db, await outsider(db), organization.id, roundId)).rejects.toBeInstanceOf(AccessDeniedError);

    // The EPCI answers the EPCI questions of a large territory; a reader cannot start one.
    const metropole = await createOrganization(db, "200054807");
    const referent = await member(db, metropole.id, "EPCI_REFERENT");
    await expect(getOrStartAssessment(db, await member(db, metropole.id, "CYBER_CHAMPION"), metropole.id, roundId)).rejects.toThrow(/pas encore été commencé/);
    expect(await getOrStartAssessment(db, referent, metropole.id, roundId)).toMatchObject({ sizeBand: "FROM_10000", territoryKind: "EPCI", created: true });
  });

  it("starts only on an open round with a published questionnaire", async () => {
    await cleanUp();
    const organization = await createOrganization(db, "42218");
    const mayor = await member(db, organization.id, "MAYOR");
    const draftRound = await db.round.create({
      data: { year: 2027, name: "Campagne 2027", status: "DRAFT", opensAt: new Date("2027-03-01"), closesAt: new Date("2027-12-31"), labelValidUntil: new Date("2028-12-31") },
    });
    await expect(getOrStartAssessment(db, mayor, organization.id, draftRound.id)).rejects.toThrow(/n'est pas ouverte/);
    await db.round.update({ where: { id: draftRound.id }, data: { status: "OPEN" } });
    await expect(getOrStartAssessment(db, mayor, organization.id, draftRound.id)).rejects.toThrow(/pas encore publié/);
    expect(await db.assessment.count()).toBe(0);
    await db.round.delete({ where: { id: draftRound.id } });
  });
});

describe("saving answers", () => {
  it("saves, overwrites with a new revision, keeps the other fields, and ignores a save that changes nothing", async () => {
    await cleanUp();
    const { secretary, assessment } = await smallCommune();
    const first = await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "inventaire.postes", optionKey: "partielle" });
    expect(first).toMatchObject({ changed: true, conflict: null, answer: { optionKey: "partielle", dontKnow: false, revision: 1, answered: true, by: { id: secretary.userId } } });

    const second = await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "inventaire.postes", optionKey: "a-jour", baseRevision: 1 });
    expect(second).toMatchObject({ changed: true, conflict: null, answer: { optionKey: "a-jour", revision: 2 } });

    // Typing a comment does not touch the option; "Je ne sais pas" replaces it.
    const commented = await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "inventaire.postes", comment: "  Liste tenue par le prestataire.  " });
    expect(commented.answer).toMatchObject({ optionKey: "a-jour", comment: "Liste tenue par le prestataire.", revision: 3 });
    const unknown = await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "inventaire.postes", dontKnow: true });
    expect(unknown.answer).toMatchObject({ optionKey: null, dontKnow: true, comment: "Liste tenue par le prestataire.", revision: 4, answered: true });

    const same = await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "inventaire.postes", dontKnow: true, baseRevision: 4 });
    expect(same).toMatchObject({ changed: false, conflict: null, answer: { revision: 4 } });
    const rows = await answersOf(assessment.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ dontKnow: true, optionId: null, revision: 4, answeredById: secretary.userId });

    // A comment alone is kept, but it is not an answer.
    const onlyComment = await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "inventaire.responsable", comment: "À voir avec le maire" });
    expect(onlyComment.answer).toMatchObject({ optionKey: null, dontKnow: false, answered: false, revision: 1 });
    // Nothing to store yet: no empty row.
    expect(await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "evaluation.pilotage", comment: "" })).toMatchObject({ changed: false, answer: null });
    expect(await answersOf(assessment.id)).toHaveLength(2);
  });

  it("applies the latest answer to the same question and says whose answer it replaced", async () => {
    await cleanUp();
    const { secretary, mayor, assessment } = await smallCommune();
    const seen = await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "mots-de-passe.double-authentification", optionKey: "non" });
    // The mayor opened the page at revision 1; meanwhile the secretary corrects her answer.
    await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "mots-de-passe.double-authentification", optionKey: "messagerie", baseRevision: 1 });
    const late = await saveAnswer(db, mayor, {
      assessmentId: assessment.id,
      questionKey: "mots-de-passe.double-authentification",
      optionKey: "partout",
      baseRevision: seen.answer!.revision,
    });
    expect(late.changed).toBe(true);
    expect(late.answer).toMatchObject({ optionKey: "partout", revision: 3, by: { id: mayor.userId, name: mayor.name } });
    expect(late.conflict).toMatchObject({
      previous: { optionKey: "messagerie", optionLabel: expect.stringContaining("messagerie de tous"), dontKnow: false, revision: 2, by: { id: secretary.userId, name: secretary.name } },
    });
    expect(late.conflict!.previous.at).toBeInstanceOf(Date);

    // The page shows the latest answer with who gave it and when.
    const view = await getAssessmentView(db, secretary, assessment.id);
    const question = view.themes.flatMap((theme) => theme.questions).find((q) => q.key === "mots-de-passe.double-authentification")!;
    expect(question.answer).toMatchObject({ optionKey: "partout", revision: 3, by: { name: mayor.name } });
  });

  it("keeps concurrent saves on different questions, all of them", async () => {
    await cleanUp();
    const { secretary, mayor, assessment } = await smallCommune();
    const keys = smallQuestions.slice(0, 10);
    const started = performance.now();
    const results = await Promise.all(
      keys.map((question, index) =>
        saveAnswer(db, index % 2 === 0 ? secretary : mayor, { assessmentId: assessment.id, questionKey: question.key, optionKey: question.options[1]!.key, baseRevision: 0 }),
      ),
    );
    console.log(`10 enregistrements simultanés : ${(performance.now() - started).toFixed(0)} ms`);
    expect(results.every((result) => result.changed && result.conflict === null && result.answer?.revision === 1)).toBe(true);
    const rows = await db.answer.findMany({ where: { assessmentId: assessment.id }, select: { question: { select: { key: true } }, option: { select: { key: true } } } });
    expect(rows.map((row) => row.question.key).sort()).toEqual(keys.map((question) => question.key).sort());
    for (const question of keys) expect(rows.find((row) => row.question.key === question.key)?.option?.key).toBe(question.options[1]!.key);
  });

  it("refuses a question outside the version or not asked of this commune, an unknown option, a huge comment and a stranger, saving nothing", async () => {
    await cleanUp();
    const { secretary, assessment } = await smallCommune();
    await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "inventaire.postes", optionKey: "partielle", comment: "Première réponse" });
    const before = await answersOf(assessment.id);
    const statusBefore = await db.assessment.findUniqueOrThrow({ where: { id: assessment.id } });
    const base = { assessmentId: assessment.id };

    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ ...base, questionKey: "inventaire.serveurs", optionKey: "oui" }, /ne fait pas partie du questionnaire/],
      [{ ...base, questionKey: "inventaire.cartographie", optionKey: "a-jour" }, /ne concerne pas votre collectivité/],
      [{ ...base, questionKey: "services-externalises.offre-mutualisee", optionKey: "non" }, /ne concerne pas votre collectivité/],
      [{ ...base, questionKey: "inventaire.postes", optionKey: "peut-etre" }, /n'existe pas pour cette question/],
      // An option of another question is not an option of this one.
      [{ ...base, questionKey: "inventaire.postes", optionKey: "designe" }, /n'existe pas pour cette question/],
      [{ ...base, questionKey: "inventaire.postes", comment: "x".repeat(100_000) }, /trop long/],
      [{ ...base, questionKey: "inventaire.postes", optionKey: "a-jour", dontKnow: true }, /pas les deux/],
      [{ ...base, questionKey: "inventaire.postes; DROP TABLE", optionKey: "a-jour" }, /n'existe pas dans le questionnaire/],
    ];
    for (const [input, message] of refusals) {
      const error = await saveAnswer(db, secretary, input as SaveAnswerInput).catch((caught: unknown) => caught);
      expect(error, JSON.stringify(input).slice(0, 80)).toBeInstanceOf(DomainError);
      expect((error as Error).message).toMatch(message);
    }
    // Exactly 5,000 characters is fine.
    await saveAnswer(db, secretary, { ...base, questionKey: "inventaire.postes", comment: "é".repeat(5000) });
    await saveAnswer(db, secretary, { ...base, questionKey: "inventaire.postes", comment: "Première réponse" });

    // A member of another organization, even with the right role there, cannot touch it.
    const other = await createOrganization(db, "42218");
    const strangers: Actor[] = [
      await member(db, other.id, "SECRETARY"),
      await associationMember(db, "ADMINISTRATOR"),
      await associationMember(db, "REVIEWER"),
      await outsider(db),
    ];
    for (const stranger of strangers) {
      await expect(saveAnswer(db, stranger, { ...base, questionKey: "inventaire.postes", optionKey: "a-jour" })).rejects.toBeInstanceOf(AccessDeniedError);
      // Administrators and reviewers may read the file (their role says so); nobody here may answer.
      expect(await getAssessmentView(db, stranger, assessment.id).then((view) => view.canAnswer, () => false)).toBe(false);
    }
    await expect(saveAnswer(db, strangers[0]!, { assessmentId: "inexistant", questionKey: "inventaire.postes", optionKey: "a-jour" })).rejects.toBeInstanceOf(AccessDeniedError);

    const after = await answersOf(assessment.id);
    expect(after.map(({ updatedAt: _u, revision: _r, ...row }) => row)).toEqual(before.map(({ updatedAt: _u, revision: _r, ...row }) => row));
    expect(await db.assessment.findUniqueOrThrow({ where: { id: assessment.id } })).toEqual(statusBefore);
  });

  it("refuses changes once the round is closed", async () => {
    await cleanUp();
    const { secretary, assessment } = await smallCommune();
    await db.round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
    try {
      await expect(saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "inventaire.postes", optionKey: "a-jour" })).rejects.toThrow(/est close/);
      expect((await getAssessmentView(db, secretary, assessment.id)).canAnswer).toBe(false);
    } finally {
      await db.round.update({ where: { id: roundId }, data: { status: "OPEN" } });
    }
    expect(await answersOf(assessment.id)).toHaveLength(0);
  });
});

describe("completion and the view", () => {
  it("completes when every applicable question is answered, reopens when one is cleared, and shows where to resume", async () => {
    await cleanUp();
    const { secretary, mayor, assessment } = await smallCommune();
    expect(smallQuestions).toHaveLength(19);

    const empty = await getAssessmentView(db, secretary, assessment.id);
    expect(empty.resumeAt).toEqual({ themeKey: "inventaire", questionKey: "inventaire.responsable" });
    expect(empty.themes.map((theme) => theme.questions.length)).toEqual([2, 3, 4, 2, 1, 2, 1, 2, 2]);
    expect(empty.result.completion).toMatchObject({ applicable: 19, answered: 0, complete: false });
    expect(empty.assessment).toMatchObject({ sizeBandLabel: "moins de 1\u00a0000 habitants", organizationName: "Saint-Antonin-sur-Bayon", round: { year: 2026 } });
    expect(empty.canAnswer).toBe(true);
    expect(empty.measures).toEqual([]);

    // Best answers everywhere but the last question, weak ones on backups.
    const [last, ...rest] = [...smallQuestions].reverse();
    let status = "IN_PROGRESS";
    for (const question of rest.reverse()) {
      const weak = question.key.startsWith("mises-a-jour-sauvegardes.sauvegarde");
      const saved = await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: question.key, optionKey: weak ? "non" : question.options.at(-1)!.key });
      status = saved.assessment!.status;
    }
    expect(status).toBe("IN_PROGRESS");
    const almost = await getAssessmentView(db, mayor, assessment.id);
    expect(almost.resumeAt).toEqual({ themeKey: "services-externalises", questionKey: last!.key });
    expect(almost.themes.find((theme) => theme.key === "mises-a-jour-sauvegardes")!.result).toMatchObject({ answered: 4, applicable: 4 });

    const done = await saveAnswer(db, mayor, { assessmentId: assessment.id, questionKey: last!.key, dontKnow: true });
    expect(done.assessment).toMatchObject({ status: "COMPLETED", completion: { complete: true, answered: 19, dontKnow: 1 } });
    const completed = await db.assessment.findUniqueOrThrow({ where: { id: assessment.id } });
    expect(completed.status).toBe("COMPLETED");
    expect(completed.completedAt).toBeInstanceOf(Date);
    // Two weak questions of weight 3 and one "Je ne sais pas" of weight 2 out of 43 weighted points: 35 / 43.
    const totalWeight = smallQuestions.reduce((sum, question) => sum + question.weight, 0);
    const missing = 3 + 3 + last!.weight;
    expect(completed.score).toBe(Math.round((100 * (totalWeight - missing)) / totalWeight));
    expect(done.assessment!.overall).toBe(completed.score);

    const view = await getAssessmentView(db, secretary, assessment.id);
    expect(view.resumeAt).toBeNull();
    expect(view.result.level?.label).toBe("Solide");
    expect(view.measures.map((measure) => measure.key).slice(0, 2)).toEqual(["sauvegarder-regulierement", "sauvegarde-hors-ligne"]);

    // Clearing an answer reopens the questionnaire; answering again completes it.
    const cleared = await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "inventaire.postes", optionKey: null });
    expect(cleared.answer).toMatchObject({ optionKey: null, answered: false });
    expect(await db.assessment.findUniqueOrThrow({ where: { id: assessment.id } })).toMatchObject({ status: "IN_PROGRESS", completedAt: null, score: null });
    expect((await getAssessmentView(db, secretary, assessment.id)).resumeAt).toEqual({ themeKey: "inventaire", questionKey: "inventaire.postes" });
    await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "inventaire.postes", optionKey: "a-jour" });
    expect((await db.assessment.findUniqueOrThrow({ where: { id: assessment.id } })).status).toBe("COMPLETED");
    // A change after completion keeps it complete and updates the score.
    await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "mises-a-jour-sauvegardes.sauvegarde", optionKey: "auto-complete" });
    expect((await db.assessment.findUniqueOrThrow({ where: { id: assessment.id } })).score).toBeGreaterThan(completed.score!);

    expect(await db.auditEvent.count({ where: { targetId: assessment.id, action: "assessment.completed" } })).toBe(2);
    expect(await db.auditEvent.count({ where: { targetId: assessment.id, action: "assessment.reopened" } })).toBe(1);
    // Idempotent when nothing changed.
    expect(await completeIfAllAnswered(db, assessment.id)).toMatchObject({ status: "COMPLETED" });
    expect(await db.auditEvent.count({ where: { targetId: assessment.id, action: "assessment.completed" } })).toBe(2);
  });

  it("lets association readers see the file but not answer", async () => {
    await cleanUp();
    const { assessment } = await smallCommune();
    const correspondent = await associationMember(db, "DEPARTMENT_CORRESPONDENT", "13");
    expect((await getAssessmentView(db, correspondent, assessment.id)).canAnswer).toBe(false);
    await expect(saveAnswer(db, correspondent, { assessmentId: assessment.id, questionKey: "inventaire.postes", optionKey: "a-jour" })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getAssessmentView(db, await associationMember(db, "DEPARTMENT_CORRESPONDENT", "42"), assessment.id)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getAssessmentView(db, await associationMember(db, "TREASURER"), assessment.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
