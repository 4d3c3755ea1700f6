import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { awardLabelIfEligible, lockLabelFile } from "@/lib/label/award";
import { installCurrentQuestionnaire } from "@/lib/questionnaire/current";
import { findOpenRound } from "@/lib/rounds/open-round";
import { setDues } from "@/tests/support/candidacy";
import { insertTerritories } from "@/tests/support/world";
import { DEMO_COMMUNES } from "./organizations";
import { seedDemoCandidacies } from "./seed-candidacy";
import { seedDemo } from "./seed-demo";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(async () => {
  await insertTerritories(db);
  for (const [code, name, population] of [
    [DEMO_COMMUNES.ROGNES, "Rognes", 4800],
    [DEMO_COMMUNES.VAUVENARGUES, "Vauvenargues", 1100],
    [DEMO_COMMUNES.MEYREUIL, "Meyreuil", 5700],
  ] as const) {
    await db.territory.create({ data: { code, kind: "COMMUNE", name, searchName: name.toLowerCase(), departmentCode: "13", regionCode: "93", population, epciCode: "200054807", postcodes: [], cogYear: 2026 } });
  }
});
afterAll(() => db.$disconnect());

describe("the candidacy demo", () => {
  it("Rognes waits, Vauvenargues is returned with a comment, Meyreuil approved; the label follows the dues demo; written once", async () => {
    expect(await seedDemoCandidacies(db)).toBe(false);
    await seedDemo(db);
    await installCurrentQuestionnaire(db);
    expect(await seedDemoCandidacies(db)).toBe(true);

    const statusOf = async (code: string) =>
      db.candidacy.findFirstOrThrow({ where: { organization: { territoryCode: code } }, select: { status: true, revision: true, assignedReviewer: { select: { email: true } }, submittedAt: true } });
    const rognes = await statusOf(DEMO_COMMUNES.ROGNES);
    expect(rognes).toMatchObject({ status: "SUBMITTED", revision: 1, assignedReviewer: null });
    expect(Date.now() - rognes.submittedAt!.getTime()).toBeGreaterThan(14 * 86_400_000);
    expect(await statusOf(DEMO_COMMUNES.VAUVENARGUES)).toMatchObject({ status: "RETURNED", assignedReviewer: { email: "relecteur@demo.ccd.test" } });
    expect(await statusOf(DEMO_COMMUNES.MEYREUIL)).toMatchObject({ status: "APPROVED" });
    expect(await db.correspondentOpinion.count()).toBe(1);
    expect(await db.assessment.count({ where: { status: "COMPLETED" } })).toBe(3);

    // The dues demo (issue 11) pays Meyreuil by transfer: the label, once.
    const meyreuil = await db.organization.findUniqueOrThrow({ where: { territoryCode: DEMO_COMMUNES.MEYREUIL } });
    const round = (await findOpenRound(db))!;
    expect(await db.label.count()).toBe(0);
    await setDues(db, meyreuil.id, round.id, "DUE");
    await db.$transaction(async (tx) => {
      await lockLabelFile(tx, meyreuil.id);
      await tx.dues.update({ where: { organizationId_roundId: { organizationId: meyreuil.id, roundId: round.id } }, data: { status: "PAID", paidAt: new Date() } });
      await awardLabelIfEligible(tx, { organizationId: meyreuil.id, roundId: round.id, actorId: null });
    });
    expect(await db.label.count({ where: { organizationId: meyreuil.id } })).toBe(1);

    const before = await Promise.all([db.candidacy.count(), db.candidacyRevision.count(), db.reviewDecision.count(), db.action.count()]);
    expect(await seedDemoCandidacies(db)).toBe(false);
    expect(await Promise.all([db.candidacy.count(), db.candidacyRevision.count(), db.reviewDecision.count(), db.action.count()])).toEqual(before);
  });
});
