import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addEvidenceLink, updateAction } from "@/lib/action-plan/actions";
import { loadActor } from "@/lib/auth/actor";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { RENEWAL_DEMO, ADDED_IN_2026, REWORDED_IN_2026, WITHDRAWN_IN_2026, seedRenewalDemo } from "@/lib/demo/seed-renewal";
import { installCurrentQuestionnaire } from "@/lib/questionnaire/current";
import type { CandidacySnapshot } from "@/lib/candidacy/snapshot";
import { submitCandidacy, withdrawCandidacy } from "@/lib/candidacy/submission";
import { saveAnswer } from "@/lib/questionnaire/answers";
import { setDues } from "@/tests/support/candidacy";
import { associationMember, createOpenRound, createOrganization, insertTerritories, member } from "@/tests/support/world";
import { DEFAULT_PROGRESSION_CRITERIA } from "./criteria";
import { updateRoundCriteria } from "./manage";
import { getProgressionView, isRenewalCandidate, progressionForSnapshot } from "./progression";

const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url);
const client = new pg.Client({ connectionString: url });
let round2026: { id: string };
let peynierId: string;

beforeAll(async () => {
  await client.connect();
  await insertTerritories(db);
  await db.territory.upsert({
    where: { code: RENEWAL_DEMO.code },
    update: {},
    create: { code: RENEWAL_DEMO.code, kind: "COMMUNE", name: "Peynier", searchName: "peynier", departmentCode: "13", regionCode: "93", population: 3739, postcodes: ["13790"], cogYear: 2026 },
  });
  round2026 = await createOpenRound(db, 2026);
  await installCurrentQuestionnaire(db);
  await db.user.create({ data: { email: "relecteur@demo.ccd.test", name: "Anne Leroy" } });
  expect(await seedRenewalDemo(db)).toBe(true);
  peynierId = (await db.organization.findUniqueOrThrow({ where: { territoryCode: RENEWAL_DEMO.code } })).id;
}, 240_000);
afterAll(async () => {
  await client.end();
  await db.$disconnect();
});

const secretaryOfPeynier = async () => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: "secretaire.peynier@demo.ccd.test" } })).id))!;

