import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { installCurrentQuestionnaire } from "@/lib/questionnaire/current";
import { associationMember, createOpenRound, createOrganization, insertTerritories, member, outsider } from "@/tests/support/world";
import { addComment, addEvidenceLink, createAction, createActionFromMeasure, exportPlanCsv, exportPlanPdf, getPlan, planCompletenessOf, listCriteriaChoices, listHistory, updateAction } from "./actions";
import { carryOverPlan } from "./carry-over";
import { addEvidenceFile, readEvidenceFile } from "./evidence-file";

const db = createPrismaClient(process.env.DATABASE_URL!);
let roundId: string;

beforeAll(async () => {
  await insertTerritories(db);
  const round = await createOpenRound(db);
  roundId = round.id;
  await installCurrentQuestionnaire(db);
});
afterAll(() => db.$disconnect());

async function commune(code = "13090") {
  const organization = await createOrganization(db, code);
  const secretary = await member(db, organization.id, "SECRETARY", "secretaire");
  return { organization, secretary };
}

async function counts() {
  const [actions, criteria, events, comments, evidences, audits] = await Promise.all([
    db.action.count(),
    db.actionCriterion.count(),
    db.actionEvent.count(),
    db.actionComment.count(),
    db.actionEvidence.count(),
    db.auditEvent.count(),
  ]);
  return { actions, criteria, events, comments, evidences, audits };
}

async function cleanUp() {
  await db.actionPlan.deleteMany();
  await db.auditEvent.deleteMany();
  await db.membership.deleteMany();
  await db.organization.deleteMany();
}

