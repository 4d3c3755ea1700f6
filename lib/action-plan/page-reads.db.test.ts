// What the plan pages read besides the plan itself: the recommended measures with what is
// already planned, one action with whether the person may change it, the owner choices, and
// the criteria grouped by theme. Each checks plan:read on the organization of what it reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDeniedError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { getOrStartAssessment, saveAnswer } from "@/lib/questionnaire/answers";
import { installCurrentQuestionnaire } from "@/lib/questionnaire/current";
import { associationMember, createOpenRound, createOrganization, insertTerritories, member, outsider } from "@/tests/support/world";
import { canManagePlan, createActionFromMeasure, getAction, listCriteriaChoices, listOwnerChoices, updateAction } from "./actions";
import { listPlanMeasures, MEASURE_MESSAGES } from "./measures";

const db = createPrismaClient(process.env.DATABASE_URL!);
let roundId: string;

beforeAll(async () => {
  await insertTerritories(db);
  roundId = (await createOpenRound(db)).id;
  await installCurrentQuestionnaire(db);
});
afterAll(() => db.$disconnect());

describe("the plan pages' reads", () => {
  it("offers the results' measures in order, marks the planned ones, and starts no assessment", async () => {
    const organization = await createOrganization(db, "13090");
    const secretary = await member(db, organization.id, "SECRETARY", "secretaire");
    const reviewer = await associationMember(db, "REVIEWER");

    expect(await listPlanMeasures(db, secretary, organization.id)).toEqual({ measures: [], message: MEASURE_MESSAGES.noAssessment });
    expect(await db.assessment.count()).toBe(0);

    const assessment = await getOrStartAssessment(db, secretary, organization.id, roundId);
    for (const questionKey of ["inventaire.responsable", "inventaire.postes"]) await saveAnswer(db, secretary, { assessmentId: assessment.id, questionKey, dontKnow: true });
    const offered = await listPlanMeasures(db, secretary, organization.id);
    expect(offered.message).toBeNull();
    expect(offered.measures.map((measure) => measure.key)).toEqual(expect.arrayContaining(["designer-referent-informatique", "tenir-inventaire"]));
    expect(offered.measures.every((measure) => measure.actionId === null)).toBe(true);

    const action = await createActionFromMeasure(db, secretary, { organizationId: organization.id, measureKey: "tenir-inventaire" });
    const afterAdding = await listPlanMeasures(db, reviewer, organization.id);
    expect(afterAdding.measures.map((measure) => measure.key)).toEqual(offered.measures.map((measure) => measure.key));
    expect(afterAdding.measures.find((measure) => measure.key === "tenir-inventaire")!.actionId).toBe(action.id);

    // Abandoned, the measure may be planned again.
    await updateAction(db, secretary, { actionId: action.id, status: "ABANDONED", abandonReason: "Confié à l'intercommunalité" });
    expect((await listPlanMeasures(db, secretary, organization.id)).measures.find((measure) => measure.key === "tenir-inventaire")!.actionId).toBeNull();

    await expect(listPlanMeasures(db, await outsider(db), organization.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("reads one action with the edit right, the owners and the criteria by theme, refusing strangers alike", async () => {
    const organization = await createOrganization(db, "13113");
    const secretary = await member(db, organization.id, "SECRETARY", "secretaire-2");
    const reviewer = await associationMember(db, "REVIEWER");
    const stranger = await outsider(db);
    const action = await createActionFromMeasure(db, secretary, { organizationId: organization.id, measureKey: "designer-referent-informatique" });

    expect(await getAction(db, secretary, action.id)).toMatchObject({ canManage: true, action: { id: action.id, organizationId: organization.id } });
    expect(await getAction(db, reviewer, action.id)).toMatchObject({ canManage: false });
    expect(await canManagePlan(db, reviewer, organization.id)).toBe(false);
    const missing = await getAction(db, stranger, "nexistepas").catch((error: unknown) => error);
    const foreign = await getAction(db, stranger, action.id).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(AccessDeniedError);
    expect(foreign).toBeInstanceOf(AccessDeniedError);
    expect((foreign as Error).message).toBe((missing as Error).message);

    expect(await listOwnerChoices(db, secretary, organization.id)).toEqual([{ id: secretary.userId, name: expect.any(String) }]);
    const choices = await listCriteriaChoices(db, reviewer, organization.id);
    expect(choices[0]).toMatchObject({ theme: { key: "inventaire", title: expect.any(String) } });
    await expect(listOwnerChoices(db, stranger, organization.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
