// The outbox on both databases: written in the feature's transaction (rolled back = nothing),
// one message per idempotency key, sent once across two workers, SMTP down = waiting then sent
// once, and a message that keeps failing ends FAILED with its error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { startSmtpSink, type SunkMessage } from "@/tests/support/smtp-sink";
import { insertTerritories, createOrganization } from "@/tests/support/world";
import { smtpTransport, type Email } from "./mailer";
import { queueEmail } from "./outbox";
import { runOutboxOnce, startOutboxWorker } from "./outbox-worker";

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 6 });
const appUrl = "http://localhost:3000";
let organizationId = "";

beforeAll(async () => {
  await insertTerritories(db);
  organizationId = (await createOrganization(db, "13090")).id;
});
afterAll(() => db.$disconnect());

const invitation = (key: string, to = `${key}@outbox.test`) => ({
  to,
  template: "invitation.sent" as const,
  data: { organizationName: "Saint-Antonin-sur-Bayon", invitedBy: "Marie Martin", role: "SECRETARY" as const, token: `jeton-${key}`, validityDays: 7 },
  idempotencyKey: `test:${key}`,
  organizationId,
});

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("délai dépassé");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("queueEmail", () => {
  it("writes the message in the transaction, and nothing when it rolls back", async () => {
    await db.$transaction(async (tx) => {
      await tx.user.create({ data: { email: "kept@outbox.test" } });
      await queueEmail(tx, invitation("kept"));
    });
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(tx, invitation("dropped"));
        throw new Error("annulé");
      }),
    ).rejects.toThrow("annulé");
    expect(await db.outboxMessage.count({ where: { idempotencyKey: "test:kept", status: "PENDING" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { idempotencyKey: "test:dropped" } })).toBe(0);
  });

  it("keeps one message for one idempotency key", async () => {
    await db.$transaction((tx) => queueEmail(tx, invitation("twice")));
    await db.$transaction((tx) => queueEmail(tx, { ...invitation("twice"), to: "other@outbox.test" }));
    const rows = await db.outboxMessage.findMany({ where: { idempotencyKey: "test:twice" } });
    expect(rows.map((row) => row.to)).toEqual(["twice@outbox.test"]);
  });
});

describe("the outbox worker", () => {
  it("sends each of 60 messages once with two workers, in the shared layout", async () => {
    await db.outboxMessage.deleteMany();
    const sent: Email[] = [];
    const transport = async (email: Email) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      sent.push(email);
    };
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 60; i += 1) await queueEmail(tx, invitation(`many-${i}`));
    });
    const workers = [1, 2].map((n) => startOutboxWorker({ db, transport, appUrl, workerId: `w${n}`, batchSize: 7, pollMs: 100 }));
    await until(async () => (await db.outboxMessage.count({ where: { status: "SENT" } })) === 60);
    await Promise.all(workers.map((worker) => worker.stop()));
    expect(sent).toHaveLength(60);
    expect(new Set(sent.map((email) => email.to)).size).toBe(60);
    const one = sent[0]!;
    expect(one.subject).toMatch(/^Invitation à rejoindre Saint-Antonin-sur-Bayon/);
    expect(one.text).toContain(`${appUrl}/invitation/jeton-`);
    expect(one.text).toContain("Association des Communes Cyber Dynamiques");
    expect(one.text).toContain("Ce message concerne : Saint-Antonin-sur-Bayon.");
    expect(one.html).toContain(`<a href="${appUrl}/invitation/jeton-`);
    const row = await db.outboxMessage.findFirstOrThrow({ where: { to: one.to } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null, subject: one.subject });
  });

  it("keeps a message waiting while SMTP is down, then sends it once when SMTP is back", async () => {
    await db.outboxMessage.deleteMany();
    const received: SunkMessage[] = [];
    let sink = await startSmtpSink(0, received);
    const port = sink.port;
    await sink.close();
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, "test@localhost", appUrl, { pool: 1 });
    await db.$transaction((tx) => queueEmail(tx, invitation("smtp-down")));
    const settings = { db, transport, appUrl, workerId: "w-smtp", retryDelay: () => 0 };

    await runOutboxOnce(settings);
    const waiting = await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: "test:smtp-down" } });
    expect(waiting.status).toBe("PENDING");
    expect(waiting.attempts).toBe(1);
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);

    sink = await startSmtpSink(port, received);
    try {
      await runOutboxOnce(settings);
      await runOutboxOnce(settings);
      const sent = await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: "test:smtp-down" } });
      expect(sent).toMatchObject({ status: "SENT", attempts: 2 });
      expect(received.filter((message) => message.to.includes("smtp-down@outbox.test"))).toHaveLength(1);
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it("ends a message failing on every attempt as FAILED with its last error", async () => {
    await db.outboxMessage.deleteMany();
    await db.$transaction((tx) => queueEmail(tx, invitation("doomed")));
    let calls = 0;
    const transport = async () => {
      calls += 1;
      throw new Error(`550 boîte inexistante (essai ${calls})`);
    };
    const settings = { db, transport, appUrl, workerId: "w-fail", retryDelay: () => 0, maxAttempts: 3 };
    for (let i = 0; i < 5; i += 1) await runOutboxOnce(settings);
    const row = await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: "test:doomed" } });
    expect(calls).toBe(3);
    expect(row).toMatchObject({ status: "FAILED", attempts: 3, lastError: "550 boîte inexistante (essai 3)" });
  });

  it("fails at once a message whose template no longer exists", async () => {
    await db.outboxMessage.deleteMany();
    await db.outboxMessage.create({ data: { idempotencyKey: "test:unknown", to: "x@outbox.test", template: "does.not.exist" } });
    await runOutboxOnce({ db, transport: async () => {}, appUrl, workerId: "w-unknown" });
    const row = await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: "test:unknown" } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toMatch(/Modèle de courriel inconnu/);
  });
});
