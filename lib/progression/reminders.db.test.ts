import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { EMAIL_TEMPLATES } from "@/lib/notifications/templates";
import { approvedCandidacyWithLabel } from "@/tests/support/candidacy";
import { createOpenRound, createOrganization, insertTerritories, member } from "@/tests/support/world";
import type { RenewalReminderData } from "./emails";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { startWorkers } from "@/lib/jobs/worker";
import { progressionJobs } from "./jobs";
import { queueRenewalReminders } from "./reminders";

const db = createPrismaClient(process.env.DATABASE_URL!);
let organizationId: string;
let labelId: string;
let emails: string[];

beforeAll(async () => {
  await insertTerritories(db);
  const organization = await createOrganization(db, "13090");
  organizationId = organization.id;
  const mayor = await member(db, organizationId, "MAYOR");
  const secretary = await member(db, organizationId, "SECRETARY");
  await member(db, organizationId, "CYBER_CHAMPION");
  const users = await db.user.findMany({ where: { id: { in: [mayor.userId, secretary.userId] } }, select: { email: true } });
  emails = users.map((user) => user.email).sort();
  const round2025 = await db.round.create({
    data: {
      year: 2025,
      name: "Campagne 2025",
      status: "CLOSED",
      opensAt: new Date("2025-03-01T00:00:00Z"),
      closesAt: new Date("2025-11-30T22:59:59Z"),
      labelValidUntil: new Date("2026-12-31T22:59:59Z"),
    },
  });
  await createOpenRound(db, 2026);
  const { label } = await approvedCandidacyWithLabel(db, organizationId, round2025.id, {
    submittedAt: new Date("2025-06-01T08:00:00Z"),
    awardedAt: new Date("2025-06-20T08:00:00Z"),
  });
  labelId = label.id;
});
afterAll(() => db.$disconnect());

const reminders = () => db.outboxMessage.findMany({ where: { template: "progression.renewal_reminder" }, orderBy: [{ idempotencyKey: "asc" }] });

describe("renewal reminders", () => {
  it("queue nothing before 3 months", async () => {
    expect(await queueRenewalReminders(db, new Date("2026-09-29T08:00:00Z"))).toMatchObject({ queued: 0, messages: 0 });
    expect(await reminders()).toEqual([]);
  });

  it("queue the 3-month reminder once for the mayor and the secretary, with two workers at once", async () => {
    const at = new Date("2026-09-30T07:00:00Z");
    const runs = await Promise.all([queueRenewalReminders(db, at), queueRenewalReminders(db, at)]);
    expect(runs.map((run) => run.messages).sort()).toEqual([0, 2]);
    const queued = await reminders();
    expect(queued.map((message) => [message.to, message.idempotencyKey])).toEqual(emails.map((email) => [email, `label.renewal_reminder:${labelId}:3-months:${email}`]));
    expect(await db.auditEvent.count({ where: { action: "progression.renewal_reminder_queued", targetId: labelId } })).toBe(1);
    // The next days change nothing until the 1-month date.
    await queueRenewalReminders(db, new Date("2026-10-20T07:00:00Z"));
    expect(await reminders()).toHaveLength(2);
  });

  it("queue the 1-month reminder once, and say what the renewal needs", async () => {
    const at = new Date("2026-11-30T07:00:00Z");
    await Promise.all([queueRenewalReminders(db, at), queueRenewalReminders(db, at), queueRenewalReminders(db, at)]);
    const queued = await reminders();
    expect(queued).toHaveLength(4);
    expect(await db.auditEvent.count({ where: { action: "progression.renewal_reminder_queued", targetId: labelId } })).toBe(2);
    const oneMonth = queued.find((message) => message.idempotencyKey.includes(":1-month:"))!;
    const data = oneMonth.data as RenewalReminderData;
    expect(data).toMatchObject({ kind: "1-month", labelYear: 2025, roundYear: 2026, passingScore: 60 });
    const rendered = await EMAIL_TEMPLATES["progression.renewal_reminder"].render(data, { db, appUrl: "https://label.example" });
    expect(rendered.subject).toBe("Votre label Commune Cyber Dynamique expire dans un mois (31 décembre 2026)");
    expect(rendered.text).toContain("Actions réalisées depuis le dernier label (40 points)");
    expect(rendered.text).toContain(`https://label.example/espace/organisations/${organizationId}/questionnaire/resultats`);
  });

  it("queue nothing once the organization renewed, nor for a revoked label", async () => {
    await db.outboxMessage.deleteMany();
    const round2026 = await db.round.findUniqueOrThrow({ where: { year: 2026 } });
    const candidacy = await db.candidacy.create({ data: { organizationId, roundId: round2026.id, status: "SUBMITTED", revision: 1, submittedAt: new Date("2026-11-02T08:00:00Z") } });
    expect(await queueRenewalReminders(db, new Date("2026-12-01T07:00:00Z"))).toMatchObject({ messages: 0 });
    await db.candidacy.delete({ where: { id: candidacy.id } });
    await db.label.update({ where: { id: labelId }, data: { revokedAt: new Date("2026-11-01T00:00:00Z"), revokeReason: "Test" } });
    expect(await queueRenewalReminders(db, new Date("2026-12-01T07:00:00Z"))).toMatchObject({ labels: 0, messages: 0 });
    expect(await reminders()).toEqual([]);
  });
});

describe("the daily job, across two workers", () => {
  it("runs twice for the same morning and still queues each reminder once", async () => {
    await db.label.update({ where: { id: labelId }, data: { revokedAt: null, revokeReason: null } });
    await db.outboxMessage.deleteMany();
    const url = process.env.DATABASE_URL!;
    const options = { url, db, transport: async () => {}, appUrl: "http://localhost:3000", handlers: progressionJobs, outbox: false as const, boss: { pollingIntervalSeconds: 0.5, max: 2 } };
    const workers = [await startWorkers(options), await startWorkers(options)];
    try {
      // Two runs of the morning's job (a retry, or a second schedule): both may run at once.
      for (let run = 0; run < 2; run++) await db.$transaction((tx) => enqueueJob(tx, "progression.renewal_reminders", { at: "2026-09-30T05:00:00Z" }));
      const start = Date.now();
      const completed = async () =>
        Number((await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM pgboss.job WHERE name = 'progression.renewal_reminders' AND state = 'completed'`)[0]!.count);
      while ((await completed()) < 2 && Date.now() - start < 30_000) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await completed()).toBe(2);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    const queued = await reminders();
    expect(queued.map((message) => message.idempotencyKey)).toEqual(emails.map((email) => `label.renewal_reminder:${labelId}:3-months:${email}`));
  });
});
