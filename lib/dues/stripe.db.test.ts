// Each webhook scenario against the real `stripe` SDK talking to a local fake Stripe server,
// with payloads signed by stripe.webhooks.generateTestHeaderString.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FakeStripe } from "@/tests/support/fake-stripe";

// One port of this issue's range per database run (both run at once).
const fake = new FakeStripe(inject("dbKind") === "pglite" ? 27112 : 27113);
Object.assign(process.env, fake.env);

const { createPrismaClient } = await import("@/lib/db/create-client");
const { member } = await import("@/tests/support/world");
const { communeWithBilling, openRoundWithTiers } = await import("@/tests/support/dues-world");
const { duesCriterionOf } = await import("./criterion");
const { issueInvoice } = await import("./invoices");
const { handleStripeWebhook, startCardPayment } = await import("./stripe");
const { POST } = await import("@/app/api/stripe/webhook/route");

const db = createPrismaClient(process.env.DATABASE_URL!);
let roundId: string;

beforeAll(async () => {
  await fake.start();
  roundId = (await openRoundWithTiers(db)).id;
});
afterAll(async () => {
  await fake.stop();
  await db.$disconnect();
});

/** A commune whose secretary asked for the invoice and clicked « Payer par carte ». */
async function checkout() {
  const organization = await communeWithBilling(db, 126);
  const secretary = await member(db, organization.id, "SECRETARY", "secretaire");
  await issueInvoice(db, secretary, { organizationId: organization.id });
  const { url } = await startCardPayment(db, secretary, { organizationId: organization.id });
  const sessionId = url.split("/").at(-1)!;
  const dues = await db.dues.findFirstOrThrow({ where: { organizationId: organization.id } });
  return { organization, secretary, sessionId, duesId: dues.id };
}

async function send(payload: object, options: { timestamp?: number; secret?: string } = {}) {
  const { body, header } = FakeStripe.sign(payload, options);
  return handleStripeWebhook(db, body, header);
}

const payments = (duesId: string) => db.payment.findMany({ where: { duesId }, select: { status: true, amountCents: true, refundedCents: true } });
const duesOf = (duesId: string) => db.dues.findUniqueOrThrow({ where: { id: duesId }, select: { status: true, paidCents: true } });

describe("starting a card payment", () => {
  it("creates the Checkout session through the SDK from the invoice, with an idempotency key; twice gives the same session", async () => {
    const { organization, secretary, sessionId } = await checkout();
    const session = fake.sessions.get(sessionId)!;
    expect(session.amount_total).toBe(5_000);
    expect(session.metadata.invoiceNumber).toMatch(/^CCD-2026-\d{6}$/);
    expect(session.success_url).toContain(`/espace/organisations/${organization.id}/cotisation/retour?session_id={CHECKOUT_SESSION_ID}`);
    expect(fake.requests.at(-1)!.idempotencyKey).toMatch(/^checkout:/);
    const again = await startCardPayment(db, secretary, { organizationId: organization.id });
    expect(again.url.endsWith(sessionId)).toBe(true);
    expect(await db.checkoutSession.count({ where: { id: sessionId } })).toBe(1);
    // Nothing is paid until the webhook says so.
    expect(await db.payment.count({ where: { stripeCheckoutSessionId: sessionId } })).toBe(0);
  });
});