describe("building a plan", () => {
  it("reads an empty plan without creating one, then becomes complete with two actions on two criteria", async () => {
    await cleanUp();
    const { organization, secretary } = await commune();
    const empty = await getPlan(db, secretary, organization.id);
    expect(empty).toMatchObject({ planId: null, rule: { minActions: 2, minCriteria: 2 }, completeness: { complete: false, actionCount: 0 } });
    expect(await db.actionPlan.count()).toBe(0);
    const choices = await listCriteriaChoices(db, secretary, organization.id);
    expect(choices.find((choice) => choice.key === "inventaire.postes")).toMatchObject({ applicable: true, text: expect.stringMatching(/liste/) });
    expect(choices.find((choice) => choice.key === "inventaire.exposition-internet")).toMatchObject({ applicable: false });

    const first = await createActionFromMeasure(db, secretary, { organizationId: organization.id, measureKey: "tenir-inventaire" });
    expect(first.criteria).toContain("inventaire.postes");
    expect(first.measureId).not.toBeNull();
    expect(first.description).toMatch(/Comment faire/);
    await expect(createActionFromMeasure(db, secretary, { organizationId: organization.id, measureKey: "tenir-inventaire" })).rejects.toThrow(/déjà dans votre plan/);

    const twoOnSame = await createAction(db, secretary, { organizationId: organization.id, title: "Mettre la liste à jour", criteria: first.criteria });
    let plan = await getPlan(db, secretary, organization.id);
    expect(plan.completeness).toMatchObject({ complete: false, actionCount: 2, distinctCriteria: first.criteria.length });
    expect(plan.completeness.missing[0]).toMatch(/au moins 2 critères différents/);

    await createAction(db, secretary, {
      organizationId: organization.id,
      title: "Sauvegarder chaque semaine sur un disque débranché",
      criteria: ["mises-a-jour-sauvegardes.sauvegarde"],
      dueOn: "2026-06-30",
      priority: "HIGH",
    });
    plan = await getPlan(db, secretary, organization.id);
    expect(plan.completeness).toMatchObject({ complete: true, actionCount: 3, missing: [] });
    expect(await planCompletenessOf(db, organization.id, { minActions: 4, minCriteria: 2 })).toMatchObject({ complete: false, actionCount: 3 });

    // Abandoning one brings the plan below the rule again.
    await updateAction(db, secretary, { actionId: twoOnSame.id, status: "ABANDONED", abandonReason: "Fait doublon" });
    plan = await getPlan(db, secretary, organization.id);
    expect(plan.completeness.actionCount).toBe(2);
    expect(plan.actions.at(-1)!.status).toBe("ABANDONED");

    const csv = await exportPlanCsv(db, secretary, organization.id);
    expect(csv.content.startsWith("\uFEFFTitre;Critères;Responsable;Échéance;Priorité;Statut")).toBe(true);
    expect(csv.content).toContain("30/06/2026;Haute;À lancer;0;");
    const pdf = await exportPlanPdf(db, secretary, organization.id);
    expect(Buffer.from(pdf.content.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect((await PDFDocument.load(pdf.content)).getTitle()).toBe("Plan d'action cybersécurité — Saint-Antonin-sur-Bayon");
    await expect(exportPlanPdf(db, await outsider(db), organization.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("refuses unknown criteria, an owner from another organization, and strangers, changing nothing", async () => {
    await cleanUp();
    const { organization, secretary } = await commune();
    const other = await commune("13113");
    const stranger = await member(db, other.organization.id, "MAYOR", "maire-ailleurs");
    const before = await counts();

    await expect(createAction(db, secretary, { organizationId: organization.id, title: "X", criteria: ["inventaire.inexistante"] })).rejects.toThrow(/ne fait pas partie du questionnaire/);
    const error = await createAction(db, secretary, { organizationId: organization.id, title: "X", criteria: ["inventaire.postes"], ownerUserId: stranger.userId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/ne fait pas partie de votre collectivité/);
    expect((error as DomainError).field).toBe("ownerUserId");
    await expect(createAction(db, secretary, { organizationId: organization.id, title: "X", criteria: ["inventaire.postes"], dueOn: "31/02/2026" })).rejects.toThrow(/date réelle/);
    await expect(createAction(db, stranger, { organizationId: organization.id, title: "X", criteria: ["inventaire.postes"] })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(createAction(db, await outsider(db), { organizationId: organization.id, title: "X", criteria: ["inventaire.postes"] })).rejects.toBeInstanceOf(AccessDeniedError);
    // Readers read, and do not write.
    const reviewer = await associationMember(db, "REVIEWER");
    expect((await getPlan(db, reviewer, organization.id)).actions).toEqual([]);
    await expect(createAction(db, reviewer, { organizationId: organization.id, title: "X", criteria: ["inventaire.postes"] })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await counts()).toEqual(before);

    // A member of the same organization, or a named person, is accepted.
    const champion = await member(db, organization.id, "CYBER_CHAMPION", "champion");
    const owned = await createAction(db, champion, { organizationId: organization.id, title: "Inventaire", criteria: ["inventaire.postes"], ownerUserId: secretary.userId });
    expect(owned.owner).toMatchObject({ userId: secretary.userId });
    const named = await createAction(db, secretary, { organizationId: organization.id, title: "Contrat", criteria: ["inventaire.postes"], ownerName: "Prestataire Info83" });
    expect(named.owner).toEqual({ userId: null, name: "Prestataire Info83" });
  });

  it("refuses a forged action id from another organization with nothing changed", async () => {
    await cleanUp();
    const { organization, secretary } = await commune();
    const other = await commune("13113");
    const theirs = await createAction(db, other.secretary, { organizationId: other.organization.id, title: "Leur action", criteria: ["inventaire.postes"] });
    const before = await counts();
    const row = await db.action.findUniqueOrThrow({ where: { id: theirs.id } });

    await expect(updateAction(db, secretary, { actionId: theirs.id, title: "Piraté", status: "DONE" })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(addComment(db, secretary, { actionId: theirs.id, body: "Bonjour" })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(addEvidenceLink(db, secretary, { actionId: theirs.id, url: "https://exemple.fr/x", label: "x" })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(listHistory(db, secretary, theirs.id)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(updateAction(db, secretary, { actionId: "inexistant", title: "x" })).rejects.toBeInstanceOf(AccessDeniedError);
    // Moving their action's owner to one of ours is no way in either.
    await expect(updateAction(db, secretary, { actionId: theirs.id, ownerUserId: secretary.userId })).rejects.toBeInstanceOf(AccessDeniedError);

    expect(await counts()).toEqual(before);
    expect(await db.action.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(row);
    expect((await getPlan(db, secretary, organization.id)).actions).toEqual([]);
  });
});

describe("history", () => {
  it("records who changed what, before and after, and the status rules", async () => {
    await cleanUp();
    const { organization, secretary } = await commune();
    const champion = await member(db, organization.id, "CYBER_CHAMPION", "champion");
    const action = await createAction(db, secretary, { organizationId: organization.id, title: "Sauvegardes", criteria: ["inventaire.postes"] });

    const noop = await updateAction(db, champion, { actionId: action.id, title: "Sauvegardes" });
    expect(noop.changed).toBe(false);

    const { action: started } = await updateAction(db, champion, { actionId: action.id, status: "IN_PROGRESS", progress: 30, dueOn: "2026-09-15", ownerUserId: champion.userId });
    expect(started).toMatchObject({ status: "IN_PROGRESS", progress: 30 });
    await expect(updateAction(db, champion, { actionId: action.id, status: "ABANDONED" })).rejects.toThrow(/Indiquez pourquoi/);
    await expect(updateAction(db, champion, { actionId: action.id, ownerUserId: (await outsider(db)).userId })).rejects.toThrow(/ne fait pas partie de votre collectivité/);

    const { action: done } = await updateAction(db, secretary, { actionId: action.id, status: "DONE" });
    expect(done.progress).toBe(100);
    expect(done.completedAt).toBeInstanceOf(Date);
    await addEvidenceLink(db, secretary, { actionId: action.id, url: "https://www.mairie-exemple.fr/sauvegarde.pdf", label: "Procédure" });
    await expect(addEvidenceLink(db, secretary, { actionId: action.id, url: "http://www.mairie-exemple.fr/x", label: "x" })).rejects.toThrow(/https/);
    await addComment(db, champion, { actionId: action.id, body: "Testé la restauration le 12 mai." });
    await updateAction(db, champion, { actionId: action.id, priority: "HIGH" });
    const { action: reopened, conflict } = await updateAction(db, secretary, { actionId: action.id, status: "IN_PROGRESS", progress: 80, baseUpdatedAt: done.updatedAt.toISOString() });
    expect(reopened.completedAt).toBeNull();
    // The champion saved after the secretary loaded the action: she is told, her change is kept.
    expect(conflict).toMatchObject({ by: expect.stringMatching(/champion/) });

    const history = await listHistory(db, await associationMember(db, "REVIEWER"), action.id);
    expect(history.map((event) => event.kind)).toEqual(["created", "updated", "updated", "evidence_added", "comment_added", "updated", "updated"]);
    expect(history[1]).toMatchObject({
      actor: { id: champion.userId },
      changes: {
        status: { from: "TODO", to: "IN_PROGRESS" },
        progress: { from: 0, to: 30 },
        dueOn: { from: null, to: "2026-09-15" },
        ownerUserId: { from: null, to: champion.userId },
      },
    });
    expect(history[2]!.changes).toMatchObject({ status: { from: "IN_PROGRESS", to: "DONE" }, progress: { from: 30, to: 100 } });
    expect(history[5]!.changes).toEqual({ priority: { from: "MEDIUM", to: "HIGH" } });
    expect(history[6]!.changes).toMatchObject({ status: { from: "DONE", to: "IN_PROGRESS" }, progress: { from: 100, to: 80 }, completedAt: { to: null } });
    expect(history[1]!.createdAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { targetId: action.id, action: "action.updated" } })).toBe(4);
  });
});

describe("carry-over to a new round", () => {
  it("keeps unfinished actions with their history, finished ones as proof, and can run twice", async () => {
    await cleanUp();
    const { organization, secretary } = await commune();
    const open = await createAction(db, secretary, { organizationId: organization.id, title: "Charte informatique", criteria: ["inventaire.postes"], status: "IN_PROGRESS", progress: 50 });
    const todo = await createAction(db, secretary, { organizationId: organization.id, title: "Exercice de crise", criteria: ["inventaire.postes"] });
    const done = await createAction(db, secretary, { organizationId: organization.id, title: "Antivirus", criteria: ["inventaire.postes"], status: "DONE" });
    await createAction(db, secretary, { organizationId: organization.id, title: "Abandonnée", criteria: ["inventaire.postes"], status: "ABANDONED", abandonReason: "Hors budget" });

    const next = await db.round.create({
      data: { year: 2027, name: "Campagne 2027", status: "OPEN", opensAt: new Date("2027-03-01T00:00:00Z"), closesAt: new Date("2027-12-31T22:59:59Z"), labelValidUntil: new Date("2028-12-31T22:59:59Z") },
    });
    expect(await carryOverPlan(db, organization.id, next.id)).toEqual({ carriedOver: 2, alreadyCarriedOver: 0, done: 1, abandoned: 1 });
    expect(await carryOverPlan(db, organization.id, next.id)).toEqual({ carriedOver: 0, alreadyCarriedOver: 2, done: 1, abandoned: 1 });

    const plan = await getPlan(db, secretary, organization.id);
    expect(plan.actions).toHaveLength(4);
    const history = await listHistory(db, secretary, open.id);
    expect(history.map((event) => event.kind)).toEqual(["created", "carried_over"]);
    expect(history[1]!.changes).toEqual({ fromRoundId: roundId, toRoundId: next.id, status: "IN_PROGRESS", progress: 50 });
    expect((await listHistory(db, secretary, todo.id)).map((event) => event.kind)).toEqual(["created", "carried_over"]);
    expect((await listHistory(db, secretary, done.id)).map((event) => event.kind)).toEqual(["created"]);
    expect(await db.action.findUniqueOrThrow({ where: { id: open.id }, select: { createdInRoundId: true, planId: true } })).toEqual({ createdInRoundId: roundId, planId: plan.planId });
    expect(await db.auditEvent.count({ where: { action: "action_plan.carried_over", organizationId: organization.id } })).toBe(1);
    await db.round.delete({ where: { id: next.id } });
  });
});

describe("evidence files", () => {
  it("accepts PDF and images recognised by content, refuses other types, and serves them to readers only", async () => {
    await cleanUp();
    const { organization, secretary } = await commune();
    const other = await commune("13113");
    const action = await createAction(db, secretary, { organizationId: organization.id, title: "Charte", criteria: ["inventaire.postes"] });
    const pdf = new TextEncoder().encode("%PDF-1.4\n%fake but signed\n");
    const evidence = await addEvidenceFile(db, secretary, { actionId: action.id, label: "Charte signée", name: "charte.pdf", bytes: pdf });
    expect(evidence.file).toMatchObject({ name: "charte.pdf", mimeType: "application/pdf", size: pdf.byteLength });

    const before = await counts();
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00]);
    await expect(addEvidenceFile(db, secretary, { actionId: action.id, label: "Programme", name: "charte.pdf", bytes: exe })).rejects.toThrow(/n'est pas accepté/);
    await expect(addEvidenceFile(db, other.secretary, { actionId: action.id, label: "Charte", name: "x.pdf", bytes: pdf })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await counts()).toEqual(before);

    const file = await readEvidenceFile(db, secretary, evidence.id);
    expect(Buffer.from(file.content).equals(Buffer.from(pdf))).toBe(true);
    await expect(readEvidenceFile(db, other.secretary, evidence.id)).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await getPlan(db, secretary, organization.id)).actions[0]!.evidences).toMatchObject([{ label: "Charte signée", url: null, file: { mimeType: "application/pdf" } }]);
  });
});