describe("the renewal demo", () => {
  it("is written once: a closed 2025 round with its own version, a label, and a 2026 file", async () => {
    const counts = async () => Promise.all([db.round.count(), db.label.count(), db.answer.count(), db.action.count(), db.actionEvent.count()]);
    const before = await counts();
    expect(await seedRenewalDemo(db)).toBe(false);
    expect(await counts()).toEqual(before);
    const round2025 = await db.round.findUniqueOrThrow({ where: { year: 2025 }, include: { questionnaireVersion: true } });
    expect(round2025).toMatchObject({ status: "CLOSED", questionnaireVersion: { key: "2025", status: "PUBLISHED" } });
    expect(await db.assessment.findMany({ where: { organizationId: peynierId }, select: { status: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { status: "COMPLETED" },
      { status: "COMPLETED" },
    ]);
  });
});

describe("who renews", () => {
  it("is the organization labelled in the previous round, not another one", async () => {
    expect(await isRenewalCandidate(db, peynierId, round2026)).toBe(true);
    const other = await createOrganization(db, "13090");
    expect(await isRenewalCandidate(db, other.id, round2026)).toBe(false);
    expect(await progressionForSnapshot(db, other.id, round2026)).toBeNull();
  });

  it("accepts a gap year only when the round's rule allows it", async () => {
    const round2027 = await db.round.create({
      data: {
        year: 2027,
        name: "Campagne 2027",
        opensAt: new Date("2027-03-01T00:00:00Z"),
        closesAt: new Date("2027-11-30T22:59:59Z"),
        labelValidUntil: new Date("2028-12-31T22:59:59Z"),
        progressionCriteria: DEFAULT_PROGRESSION_CRITERIA,
      },
    });
    expect(DEFAULT_PROGRESSION_CRITERIA.maxGapYears).toBe(1);
    expect(await isRenewalCandidate(db, peynierId, round2027)).toBe(true); // 2025 → 2027, 2026 skipped
    await db.round.update({ where: { id: round2027.id }, data: { progressionCriteria: { ...DEFAULT_PROGRESSION_CRITERIA, maxGapYears: 0 } } });
    expect(await isRenewalCandidate(db, peynierId, round2027)).toBe(false);
    await db.round.delete({ where: { id: round2027.id } });
  });
});

describe("the progression of the demo commune", () => {
  it("compares both versions on their common questions and lists the others apart", async () => {
    const progression = (await progressionForSnapshot(db, peynierId, round2026))!;
    const questionnaire = progression.questionnaire!;
    expect(questionnaire).toMatchObject({ previousVersion: "2025", currentVersion: "2026", comparable: true, sizeBandChanged: null });
    expect(questionnaire.added.map((item) => item.key)).toEqual([ADDED_IN_2026]);
    expect(questionnaire.withdrawn.map((item) => item.key)).toEqual([WITHDRAWN_IN_2026]);
    expect(questionnaire.reworded.map((item) => item.key)).toEqual([REWORDED_IN_2026]);
    // Peynier (3,739 inhabitants) is asked 42 questions; 41 of them were asked in 2025 too.
    expect(questionnaire.commonQuestions).toBe(41);
    expect(questionnaire.overall.change).toBeGreaterThan(0);
    const virus = questionnaire.themes.find((theme) => theme.key === "neutralisation-virus")!;
    expect(virus.change).toBeLessThan(0);
    expect(virus.change).toBeGreaterThanOrEqual(-10);
    expect(questionnaire.dontKnow).toEqual({ previous: 1, current: 0 });
  });

  it("reads the plan's history: done since the label with dates, abandoned with its reason, carried over", async () => {
    const { plan, criteria, score } = (await progressionForSnapshot(db, peynierId, round2026))!;
    expect(plan.since).toBe("2025-06-20T09:00:00.000Z");
    expect(plan.done.map((action) => [action.title, action.completedAt.slice(0, 10), action.evidenceCount])).toEqual([
      ["Activer la double authentification sur la messagerie", "2025-09-18", 1],
      ["Tester la restauration d’une sauvegarde", "2026-02-10", 0],
    ]);
    expect(plan.doneBefore).toBe(1);
    expect(plan.abandoned).toEqual([expect.objectContaining({ reason: "Remplacée par la formation annuelle des agents, que le conseil municipal a préférée." })]);
    expect(plan.open.map((action) => [action.title, action.carriedOverTo])).toEqual([
      ["Sensibiliser les agents au hameçonnage", [2026]],
      ["Tenir l’inventaire des postes et des logiciels", [2026]],
      ["Séparer le wifi public du réseau de la mairie", []],
    ]);
    expect(criteria.map((criterion) => [criterion.key, criterion.met])).toEqual([
      ["actionsCarriedOut", false],
      ["overallProgress", true],
      ["themeStability", true],
      ["nextYearPlan", true],
    ]);
    expect(score).toBe(80);
  });

  it("is the same computed twice, and a value frozen at submission does not follow later answers", async () => {
    const frozen = JSON.parse(JSON.stringify(await db.$transaction((tx) => progressionForSnapshot(tx, peynierId, round2026))));
    expect(JSON.parse(JSON.stringify(await progressionForSnapshot(db, peynierId, round2026)))).toEqual(frozen);
    const secretary = await secretaryOfPeynier();
    const assessment = await db.assessment.findUniqueOrThrow({ where: { organizationId_roundId: { organizationId: peynierId, roundId: round2026.id } } });
    const given = await db.answer.findFirstOrThrow({ where: { assessmentId: assessment.id, question: { key: "mots-de-passe.robustesse" } }, select: { option: { select: { key: true } } } });
    expect(given.option!.key).not.toBe("faibles");
    await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "mots-de-passe.robustesse", optionKey: "faibles" });
    const after = (await progressionForSnapshot(db, peynierId, round2026))!;
    expect(after.questionnaire!.overall.current).toBeLessThan(frozen.questionnaire.overall.current);
    // The frozen copy (what the snapshot stores) is plain JSON: it keeps the submission's figures.
    expect(frozen.questionnaire.overall.current).toBeGreaterThan(after.questionnaire!.overall.current!);
    await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "mots-de-passe.robustesse", optionKey: given.option!.key });
  });

  it("is frozen into the candidacy at submission, and stays as it was when the file changes afterwards", async () => {
    const mayor = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: "maire.peynier@demo.ccd.test" } })).id))!;
    // The demo filed it already (without dues); the mayor withdraws it and files it again, invoice issued.
    await withdrawCandidacy(db, mayor, { organizationId: peynierId });
    await setDues(db, peynierId, round2026.id, "DUE");
    await submitCandidacy(db, mayor, { organizationId: peynierId });
    const candidacy = await db.candidacy.findUniqueOrThrow({ where: { organizationId_roundId: { organizationId: peynierId, roundId: round2026.id } } });
    expect(candidacy).toMatchObject({ status: "SUBMITTED", isRenewal: true, progressionScore: 80, revision: 2 });
    const revision = await db.candidacyRevision.findFirstOrThrow({ where: { candidacyId: candidacy.id }, orderBy: { number: "desc" } });
    const frozen = (revision.snapshot as unknown as CandidacySnapshot).progression!;
    expect(frozen).toEqual(JSON.parse(JSON.stringify(await progressionForSnapshot(db, peynierId, round2026))));
    expect(frozen.score).toBe(80);

    // Afterwards an answer falls and a proof is added: the live progression moves, the snapshot does not.
    const secretary = await secretaryOfPeynier();
    const assessment = await db.assessment.findUniqueOrThrow({ where: { organizationId_roundId: { organizationId: peynierId, roundId: round2026.id } } });
    const given = await db.answer.findFirstOrThrow({ where: { assessmentId: assessment.id, question: { key: "mises-a-jour-sauvegardes.sauvegarde" } }, select: { option: { select: { key: true } } } });
    await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "mises-a-jour-sauvegardes.sauvegarde", optionKey: "non" });
    const live = (await progressionForSnapshot(db, peynierId, round2026))!;
    expect(live.questionnaire!.overall.current).not.toBe(frozen.questionnaire!.overall.current);
    const reread = await db.candidacyRevision.findUniqueOrThrow({ where: { id: revision.id } });
    expect((reread.snapshot as unknown as CandidacySnapshot).progression).toEqual(frozen);
    expect((await db.candidacy.findUniqueOrThrow({ where: { id: candidacy.id } })).progressionScore).toBe(80);
    // The file goes back to the mayor (withdrawn) and the answer as it was, for the next tests.
    await withdrawCandidacy(db, mayor, { organizationId: peynierId });
    await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey: "mises-a-jour-sauvegardes.sauvegarde", optionKey: given.option!.key });
  });

  it("rises when one more action is done with evidence", async () => {
    const secretary = await secretaryOfPeynier();
    const view = await getProgressionView(db, secretary, peynierId);
    const before = view.progression!.score;
    const action = await db.action.findFirstOrThrow({ where: { organizationId: peynierId, title: "Tester la restauration d’une sauvegarde" } });
    await addEvidenceLink(db, secretary, { actionId: action.id, url: "https://exemple.fr/proces-verbal-restauration.pdf", label: "Procès-verbal du test de restauration" });
    const after = await getProgressionView(db, secretary, peynierId);
    expect(after.progression!.criteria[0]).toMatchObject({ key: "actionsCarriedOut", met: true, points: 40, missing: null });
    expect(after.progression!.score).toBe(before + 20);
    // Completing an open action keeps the next year's plan (two actions on two criteria remain).
    const phishing = await db.action.findFirstOrThrow({ where: { organizationId: peynierId, title: "Sensibiliser les agents au hameçonnage" } });
    await updateAction(db, secretary, { actionId: phishing.id, status: "DONE" });
    const done = await getProgressionView(db, secretary, peynierId);
    expect(done.progression!.criteria.find((criterion) => criterion.key === "nextYearPlan")!.met).toBe(true);
    expect(done.progression!.plan.done).toHaveLength(3);
  });

  it("is refused for another organization's member, whatever organization they name", async () => {
    const other = await createOrganization(db, "13113");
    const mayorOfOther = await member(db, other.id, "MAYOR");
    await expect(getProgressionView(db, mayorOfOther, peynierId)).rejects.toBeInstanceOf(AccessDeniedError);
    const reviewer = await associationMember(db, "REVIEWER");
    expect((await getProgressionView(db, reviewer, peynierId)).progression).not.toBeNull();
  });
});

