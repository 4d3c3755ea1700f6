import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, updateAction } from "@/lib/action-plan/actions";
import { AccessDeniedError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { QUESTIONNAIRE_2026 } from "@/lib/questionnaire/content";
import { deriveVersion, installQuestionnaireVersion, publishInstalledVersion } from "@/lib/questionnaire/versions";
import { associationMember, createOrganization, insertTerritories, member } from "@/tests/support/world";
import { closeRound, createRound, listRounds, openRound, retryCarryOver } from "./manage";
import { findOpenRound } from "./open-round";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(() => insertTerritories(db));
afterAll(() => db.$disconnect());

const [firstKey, secondKey] = QUESTIONNAIRE_2026.themes.flatMap((theme) => theme.questions).map((question) => question.key);

const round2027 = (questionnaireVersionId: string) => ({
  year: 2027,
  name: "Campagne 2027",
  opensOn: "2027-01-15",
  closesOn: "2027-11-30",
  labelValidUntil: "2028-12-31",
  questionnaireVersionId,
  minPlanActions: 3,
  minPlanCriteria: 2,
  championMustNotBeMayor: "on" as const,
});

async function tableCounts() {
  const [rounds, events, auditEvents] = await Promise.all([db.round.count(), db.actionEvent.count(), db.auditEvent.count()]);
  return { rounds, events, auditEvents, statuses: (await db.round.findMany({ orderBy: { year: "asc" }, select: { year: true, status: true } })) };
}

describe("rounds", () => {
  it("prepares next year's round, opens it, closes the old one and carries the plans over", async () => {
    const admin = await associationMember(db, "ADMINISTRATOR");
    const { version: v2026 } = await installQuestionnaireVersion(db, { key: "2026", title: "IMMUNITE CYBER 2026", content: QUESTIONNAIRE_2026 });
    await publishInstalledVersion(db, v2026.id);
    const r2026 = await createRound(db, admin, { ...round2027(v2026.id), year: 2026, name: "Campagne 2026", opensOn: "2026-03-01", closesOn: "2026-12-31", labelValidUntil: "2027-12-31" });
    expect((await openRound(db, admin, { roundId: r2026.id })).carryOver).toMatchObject({ carriedOver: 0 });
    expect((await findOpenRound(db))?.year).toBe(2026);

    // A commune's plan in 2026: one action under way, one done.
    const organization = await createOrganization(db, "13090");
    const secretary = await member(db, organization.id, "SECRETARY");
    const ongoing = await createAction(db, secretary, { organizationId: organization.id, title: "Sauvegardes hors ligne", criteria: [firstKey], status: "IN_PROGRESS", progress: 40 });
    const done = await createAction(db, secretary, { organizationId: organization.id, title: "Charte informatique", criteria: [secondKey] });
    await updateAction(db, secretary, { actionId: done.id, status: "DONE" });

    // Next year's version is a draft first: no round on a draft, nor on a version already used.
    const draft = await deriveVersion(db, admin, v2026.id, { key: "2027", title: "IMMUNITE CYBER 2027" });
    const before = await tableCounts();
    await expect(createRound(db, admin, round2027(draft.id))).rejects.toThrow(/version publiée/);
    await expect(createRound(db, admin, round2027(v2026.id))).rejects.toThrow(/sert déjà à la campagne 2026/);
    await expect(createRound(db, admin, { ...round2027(v2026.id), year: 2026 })).rejects.toThrow(/existe déjà/);
    await expect(createRound(db, admin, { ...round2027(v2026.id), closesOn: "2027-01-01" })).rejects.toThrow(/après l'ouverture/);
    await expect(createRound(db, admin, { ...round2027(v2026.id), opensOn: "2027-02-30" })).rejects.toThrow(/date réelle/);
    for (const role of ["REVIEWER", "TREASURER"] as const) {
      await expect(createRound(db, await associationMember(db, role), round2027(v2026.id))).rejects.toBeInstanceOf(AccessDeniedError);
    }
    await expect(openRound(db, secretary, { roundId: r2026.id })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await tableCounts()).toEqual(before);

    await publishInstalledVersion(db, draft.id);
    const r2027 = await createRound(db, admin, round2027(draft.id));
    const created = await db.round.findUniqueOrThrow({ where: { id: r2027.id } });
    expect(created).toMatchObject({ status: "DRAFT", minPlanActions: 3, championMustNotBeMayor: true });
    expect(created.opensAt.toISOString()).toBe("2027-01-14T23:00:00.000Z");
    expect(created.closesAt.toISOString()).toBe("2027-11-30T22:59:59.000Z");
    expect((await listRounds(db, admin)).availableVersions).toEqual([]);

    const opened = await openRound(db, admin, { roundId: r2027.id });
    expect(opened).toMatchObject({ year: 2027, closed: [2026], carryOverFailed: false, carryOver: { plans: 1, carriedOver: 1, done: 1, abandoned: 0 } });
    expect((await findOpenRound(db))?.year).toBe(2027);
    expect((await db.round.findUniqueOrThrow({ where: { id: r2026.id } })).status).toBe("CLOSED");
    const events = await db.actionEvent.findMany({ where: { kind: "carried_over" }, select: { actionId: true } });
    expect(events.map((event) => event.actionId)).toEqual([ongoing.id]);

    // Again: refused, and the carry-over run twice changes nothing.
    await expect(openRound(db, admin, { roundId: r2027.id })).rejects.toThrow(/déjà ouverte/);
    await expect(openRound(db, admin, { roundId: r2026.id })).rejects.toThrow(/close ne se rouvre pas/);
    expect(await retryCarryOver(db, admin, { roundId: r2027.id })).toMatchObject({ carriedOver: 0, alreadyCarriedOver: 1 });
    expect(await db.actionEvent.count({ where: { kind: "carried_over" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: { in: ["round.opened", "round.closed"] } } })).toBe(3);

    await closeRound(db, admin, { roundId: r2027.id });
    expect(await findOpenRound(db)).toBeNull();
    await expect(closeRound(db, admin, { roundId: r2027.id })).rejects.toThrow(/Seule une campagne ouverte/);
  });
});
