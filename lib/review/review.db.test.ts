import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction } from "@/lib/action-plan/actions";
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { getCandidacyFile } from "@/lib/candidacy/read";
import { submitCandidacy } from "@/lib/candidacy/submission";
import { createPrismaClient } from "@/lib/db/create-client";
import { awardLabelIfEligible, lockLabelFile } from "@/lib/label/award";
import { completeFile, QUESTION_KEY, setDues } from "@/tests/support/candidacy";
import { associationMember, createOrganization, insertTerritories, member, reload } from "@/tests/support/world";
import { assignCandidacy, declareConflict, releaseCandidacy, takeCandidacy } from "./assignment";
import { addOpinion, decideCandidacy, type DecideInput } from "./decision";
import { listReviewQueue } from "./queue";
import { getReviewFile } from "./read";
import { queueFiltersSchema } from "./schemas";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(() => insertTerritories(db));
afterAll(() => db.$disconnect());

const allMet = { questionnaireMet: true, planMet: true, championMet: true, duesMet: true, questionnaireComment: "", planComment: "", championComment: "", duesComment: "", reason: "" };
const decision = (candidacyId: string, revision: number, outcome: DecideInput["outcome"], extra: Partial<DecideInput> = {}): DecideInput => ({ candidacyId, revision, outcome, ...allMet, ...extra });
const filters = (raw: Record<string, string> = {}) => queueFiltersSchema.parse(raw);
const messageOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof DomainError || error instanceof AccessDeniedError ? error.message : String(error)),
  );

let next = 0;
/** A fresh commune of the Bouches-du-Rhône in the Métropole (revisions are never deleted: one commune per test). */
async function freshCommune(departmentCode = "13") {
  next += 1;
  const code = `${departmentCode}${String(500 + next)}`;
  await db.territory.create({
    data: { code, kind: "COMMUNE", name: `Commune d'essai ${code}`, searchName: `commune d essai ${code}`, departmentCode, regionCode: departmentCode === "13" ? "93" : "84", population: 800, epciCode: departmentCode === "13" ? "200054807" : null, postcodes: [], cogYear: 2026 },
  });
  return createOrganization(db, code);
}

/** A submitted file; dues invoiced but not paid unless said. */
async function submittedFile(options: { paid?: boolean; departmentCode?: string } = {}) {
  const organization = await freshCommune(options.departmentCode);
  const secretary = await member(db, organization.id, "SECRETARY");
  const mayor = await member(db, organization.id, "MAYOR");
  const { round } = await completeFile(db, organization.id, secretary, { duesPaid: options.paid ?? false });
  if (!options.paid) await setDues(db, organization.id, round.id, "DUE");
  const { candidacyId } = await submitCandidacy(db, mayor, { organizationId: organization.id });
  return { organization, secretary, mayor, round, candidacyId };
}

/** The treasurer's payment as issue 11 records it: dues PAID, under the label lock, award last. */
async function pay(organizationId: string, roundId: string) {
  return db.$transaction(async (tx) => {
    await lockLabelFile(tx, organizationId);
    await tx.dues.update({ where: { organizationId_roundId: { organizationId, roundId } }, data: { status: "PAID", paidAt: new Date() } });
    return awardLabelIfEligible(tx, { organizationId, roundId, actorId: null });
  });
}

