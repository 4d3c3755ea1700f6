// Deadline reminders on both databases: sent to the secretary and the mayor of incomplete files
// only, once per organization and reminder however often the job runs (or on how many
// workers), never to a person who turned reminders off; and a cron schedule owned by pg-boss
// fires once per period across two workers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { jobDefinition, type JobDefinition } from "@/lib/jobs/define";
import { startWorkers } from "@/lib/jobs/worker";
import { createOpenRound, createOrganization, insertTerritories, member } from "@/tests/support/world";
import type { Email } from "./mailer";
import { runOutboxOnce } from "./outbox-worker";
import { setRemindersEnabled } from "./preferences";
import { queueDeadlineReminders } from "./reminders";

const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url, { max: 6 });
const appUrl = "http://localhost:3000";

beforeAll(async () => {
  await insertTerritories(db);
  await createOpenRound(db); // closes 2026-12-31 at 23:59:59 Paris time
});
afterAll(() => db.$disconnect());

describe("deadline reminders", () => {
  it("reminds the secretary and the mayor of an incomplete file, once, with what is missing", async () => {
    const venelles = await createOrganization(db, "13113");
    const secretary = await member(db, venelles.id, "SECRETARY");
    const mayor = await member(db, venelles.id, "MAYOR");
    await member(db, venelles.id, "CYBER_CHAMPION");
    await createOrganization(db, "42218", "PENDING");

    const thirtyDaysBefore = new Date("2026-12-01T06:00:00Z");
    expect(await queueDeadlineReminders(db, new Date("2026-11-20T06:00:00Z"))).toEqual({ reminder: null, organizations: 0, queued: 0 });
    // Two runs at once (two workers, or a retried job): the keys make them one set of messages.
    const first = await Promise.all([queueDeadlineReminders(db, thirtyDaysBefore), queueDeadlineReminders(db, thirtyDaysBefore)]);
    await queueDeadlineReminders(db, new Date("2026-12-02T06:00:00Z"));
    expect(first.some((run) => run.reminder === 30)).toBe(true);

    const rows = await db.outboxMessage.findMany({ where: { template: "reminder.deadline" }, orderBy: { to: "asc" } });
    expect(rows.map((row) => row.to).sort()).toEqual([mayor.email, secretary.email].sort());

    await setRemindersEnabled(db, { email: mayor.email }, false);
    const sent: Email[] = [];
    await runOutboxOnce({ db, transport: async (email) => void sent.push(email), appUrl, workerId: "w-reminders" });
    expect(sent.map((email) => email.to)).toEqual([secretary.email]);
    const [mail] = sent;
    expect(mail!.subject).toBe("Plus que 30 jours pour compléter le dossier de Venelles");
    expect(mail!.text).toContain("- Questionnaire IMMUNITE CYBER : répondez au questionnaire");
    expect(mail!.text).toContain("- Cyber Champion : désignez une personne");
    expect(mail!.text).toContain(`${appUrl}/espace/organisations/${venelles.id}`);
    expect(mail!.headers?.["List-Unsubscribe"]).toBe(`<${appUrl}/espace/preferences>`);
    expect(await db.outboxMessage.findFirstOrThrow({ where: { to: mayor.email } })).toMatchObject({ status: "SKIPPED" });

    // Seven days before: the second reminder, once.
    await queueDeadlineReminders(db, new Date("2026-12-24T06:00:00Z"));
    await queueDeadlineReminders(db, new Date("2026-12-25T06:00:00Z"));
    expect(await db.outboxMessage.count({ where: { template: "reminder.deadline", to: secretary.email } })).toBe(2);
  });
});

describe("a cron schedule", () => {
  it(
    "fires once per minute across two workers",
    async () => {
      const runs: Date[] = [];
      const handlers = {
        "test.every-minute": jobDefinition<Record<string, never>>({
          cron: "* * * * *",
          async handler() {
            runs.push(new Date());
          },
        }),
      } as unknown as Record<string, JobDefinition<never>>;
      const options = { url, db, transport: async () => {}, appUrl, handlers, outbox: false as const, boss: { pollingIntervalSeconds: 0.5, max: 2 } };
      const workers = [await startWorkers(options), await startWorkers(options)];
      try {
        const start = Date.now();
        while (runs.length === 0 && Date.now() - start < 100_000) await new Promise((resolve) => setTimeout(resolve, 250));
        expect(runs.length).toBe(1);
        // Wait a little: the other worker's clock saw the same slot, and must not send it again.
        await new Promise((resolve) => setTimeout(resolve, 12_000));
        const minutes = runs.map((run) => run.toISOString().slice(0, 16));
        expect(new Set(minutes).size).toBe(minutes.length);
      } finally {
        await Promise.all(workers.map((worker) => worker.stop()));
      }
    },
    150_000,
  );
});
