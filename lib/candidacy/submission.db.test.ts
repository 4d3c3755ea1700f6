import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { lockLabelFile } from "@/lib/label/award";
import { completeFile, setDues } from "@/tests/support/candidacy";
import { associationMember, createOrganization, insertTerritories, member } from "@/tests/support/world";
import { getCandidacyFile } from "./read";
import { addCandidacyAttachment, askMayorToSubmit, saveCandidacyNote, submitCandidacy, withdrawCandidacy } from "./submission";
import type { CandidacySnapshot } from "./snapshot";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(() => insertTerritories(db));
afterAll(() => db.$disconnect());

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function counts(organizationId: string) {
  const [revisions, outbox, audits, candidacy] = await Promise.all([
    db.candidacyRevision.count({ where: { candidacy: { organizationId } } }),
    db.outboxMessage.count({ where: { organizationId } }),
    db.auditEvent.count({ where: { organizationId } }),
    db.candidacy.findFirst({ where: { organizationId }, select: { status: true, revision: true } }),
  ]);
  return { revisions, outbox, audits, candidacy };
}

async function communeWithFile(code: string, options: { duesPaid?: boolean } = {}) {
  const organization = await createOrganization(db, code);
  const secretary = await member(db, organization.id, "SECRETARY");
  const mayor = await member(db, organization.id, "MAYOR");
  const file = await completeFile(db, organization.id, secretary, options);
  return { organization, secretary, mayor, ...file };
}

async function cleanUp(code: string) {
  // Revisions are frozen (no DELETE): tests use a fresh commune each, never delete them.
  void code;
}