describe("the webhook", () => {
  it("records one payment for checkout.session.completed (paid), delivered twice; the dues become paid", async () => {
    const { organization, sessionId, duesId } = await checkout();
    const event = fake.event("checkout.session.completed", fake.completeSession(sessionId));
    expect(await send(event)).toEqual({ status: 200, outcome: "payment_recorded" });
    expect(await send(event)).toEqual({ status: 200, outcome: "already_processed" });
    expect(await payments(duesId)).toEqual([{ status: "SUCCEEDED", amountCents: 5_000, refundedCents: 0 }]);
    expect(await duesOf(duesId)).toEqual({ status: "PAID", paidCents: 5_000 });
    expect((await duesCriterionOf(db, organization.id, roundId)).met).toBe(true);
  });

  it("keeps one payment when completed (paid) is followed by async_payment_succeeded for the same session", async () => {
    const { sessionId, duesId } = await checkout();
    const session = fake.completeSession(sessionId);
    await send(fake.event("checkout.session.completed", session));
    expect(await send(fake.event("checkout.session.async_payment_succeeded", session))).toEqual({ status: 200, outcome: "already_recorded" });
    expect(await payments(duesId)).toHaveLength(1);
  });

  it("waits on completed with payment_status unpaid, then records on async_payment_succeeded", async () => {
    const { sessionId, duesId } = await checkout();
    const session = fake.completeSession(sessionId, "unpaid");
    expect(await send(fake.event("checkout.session.completed", session))).toEqual({ status: 200, outcome: "awaiting_async_payment" });
    expect(await payments(duesId)).toEqual([]);
    expect(await duesOf(duesId)).toEqual({ status: "DUE", paidCents: 0 });
    expect((await db.checkoutSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("AWAITING_PAYMENT");
    expect(await send(fake.event("checkout.session.async_payment_succeeded", { ...session, payment_status: "paid" }))).toEqual({ status: 200, outcome: "payment_recorded" });
    expect(await duesOf(duesId)).toEqual({ status: "PAID", paidCents: 5_000 });
  });

  it("records nothing on async_payment_failed: the dues stay to pay", async () => {
    const { sessionId, duesId } = await checkout();
    const session = fake.completeSession(sessionId, "unpaid");
    await send(fake.event("checkout.session.completed", session));
    expect(await send(fake.event("checkout.session.async_payment_failed", session))).toEqual({ status: 200, outcome: "async_payment_failed" });
    expect(await payments(duesId)).toEqual([]);
    expect((await db.checkoutSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("FAILED");
    expect(await duesOf(duesId)).toEqual({ status: "DUE", paidCents: 0 });
  });

  it("handles events out of order: async_payment_succeeded before completed (unpaid) leaves one payment, still paid", async () => {
    const { sessionId, duesId } = await checkout();
    const session = fake.completeSession(sessionId, "paid");
    const late = fake.event("checkout.session.completed", { ...session, payment_status: "unpaid" }, { created: Math.floor(Date.now() / 1000) - 60 });
    await send(fake.event("checkout.session.async_payment_succeeded", session));
    expect(await send(late)).toEqual({ status: 200, outcome: "awaiting_async_payment" });
    expect(await payments(duesId)).toHaveLength(1);
    expect((await db.checkoutSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("PAID");
    expect(await duesOf(duesId)).toEqual({ status: "PAID", paidCents: 5_000 });
  });

  it("reopens the dues on a refund, once however often it arrives", async () => {
    const { organization, sessionId, duesId } = await checkout();
    await send(fake.event("checkout.session.completed", fake.completeSession(sessionId)));
    const refund = fake.refundEvent(sessionId);
    expect(await send(refund)).toEqual({ status: 200, outcome: "refund_recorded" });
    expect(await send(refund)).toEqual({ status: 200, outcome: "already_processed" });
    expect(await send(fake.refundEvent(sessionId))).toEqual({ status: 200, outcome: "already_recorded" });
    expect(await payments(duesId)).toEqual([{ status: "REFUNDED", amountCents: 5_000, refundedCents: 5_000 }]);
    expect(await duesOf(duesId)).toEqual({ status: "DUE", paidCents: 0 });
    expect((await duesCriterionOf(db, organization.id, roundId)).met).toBe(false);
    expect(await db.auditEvent.count({ where: { organizationId: organization.id, action: "dues.reopened" } })).toBe(1);
  });

  it("refuses unsigned, forged and week-old events, recording nothing", async () => {
    const { sessionId, duesId } = await checkout();
    const event = fake.event("checkout.session.completed", fake.completeSession(sessionId));
    const before = await db.stripeEvent.count();
    expect((await handleStripeWebhook(db, JSON.stringify(event), null)).status).toBe(400);
    expect((await send(event, { secret: "whsec_not_the_right_one" })).status).toBe(400);
    const { header } = FakeStripe.sign(event);
    expect((await handleStripeWebhook(db, JSON.stringify({ ...event, data: { object: { ...event.data.object, amount_total: 1 } } }), header)).status).toBe(400);
    expect((await send(event, { timestamp: Math.floor(Date.now() / 1000) - 7 * 24 * 3600 })).status).toBe(400);
    expect(await db.stripeEvent.count()).toBe(before);
    expect(await payments(duesId)).toEqual([]);
  });

  it("acknowledges a session it never created without recording anything", async () => {
    const stranger = { id: "cs_test_not_ours", object: "checkout.session", amount_total: 5_000, currency: "eur", payment_status: "paid", metadata: { duesId: "x" } };
    const before = await db.payment.count();
    expect(await send(fake.event("checkout.session.completed", stranger))).toEqual({ status: 200, outcome: "unknown_session" });
    expect(await db.payment.count()).toBe(before);
  });

  it("reads the raw body in the route handler", async () => {
    const { sessionId, duesId } = await checkout();
    const { body, header } = FakeStripe.sign(fake.event("checkout.session.completed", fake.completeSession(sessionId)));
    const response = await POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", body, headers: { "stripe-signature": header, "content-type": "application/json" } }));
    expect(response.status).toBe(200);
    const forged = await POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", body, headers: { "content-type": "application/json" } }));
    expect(forged.status).toBe(400);
    expect(await payments(duesId)).toHaveLength(1);
  });
});
