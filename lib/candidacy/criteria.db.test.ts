import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction } from "@/lib/action-plan/actions";
import { AccessDeniedError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { QUESTIONNAIRE_2026 } from "@/lib/questionnaire/content";
import { saveDiagonalEvidence } from "@/lib/questionnaire/diagonal";
import { installQuestionnaireVersion, publishInstalledVersion } from "@/lib/questionnaire/versions";
import { createOpenRound, createOrganization, insertTerritories, member, outsider } from "@/tests/support/world";
import { getLabelCriteria } from "./criteria";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(() => insertTerritories(db));
afterAll(() => db.$disconnect());

const [firstKey, secondKey] = QUESTIONNAIRE_2026.themes.flatMap((theme) => theme.questions).map((question) => question.key);

async function onePagePdf() {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText("Synthese Diagonal");
  return new File([new Uint8Array(await pdf.save())], "synthese.pdf", { type: "application/pdf" });
}

/** The 2026 round, open, with its published questionnaire (made once per file). */
let openRound: Promise<{ roundId: string; versionId: string }> | undefined;
function ensureOpenRound() {
  openRound ??= (async () => {
    const { version } = await installQuestionnaireVersion(db, { key: "2026", title: "IMMUNITE CYBER 2026", content: QUESTIONNAIRE_2026 });
    await publishInstalledVersion(db, version.id);
    const round = await createOpenRound(db);
    await db.round.update({ where: { id: round.id }, data: { questionnaireVersionId: version.id } });
    return { roundId: round.id, versionId: version.id };
  })();
  return openRound;
}

async function acceptedChampion(organizationId: string, name: string) {
  await db.championDesignation.create({
    data: { organizationId, name, function: "Agent d'accueil", email: `${name.toLowerCase()}@exemple.fr`, isElected: false, status: "ACCEPTED", tokenHash: `hash-${name}`, tokenExpiresAt: new Date(), respondedAt: new Date() },
  });
}

describe("the label's criteria for the open round", () => {
  it("says nothing between campaigns, then follows the questionnaire, the plan and the Champion", async () => {
    const organization = await createOrganization(db, "13090");
    const secretary = await member(db, organization.id, "SECRETARY");
    expect(await getLabelCriteria(db, secretary, organization.id)).toBeNull();

    const { roundId, versionId } = await ensureOpenRound();

    const empty = (await getLabelCriteria(db, secretary, organization.id))!;
    expect(empty.round.year).toBe(2026);
    expect(empty.questionnaire).toMatchObject({ met: false, metBy: null, assessmentStatus: null });
    expect(empty.plan.complete).toBe(false);
    expect(empty.plan.missing.length).toBeGreaterThan(0);
    expect(empty.champion).toEqual({ met: false, name: null, acceptedAt: null });
    expect(empty.allMet).toBe(false);

    // An assessment under way does not count; a completed one does.
    const assessment = await db.assessment.create({
      data: { organizationId: organization.id, roundId, versionId, sizeBand: "UNDER_1000", territoryKind: "COMMUNE" },
    });
    expect((await getLabelCriteria(db, secretary, organization.id))!.questionnaire).toMatchObject({ met: false, assessmentStatus: "IN_PROGRESS" });
    await db.assessment.update({ where: { id: assessment.id }, data: { status: "COMPLETED", completedAt: new Date(), score: 40 } });

    await createAction(db, secretary, { organizationId: organization.id, title: "Inventorier les postes", criteria: [firstKey] });
    expect((await getLabelCriteria(db, secretary, organization.id))!.plan.complete).toBe(false);
    await createAction(db, secretary, { organizationId: organization.id, title: "Activer la double authentification", criteria: [secondKey] });
    await acceptedChampion(organization.id, "Claire");
    expect((await getLabelCriteria(db, secretary, organization.id))!.allMet).toBe(false);
    // Criterion 4: the dues of the round, paid.
    await db.dues.create({ data: { organizationId: organization.id, roundId, amountCents: 5000, invoiceNumber: "CRIT-0001", status: "PAID", paidAt: new Date() } });

    const complete = (await getLabelCriteria(db, secretary, organization.id))!;
    expect(complete.questionnaire).toMatchObject({ met: true, metBy: "assessment" });
    expect(complete.plan).toMatchObject({ complete: true, actionCount: 2, distinctCriteria: 2, missing: [] });
    expect(complete.champion).toMatchObject({ met: true, name: "Claire" });
    expect(complete.dues).toMatchObject({ met: true, amountCents: 5000, invoiceNumber: "CRIT-0001" });
    expect(complete.allMet).toBe(true);

    // The Champion of another organization proves nothing here; outsiders read nothing.
    await expect(getLabelCriteria(db, await outsider(db), organization.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("accepts the Gendarmerie's Diagonal summary instead of the questionnaire, but not a date alone", async () => {
    const organization = await createOrganization(db, "42218");
    const mayor = await member(db, organization.id, "MAYOR");
    await ensureOpenRound();
    const other = await createOrganization(db, "13113");
    await acceptedChampion(other.id, "Voisin");

    const before = (await getLabelCriteria(db, mayor, organization.id))!;
    expect(before.questionnaire.met).toBe(false);
    expect(before.champion.met).toBe(false);

    await saveDiagonalEvidence(db, mayor, { organizationId: organization.id, diagnosedOn: "2026-04-02", file: await onePagePdf() });
    const after = (await getLabelCriteria(db, mayor, organization.id))!;
    expect(after.questionnaire).toMatchObject({ met: true, metBy: "diagonal", diagnosedOn: new Date("2026-04-02T00:00:00Z") });

    await db.diagonalEvidence.updateMany({ where: { organizationId: organization.id }, data: { fileId: null } });
    expect((await getLabelCriteria(db, mayor, organization.id))!.questionnaire).toMatchObject({ met: false, metBy: null, diagnosedOn: null });
  });
});