describe("preparing and submitting a candidacy", () => {
  it("the secretary prepares and asks the mayor; only the mayor submits, which freezes the file", async () => {
    const { organization, secretary, mayor, round } = await communeWithFile("13090");
    await saveCandidacyNote(db, secretary, { organizationId: organization.id, note: "Délibération votée le 3 octobre." });
    await addCandidacyAttachment(db, secretary, { organizationId: organization.id, label: "Délibération", name: "deliberation.png", bytes: png });
    await expect(addCandidacyAttachment(db, secretary, { organizationId: organization.id, label: "Word", name: "x.pdf", bytes: new Uint8Array([0x50, 0x4b, 3, 4]) })).rejects.toThrow(/PDF ou une image/);

    const asked = await askMayorToSubmit(db, secretary, { organizationId: organization.id });
    expect(asked.mayors).toHaveLength(1);
    const askMail = await db.outboxMessage.findFirstOrThrow({ where: { template: "candidacy.ask_mayor", organizationId: organization.id } });
    expect(askMail.to).toBe(mayor.email.toLowerCase());

    // The secretary cannot submit: the permission is the mayor's. Nothing changes.
    const before = await counts(organization.id);
    await expect(submitCandidacy(db, secretary, { organizationId: organization.id })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await counts(organization.id)).toEqual(before);

    const submitted = await submitCandidacy(db, mayor, { organizationId: organization.id });
    expect(submitted.revision).toBe(1);
    const revision = await db.candidacyRevision.findFirstOrThrow({ where: { candidacyId: submitted.candidacyId } });
    const snapshot = revision.snapshot as unknown as CandidacySnapshot;
    expect(snapshot.questionnaire.met).toBe(true);
    expect(snapshot.questionnaire.version?.key).toBe("2026");
    expect(snapshot.plan.actions.map((action) => action.title)).toEqual(["Inventorier les postes", "Activer la double authentification"]);
    expect(snapshot.champion).toMatchObject({ met: true, name: "Claire Bernard" });
    expect(snapshot.dues.met).toBe(true);
    expect(snapshot.note).toBe("Délibération votée le 3 octobre.");
    expect(snapshot.attachments.map((file) => file.label)).toEqual(["Délibération"]);
    expect(snapshot.submittedBy.id).toBe(mayor.userId);
    expect(snapshot.progression).toBeNull();
    expect(snapshot.round.id).toBe(round.id);
    expect(await db.outboxMessage.count({ where: { template: "candidacy.submitted", organizationId: organization.id } })).toBe(2);

    // Submitting twice: refused in words, nothing written.
    const after = await counts(organization.id);
    await expect(submitCandidacy(db, mayor, { organizationId: organization.id })).rejects.toThrow(/déjà déposée/);
    expect(await counts(organization.id)).toEqual(after);
    // The file is locked while it waits.
    await expect(saveCandidacyNote(db, secretary, { organizationId: organization.id, note: "Autre" })).rejects.toThrow(/déposé/);

    // The snapshot is frozen by the database itself.
    await expect(db.$executeRaw`UPDATE "CandidacyRevision" SET "snapshot" = '{}' WHERE "id" = ${revision.id}`).rejects.toThrow();
    await expect(db.$executeRaw`DELETE FROM "CandidacyRevision" WHERE "id" = ${revision.id}`).rejects.toThrow();

    // The live file evolves; the snapshot does not.
    await db.action.updateMany({ where: { organizationId: organization.id }, data: { title: "Changé" } });
    const again = await db.candidacyRevision.findUniqueOrThrow({ where: { id: revision.id } });
    expect((again.snapshot as unknown as CandidacySnapshot).plan.actions[0]!.title).toBe("Inventorier les postes");

    // Withdraw before a decision, then submit again: revision 2.
    await withdrawCandidacy(db, mayor, { organizationId: organization.id });
    expect((await counts(organization.id)).candidacy?.status).toBe("WITHDRAWN");
    expect((await submitCandidacy(db, mayor, { organizationId: organization.id })).revision).toBe(2);
    await cleanUp("13090");
  });

  it("refuses in words a file whose criterion is missing, and after the closing date with the date", async () => {
    const { organization, mayor, round } = await communeWithFile("13113", { duesPaid: false });
    const before = await counts(organization.id);
    await expect(submitCandidacy(db, mayor, { organizationId: organization.id })).rejects.toThrow(/« Cotisation » n’est plus rempli/);
    expect(await counts(organization.id)).toEqual(before);

    await setDues(db, organization.id, round.id, "PAID");
    const late = () => new Date(round.closesAt.getTime() + 60_000);
    await expect(submitCandidacy(db, mayor, { organizationId: organization.id }, late)).rejects.toThrow(/close depuis le 31 décembre 2026/);
    expect((await counts(organization.id)).revisions).toBe(0);

    const page = await getCandidacyFile(db, mayor, organization.id);
    expect(page?.criteria.allMet).toBe(true);
    expect(page?.canSubmit).toBe(true);
  });

  it("sees a criterion that lapses while the submission waits for the file's lock, and refuses", async () => {
    const { organization, mayor, championId } = await communeWithFile("42218");
    const before = await counts(organization.id);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    // Another transaction holds the file and ends the Champion's role...
    const lapse = db.$transaction(async (tx) => {
      await lockLabelFile(tx, organization.id);
      await tx.championDesignation.update({ where: { id: championId }, data: { status: "CANCELLED", endedAt: new Date() } });
      locked();
      await held;
    }, { timeout: 20_000 });
    // ...while the mayor submits: the submission waits for the lock, then sees the lapse.
    await lockTaken;
    const submission = submitCandidacy(db, mayor, { organizationId: organization.id }).then(
      () => "submitted",
      (error: unknown) => (error instanceof DomainError ? error.message : String(error)),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await lapse;
    expect(await submission).toMatch(/« Cyber Champion » n’est plus rempli/);
    expect((await counts(organization.id)).revisions).toBe(before.revisions);
  });

  it("shows a reviewer nothing of a draft", async () => {
    const organization = await createOrganization(db, "13113", "ACTIVE").catch(async () => db.organization.findFirstOrThrow({ where: { territoryCode: "13113" } }));
    const reviewer = await associationMember(db, "REVIEWER");
    const page = await getCandidacyFile(db, reviewer, organization.id);
    expect(page?.canPrepare).toBe(false);
  });
});
