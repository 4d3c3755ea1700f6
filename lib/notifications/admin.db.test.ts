import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { ensureJobSchema } from "@/lib/jobs/worker";
import { associationMember, createOrganization, insertTerritories, member } from "@/tests/support/world";
import { listOutboxMessages, queueHealth, retryOutboxMessage } from "./admin";
import { runOutboxOnce } from "./outbox-worker";
import { SIGN_IN_TEMPLATE } from "./send-now";

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 4 });
beforeAll(() => insertTerritories(db));
afterAll(() => db.$disconnect());

describe("the administrators' messages", () => {
  it("list messages, count the queue, and retry a failed one until it is sent", async () => {
    const organization = await createOrganization(db, "13113");
    const admin = await associationMember(db, "ADMINISTRATOR");
    const reviewer = await associationMember(db, "REVIEWER");
    const mayor = await member(db, organization.id, "MAYOR");
    const failed = await db.outboxMessage.create({
      data: { idempotencyKey: "admin:failed", to: "x@admin.test", template: "organization.validated", data: { organizationName: "Venelles" }, organizationId: organization.id, status: "FAILED", attempts: 8, lastError: "550 non" },
    });
    const signIn = await db.outboxMessage.create({ data: { idempotencyKey: "admin:sign-in", to: "y@admin.test", template: SIGN_IN_TEMPLATE, status: "FAILED", attempts: 1, lastError: "down" } });

    await expect(listOutboxMessages(db, reviewer)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(retryOutboxMessage(db, mayor, { messageId: failed.id })).rejects.toBeInstanceOf(AccessDeniedError);
    const listed = await listOutboxMessages(db, admin, { status: "FAILED" });
    expect(listed.map((message) => [message.id, message.retryable, message.organizationName])).toEqual([
      [signIn.id, false, null],
      [failed.id, true, "Venelles"],
    ]);

    await ensureJobSchema(process.env.DATABASE_URL!);
    const health = await queueHealth(db, admin);
    expect(health.outbox).toMatchObject({ FAILED: 2, PENDING: 0 });
    expect(health.jobs).toMatchObject({ failedLast24h: 0 });

    await expect(retryOutboxMessage(db, admin, { messageId: signIn.id })).rejects.toThrow(/lien de connexion ne se renvoie pas/);
    await retryOutboxMessage(db, admin, { messageId: failed.id });
    await expect(retryOutboxMessage(db, admin, { messageId: failed.id })).rejects.toBeInstanceOf(DomainError);
    expect(await db.auditEvent.count({ where: { action: "outbox.retried", targetId: failed.id } })).toBe(1);
    await runOutboxOnce({ db, transport: async () => {}, appUrl: "http://localhost:3000", workerId: "w-admin" });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "SENT", attempts: 1 });
  });
});