describe("the criteria of a round", () => {
  it("change while the round is in preparation, with an audit event", async () => {
    const admin = await associationMember(db, "ADMINISTRATOR");
    const draft = await db.round.create({
      data: { year: 2030, name: "Campagne 2030", opensAt: new Date("2030-03-01T00:00:00Z"), closesAt: new Date("2030-11-30T22:59:59Z"), labelValidUntil: new Date("2031-12-31T22:59:59Z") },
    });
    const criteria = { ...DEFAULT_PROGRESSION_CRITERIA, passingScore: 70 };
    await updateRoundCriteria(db, admin, { roundId: draft.id, criteria });
    expect((await db.round.findUniqueOrThrow({ where: { id: draft.id } })).progressionCriteria).toEqual(criteria);
    expect(await db.auditEvent.count({ where: { action: "round.progression_criteria_updated", targetId: draft.id } })).toBe(1);
  });

  it("are refused once the round is open, by the application and by the database, and nothing changes", async () => {
    const admin = await associationMember(db, "ADMINISTRATOR");
    const before = await db.round.findUniqueOrThrow({ where: { id: round2026.id }, select: { progressionCriteria: true } });
    const audits = await db.auditEvent.count();
    await expect(updateRoundCriteria(db, admin, { roundId: round2026.id, criteria: { ...DEFAULT_PROGRESSION_CRITERIA, passingScore: 10 } })).rejects.toThrow(
      new DomainError(
        "Cette campagne est ouverte (ou close) : ses critères de progression ne changent plus, pour que toutes les communes soient jugées sur les mêmes règles. Modifiez ceux de la campagne suivante.",
      ),
    );
    await expect(client.query(`UPDATE "Round" SET "progressionCriteria" = '{"version":1}' WHERE id = $1`, [round2026.id])).rejects.toThrow(/frozen/);
    // Other columns of an open round still change (the round closes, for one).
    await client.query(`UPDATE "Round" SET "name" = "name" WHERE id = $1`, [round2026.id]);
    expect(await db.round.findUniqueOrThrow({ where: { id: round2026.id }, select: { progressionCriteria: true } })).toEqual(before);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("refuse contradictory criteria (a share above 100 %) and nobody but an administrator", async () => {
    const admin = await associationMember(db, "ADMINISTRATOR");
    const draft = await db.round.findUniqueOrThrow({ where: { year: 2030 } });
    const contradictory = {
      ...DEFAULT_PROGRESSION_CRITERIA,
      criteria: { ...DEFAULT_PROGRESSION_CRITERIA.criteria, actionsCarriedOut: { weight: 40, minCount: null, minSharePercent: 150, evidenceRequired: true } },
    };
    await expect(updateRoundCriteria(db, admin, { roundId: draft.id, criteria: contradictory })).rejects.toThrow(/ne peut pas dépasser 100 %/);
    const reviewer = await associationMember(db, "REVIEWER");
    await expect(updateRoundCriteria(db, reviewer, { roundId: draft.id, criteria: DEFAULT_PROGRESSION_CRITERIA })).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await db.round.findUniqueOrThrow({ where: { id: draft.id } })).progressionCriteria).toMatchObject({ passingScore: 70 });
  });
});
