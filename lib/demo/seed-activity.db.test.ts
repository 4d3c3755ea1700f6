import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { getLabelCriteria } from "@/lib/candidacy/criteria";
import { createPrismaClient } from "@/lib/db/create-client";
import { installCurrentQuestionnaire } from "@/lib/questionnaire/current";
import { insertTerritories } from "@/tests/support/world";
import { seedDemoActivity } from "./seed-activity";
import { DEMO_COMMUNE_CODE, seedDemo } from "./seed-demo";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(() => insertTerritories(db));
afterAll(() => db.$disconnect());

describe("the demo commune's file", () => {
  it("is half-way: some answers, a complete plan, an accepted Champion; and is written once", async () => {
    expect(await seedDemoActivity(db)).toBe(false); // nothing to work on yet
    await seedDemo(db);
    await installCurrentQuestionnaire(db);
    expect(await seedDemoActivity(db)).toBe(true);

    const organization = await db.organization.findUniqueOrThrow({ where: { territoryCode: DEMO_COMMUNE_CODE } });
    const mayorUser = await db.user.findUniqueOrThrow({ where: { email: "maire@demo.ccd.test" } });
    const criteria = (await getLabelCriteria(db, (await loadActor(db, mayorUser.id))!, organization.id))!;
    expect(criteria.questionnaire).toMatchObject({ met: false, assessmentStatus: "IN_PROGRESS" });
    expect(criteria.plan).toMatchObject({ complete: true, actionCount: 2 });
    expect(criteria.champion).toMatchObject({ met: true, name: "Claire Bernard" });
    expect(await db.answer.count()).toBe(12);
    expect(await db.action.count({ where: { status: "IN_PROGRESS", progress: 40 } })).toBe(1);

    const before = await Promise.all([db.answer.count(), db.action.count(), db.championDesignation.count(), db.actionEvent.count()]);
    expect(await seedDemoActivity(db)).toBe(false);
    expect(await Promise.all([db.answer.count(), db.action.count(), db.championDesignation.count(), db.actionEvent.count()])).toEqual(before);
  });
});