describe("reviewing a candidacy", () => {
  it("take, return with a comment on the plan, resubmit with a new action, see the change, approve; then the payment makes the label", async () => {
    const { organization, secretary, mayor, round, candidacyId } = await submittedFile();
    const reviewer = await associationMember(db, "REVIEWER");
    const other = await associationMember(db, "REVIEWER");
    const correspondent = await associationMember(db, "DEPARTMENT_CORRESPONDENT", "13");

    await takeCandidacy(db, reviewer, { candidacyId });
    expect(await messageOf(takeCandidacy(db, other, { candidacyId }))).toMatch(/déjà pris par/);
    expect(await messageOf(decideCandidacy(db, other, decision(candidacyId, 1, "APPROVE")))).toMatch(/déjà pris par/);

    await addOpinion(db, correspondent, { candidacyId, body: "La mairie est très engagée, l'adjoint suit le plan." });

    // Return without any comment: refused in words, nothing written.
    const before = await db.reviewDecision.count();
    expect(await messageOf(decideCandidacy(db, reviewer, decision(candidacyId, 1, "RETURN", { planMet: false })))).toMatch(/au moins un commentaire/);
    expect(await messageOf(decideCandidacy(db, reviewer, decision(candidacyId, 1, "REJECT")))).toMatch(/donnez le motif/);
    expect(await db.reviewDecision.count()).toBe(before);

    await decideCandidacy(db, reviewer, decision(candidacyId, 1, "RETURN", { planMet: false, planComment: "Ajoutez une action sur les sauvegardes." }));
    const returned = (await getCandidacyFile(db, secretary, organization.id))!;
    expect(returned.candidacy?.status).toBe("RETURNED");
    expect(returned.lastDecision?.comments).toEqual([{ criterion: "plan", title: "Plan d’action", met: false, comment: "Ajoutez une action sur les sauvegardes." }]);
    const mails = await db.outboxMessage.findMany({ where: { template: "review.returned", organizationId: organization.id } });
    expect(mails.map((mail) => mail.to).sort()).toEqual([secretary.email, mayor.email].map((email) => email.toLowerCase()).sort());
    expect((mails[0]!.data as { comments: unknown }).comments).toEqual([{ criterion: "Plan d’action", comment: "Ajoutez une action sur les sauvegardes." }]);

    await createAction(db, secretary, { organizationId: organization.id, title: "Sauvegarder hors ligne chaque semaine", criteria: [QUESTION_KEY(2)] });
    expect((await submitCandidacy(db, mayor, { organizationId: organization.id })).revision).toBe(2);
    expect(await db.outboxMessage.count({ where: { template: "candidacy.resubmitted_to_reviewer", organizationId: organization.id } })).toBe(1);

    const file = await getReviewFile(db, reviewer, organization.id);
    if (file.kind !== "file") throw new Error("expected the file");
    expect(file.diff?.from).toBe(1);
    expect(file.diff?.changes.plan).toContain("Action ajoutée : « Sauvegarder hors ligne chaque semaine » (à lancer).");
    expect(file.diff?.changes.champion).toEqual([]);
    expect(file.opinions.map((opinion) => opinion.body)).toEqual(["La mairie est très engagée, l'adjoint suit le plan."]);
    expect(file.can.decide).toBe(true);

    // Stale: a decision on revision 1 now that 2 is there.
    const count = await db.reviewDecision.count();
    expect(await messageOf(decideCandidacy(db, reviewer, decision(candidacyId, 1, "APPROVE")))).toMatch(/déposé de nouveau \(version 2\)/);
    expect(await db.reviewDecision.count()).toBe(count);

    const approved = await decideCandidacy(db, reviewer, decision(candidacyId, 2, "APPROVE"));
    expect(approved.labelled).toBe(false);
    expect(await db.label.count({ where: { organizationId: organization.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { template: "review.approved_correspondent", to: correspondent.email.toLowerCase() } })).toBe(1);
    expect(await messageOf(decideCandidacy(db, reviewer, decision(candidacyId, 2, "REJECT", { reason: "Non" })))).toMatch(/vient d’être accepté/);

    // The payment, later: the label, once.
    expect((await pay(organization.id, round.id))?.created).toBe(true);
    expect(await db.label.count({ where: { organizationId: organization.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { organizationId: organization.id, action: "label.awarded" } })).toBe(1);
  });

  it("approval after the payment makes the label at once", async () => {
    const { organization, candidacyId } = await submittedFile({ paid: true });
    const reviewer = await associationMember(db, "REVIEWER");
    expect((await decideCandidacy(db, reviewer, decision(candidacyId, 1, "APPROVE"))).labelled).toBe(true);
    expect(await db.label.count({ where: { organizationId: organization.id } })).toBe(1);
  });

  it("two reviewers deciding at once: one decision, the other is told", async () => {
    const { candidacyId } = await submittedFile();
    const [first, second] = [await associationMember(db, "REVIEWER"), await associationMember(db, "REVIEWER")];
    const outcomes = await Promise.all([
      messageOf(decideCandidacy(db, first, decision(candidacyId, 1, "APPROVE"))),
      messageOf(decideCandidacy(db, second, decision(candidacyId, 1, "REJECT", { reason: "Plan trop léger." }))),
    ]);
    expect(outcomes.filter((outcome) => outcome === "ok")).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome !== "ok")).toMatch(/ne peut plus être décidé|déjà pris par/);
    expect(await db.reviewDecision.count({ where: { candidacyId } })).toBe(1);
  });

  it("approval and payment at the same moment: one label", async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { organization, round, candidacyId } = await submittedFile();
      const reviewer = await associationMember(db, "REVIEWER");
      const [approval, payment] = await Promise.all([decideCandidacy(db, reviewer, decision(candidacyId, 1, "APPROVE")), pay(organization.id, round.id)]);
      expect([approval.labelled, payment?.created === true].filter(Boolean)).toHaveLength(1);
      expect(await db.label.count({ where: { organizationId: organization.id } })).toBe(1);
    }
  });

  it("conflicts: a member of the commune or of its EPCI cannot take or decide; a declared conflict hides the file", async () => {
    const { organization, candidacyId } = await submittedFile();
    const metropole = await db.organization.upsert({ where: { territoryCode: "200054807" }, update: {}, create: { territoryCode: "200054807", name: "Métropole", status: "ACTIVE", validatedAt: new Date() } });
    const insider = await associationMember(db, "REVIEWER");
    await db.membership.create({ data: { userId: insider.userId, organizationId: organization.id, role: "CYBER_CHAMPION" } });
    const epciReviewer = await associationMember(db, "REVIEWER");
    await db.membership.create({ data: { userId: epciReviewer.userId, organizationId: metropole.id, role: "EPCI_REFERENT" } });
    const insiderNow = await reload(db, insider);
    const epciNow = await reload(db, epciReviewer);

    expect(await messageOf(takeCandidacy(db, insiderNow, { candidacyId }))).toMatch(/membre de cette organisation/);
    expect(await messageOf(decideCandidacy(db, insiderNow, decision(candidacyId, 1, "APPROVE")))).toMatch(/membre de cette organisation/);
    expect(await messageOf(takeCandidacy(db, epciNow, { candidacyId }))).toMatch(/intercommunalité/);
    const admin = await associationMember(db, "ADMINISTRATOR");
    expect(await messageOf(assignCandidacy(db, admin, { candidacyId, reviewerId: epciNow.userId }))).toMatch(/conflit d’intérêts/);
    const queue = await listReviewQueue(db, insiderNow, filters());
    expect(queue?.rows.find((row) => row.id === candidacyId)?.conflict).toBe("member");

    const honest = await associationMember(db, "REVIEWER");
    await assignCandidacy(db, admin, { candidacyId, reviewerId: honest.userId });
    expect((await db.candidacy.findUniqueOrThrow({ where: { id: candidacyId } })).assignedReviewerId).toBe(honest.userId);
    await declareConflict(db, honest, { organizationId: organization.id, reason: "Ma sœur est adjointe au maire." });
    expect((await db.candidacy.findUniqueOrThrow({ where: { id: candidacyId } })).assignedReviewerId).toBeNull();
    expect((await listReviewQueue(db, honest, filters()))?.rows.some((row) => row.id === candidacyId)).toBe(false);
    expect(await messageOf(takeCandidacy(db, honest, { candidacyId }))).toMatch(/déclaré un conflit/);
    await takeCandidacy(db, await associationMember(db, "REVIEWER"), { candidacyId });
  });

  it("the queue: only submitted files, filters, oldest first, overdue flag; a correspondent sees their départements only", async () => {
    const draft = await freshCommune();
    const draftSecretary = await member(db, draft.id, "SECRETARY");
    await completeFile(db, draft.id, draftSecretary);
    const old = await submittedFile();
    await db.candidacy.update({ where: { id: old.candidacyId }, data: { submittedAt: new Date(Date.now() - 20 * 86_400_000) } });
    const loire = await submittedFile({ departmentCode: "42" });

    const reviewer = await associationMember(db, "REVIEWER");
    const all = (await listReviewQueue(db, reviewer, filters()))!;
    expect(all.rows.some((row) => row.organizationId === draft.id)).toBe(false);
    expect(all.rows[0]!.id).toBe(old.candidacyId);
    expect(all.rows[0]!.overdue).toBe(true);
    expect((await listReviewQueue(db, reviewer, filters({ attente: "plus-14" })))!.rows.map((row) => row.id)).toEqual([old.candidacyId]);
    expect((await listReviewQueue(db, reviewer, filters({ departement: "42" })))!.rows.map((row) => row.id)).toEqual([loire.candidacyId]);
    expect((await listReviewQueue(db, reviewer, filters({ region: "84" })))!.rows.map((row) => row.id)).toEqual([loire.candidacyId]);
    expect((await listReviewQueue(db, reviewer, filters({ type: "EPCI" })))!.total).toBe(0);
    expect((await listReviewQueue(db, reviewer, filters({ taille: "UNDER_1000" })))!.total).toBe(all.total);

    const correspondent = await associationMember(db, "DEPARTMENT_CORRESPONDENT", "42");
    const theirs = (await listReviewQueue(db, correspondent, filters()))!;
    expect(theirs.rows.map((row) => row.id)).toEqual([loire.candidacyId]);
    expect((await listReviewQueue(db, correspondent, filters({ departement: "13" })))!.total).toBe(0);
    await expect(getReviewFile(db, correspondent, old.organization.id)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await messageOf(addOpinion(db, correspondent, { candidacyId: old.candidacyId, body: "Avis hors de mon département" }))).toBe(new AccessDeniedError().message);

    // A reviewer sees nothing of a draft: no file on the review page, and no action on it.
    const page = await getReviewFile(db, reviewer, draft.id);
    expect(page.kind).toBe("none");
    const draftCandidacy = await db.candidacy.findFirst({ where: { organizationId: draft.id } });
    expect(draftCandidacy).toBeNull();
  });

  it("bad input: a forged candidacy id, a decision on a withdrawn file, releasing a file one does not hold", async () => {
    const { mayor, organization, candidacyId } = await submittedFile();
    const reviewer: Actor = await associationMember(db, "REVIEWER");
    expect(await messageOf(decideCandidacy(db, reviewer, decision("nexistepas", 1, "APPROVE")))).toBe(new AccessDeniedError().message);
    expect(await messageOf(decideCandidacy(db, reviewer, decision(candidacyId, 7, "APPROVE")))).toMatch(/version du dossier n’existe pas/);
    expect(await messageOf(releaseCandidacy(db, reviewer, { candidacyId }))).toMatch(/ne tenez pas/);
    const { withdrawCandidacy } = await import("@/lib/candidacy/submission");
    await withdrawCandidacy(db, mayor, { organizationId: organization.id });
    expect(await messageOf(decideCandidacy(db, reviewer, decision(candidacyId, 1, "APPROVE")))).toMatch(/retiré/);
    expect(await db.reviewDecision.count({ where: { candidacyId } })).toBe(0);
  });
});
