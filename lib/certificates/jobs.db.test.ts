// The real job path: the label is awarded in a transaction that sends `certificate.issue`; a
// pg-boss worker (the application's registry, no outbox sender) issues the certificate once,
// even when the job is sent again; the sweep issues what no job asked for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import type { RunningWorkers } from "@/lib/jobs/worker";
import { awardLabelIfEligible, lockLabelFile } from "@/lib/label/award";
import { labelledOrganization, startCertificateWorker, testCommune, until } from "@/tests/support/certificates";
import { createOpenRound, createOrganization, insertTerritories, member } from "@/tests/support/world";
import { scheduleCertificateIssue, sweepPendingCertificates } from "./jobs";

const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url, { max: 4 });
let roundId: string;
let workers: RunningWorkers;

beforeAll(async () => {
  await insertTerritories(db);
  roundId = (await createOpenRound(db)).id;
  workers = await startCertificateWorker(db, url);
}, 120_000);
afterAll(async () => {
  await workers?.stop();
  await db.$disconnect();
});

describe("certificate.issue", () => {
  it("is sent by the award's transaction and issues the certificate once, whatever duplicates are sent", async () => {
    const organization = await createOrganization(db, await testCommune(db));
    await member(db, organization.id, "MAYOR");
    await db.candidacy.create({ data: { organizationId: organization.id, roundId, status: "APPROVED", revision: 1, submittedAt: new Date() } });
    await db.dues.create({ data: { organizationId: organization.id, roundId, amountCents: 5000, paidCents: 5000, invoiceNumber: `TEST-${organization.id}`, status: "PAID", paidAt: new Date() } });

    const label = await db.$transaction(async (tx) => {
      await lockLabelFile(tx, organization.id);
      return awardLabelIfEligible(tx, { organizationId: organization.id, roundId, actorId: null });
    });
    expect(label?.created).toBe(true);
    // The same event again (a duplicate webhook): no second label, no second job.
    await db.$transaction(async (tx) => {
      await lockLabelFile(tx, organization.id);
      expect(await awardLabelIfEligible(tx, { organizationId: organization.id, roundId, actorId: null })).toMatchObject({ created: false });
      await scheduleCertificateIssue(tx, label!.id);
    });

    await until(async () => (await db.certificate.count({ where: { labelId: label!.id, issuedAt: { not: null } } })) === 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await db.certificate.count({ where: { labelId: label!.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { organizationId: organization.id, action: "certificate.issued" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { organizationId: organization.id, template: "certificate.issued" } })).toBe(1);
  });

  it("sends nothing when the award rolls back", async () => {
    const organization = await createOrganization(db, await testCommune(db));
    await db.candidacy.create({ data: { organizationId: organization.id, roundId, status: "APPROVED", revision: 1, submittedAt: new Date() } });
    await db.dues.create({ data: { organizationId: organization.id, roundId, amountCents: 5000, paidCents: 5000, invoiceNumber: `TEST-${organization.id}`, status: "PAID", paidAt: new Date() } });
    await expect(
      db.$transaction(async (tx) => {
        await lockLabelFile(tx, organization.id);
        await awardLabelIfEligible(tx, { organizationId: organization.id, roundId, actorId: null });
        throw new Error("paiement annulé");
      }),
    ).rejects.toThrow("paiement annulé");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await db.label.count({ where: { organizationId: organization.id } })).toBe(0);
    expect(await db.certificate.count({ where: { label: { organizationId: organization.id } } })).toBe(0);
  });
});

describe("sweepPendingCertificates", () => {
  it("issues the certificates of labels no job asked for, and leaves revoked labels alone", async () => {
    const pending = await labelledOrganization(db, await testCommune(db), roundId);
    const revoked = await labelledOrganization(db, await testCommune(db), roundId);
    await db.label.update({ where: { id: revoked.label.id }, data: { revokedAt: new Date(), revokeReason: "Essai" } });
    const later = new Date(Date.now() + 5 * 60_000);
    expect(await sweepPendingCertificates(db, later)).toBeGreaterThanOrEqual(1);
    expect(await db.certificate.count({ where: { labelId: pending.label.id, issuedAt: { not: null } } })).toBe(1);
    expect(await db.certificate.count({ where: { labelId: revoked.label.id } })).toBe(0);
    // Nothing left: a second sweep has nothing to do for these two.
    expect(await db.label.count({ where: { id: { in: [pending.label.id, revoked.label.id] }, revokedAt: null, certificates: { none: {} } } })).toBe(0);
  });
});
