import "server-only";
// Card payment through Stripe Checkout. The request only creates the Checkout session; the
// payment is recorded by the webhook alone (a return page proves nothing). Each event is applied
// once: its id goes into StripeEvent in the same transaction as its effect, and a payment is
// unique per Checkout session, so duplicated, late or reordered events leave one payment.
// checkout.session.completed with payment_status "unpaid" (SEPA debit) waits for
// async_payment_succeeded / _failed; a refund reopens the dues.
import Stripe from "stripe";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import { DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import { env } from "@/lib/config/env";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { lockLabelFile } from "@/lib/label/award";
import { findOpenRound } from "@/lib/rounds/open-round";
import { stripeConfigured } from "./config";
import { currentInvoiceWhere } from "./invoices";
import { MONEY_TRANSACTION } from "./numbering";
import { lineDescription } from "./pdf";
import { settleDues } from "./payments";
import { changingPublicLabels } from "@/lib/public/cache";

type Tx = Prisma.TransactionClient;

/** The Stripe SDK, pointed at STRIPE_API_HOST/PORT/PROTOCOL when set (the tests' fake); null without keys. */
export function stripeClient(): Stripe | null {
  const current = env();
  if (!stripeConfigured(current)) return null;
  return new Stripe(current.STRIPE_SECRET_KEY!, {
    ...(current.STRIPE_API_HOST ? { host: current.STRIPE_API_HOST } : {}),
    ...(current.STRIPE_API_PORT ? { port: current.STRIPE_API_PORT } : {}),
    ...(current.STRIPE_API_PROTOCOL ? { protocol: current.STRIPE_API_PROTOCOL } : {}),
    maxNetworkRetries: 1,
    timeout: 15_000,
  });
}

/**
 * « Payer par carte »: a Checkout session for what remains of the current invoice. Clicking twice
 * gives the same session (idempotency key from the invoice and the amount).
 */
export async function startCardPayment(db: Db, actor: ActorGrants, input: { organizationId: string }): Promise<{ organizationId: string; url: string }> {
  await requirePermission(db, actor, input.organizationId, "dues:pay");
  const stripe = stripeClient();
  if (!stripe) throw new DomainError("Le paiement par carte n'est pas proposé : réglez la facture par virement.");
  const round = await findOpenRound(db);
  const dues = round
    ? await db.dues.findUnique({
        where: { organizationId_roundId: { organizationId: input.organizationId, roundId: round.id } },
        select: {
          id: true,
          status: true,
          amountCents: true,
          paidCents: true,
          round: { select: { year: true } },
          invoices: { where: currentInvoiceWhere, orderBy: { sequence: "desc" }, take: 1, select: { id: true, number: true, buyer: true } },
        },
      })
    : null;
  const invoice = dues?.invoices[0];
  if (!dues || !invoice) throw new DomainError("Demandez d'abord la facture : le paiement par carte la règle.");
  if (dues.status === "PAID") throw new DomainError("Cette cotisation est déjà réglée : rien à payer.");
  const awaiting = await db.checkoutSession.findFirst({ where: { duesId: dues.id, status: "AWAITING_PAYMENT" }, select: { id: true } });
  if (awaiting) throw new DomainError("Un paiement est en cours de confirmation (prélèvement) : attendez sa confirmation avant de payer de nouveau.");
  const remaining = dues.amountCents - dues.paidCents;
  const base = `${env().APP_URL}/espace/organisations/${input.organizationId}/cotisation`;
  const metadata = { invoiceId: invoice.id, duesId: dues.id, invoiceNumber: invoice.number };
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: remaining, product_data: { name: `${lineDescription(dues.round.year)} — facture ${invoice.number}` } } }],
        client_reference_id: invoice.id,
        customer_email: (invoice.buyer as { invoiceEmail?: string }).invoiceEmail,
        metadata,
        payment_intent_data: { description: `Facture ${invoice.number}`, metadata },
        success_url: `${base}/retour?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: base,
        locale: "fr",
      },
      { idempotencyKey: `checkout:${invoice.id}:${remaining}` },
    );
  } catch (error) {
    console.error("[stripe] checkout session", error);
    throw new DomainError("Le service de paiement ne répond pas : réessayez dans quelques minutes, ou réglez par virement.");
  }
  if (!session.url) throw new DomainError("Le service de paiement n'a pas donné de page de paiement : réessayez, ou réglez par virement.");
  await db.$transaction(async (tx) => {
    const created = await tx.checkoutSession.createMany({
      data: [{ id: session.id, duesId: dues.id, invoiceId: invoice.id, amountCents: remaining, url: session.url, createdById: actor.userId }],
      skipDuplicates: true,
    });
    if (created.count > 0) {
      await recordAudit(tx, { actorId: actor.userId, organizationId: input.organizationId, action: "dues.checkout_started", targetType: "CheckoutSession", targetId: session.id, data: { invoice: invoice.number, amountCents: remaining } });
    }
  });
  return { organizationId: input.organizationId, url: session.url };
}

export type WebhookOutcome = { status: number; outcome: string };

const SESSION_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed", "checkout.session.expired"]);

/**
 * The webhook: verifies the signature on the raw body (and its timestamp, 5 minutes), then
 * applies the event once. Answers 400 to anything unsigned, forged or replayed late; 200 to
 * events applied, already applied or not ours (Stripe stops retrying them).
 */
export async function handleStripeWebhook(db: Db, rawBody: string, signature: string | null): Promise<WebhookOutcome> {
  const current = env();
  if (!stripeConfigured(current)) return { status: 400, outcome: "Paiement par carte non configuré." };
  if (!signature) return { status: 400, outcome: "Signature Stripe absente." };
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, current.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return { status: 400, outcome: "Signature Stripe invalide ou trop ancienne." };
  }
  if (SESSION_EVENTS.has(event.type)) return applySessionEvent(db, event, event.data.object as Stripe.Checkout.Session);
  if (event.type === "charge.refunded") return applyRefund(db, event, event.data.object as Stripe.Charge);
  return markProcessed(db, event, "ignored");
}

/** Records an event with no effect (not ours, or not a type we act on), once. */
async function markProcessed(db: Db, event: Stripe.Event, outcome: string): Promise<WebhookOutcome> {
  await db.stripeEvent.createMany({ data: [{ id: event.id, type: event.type, outcome }], skipDuplicates: true });
  return { status: 200, outcome };
}

/** Inserts the event id; false when it was already applied (the transaction then does nothing). */
async function claimEvent(tx: Tx, event: Stripe.Event, outcome: string): Promise<boolean> {
  const { count } = await tx.stripeEvent.createMany({ data: [{ id: event.id, type: event.type, outcome }], skipDuplicates: true });
  return count === 1;
}

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

async function applySessionEvent(db: Db, event: Stripe.Event, session: Stripe.Checkout.Session): Promise<WebhookOutcome> {
  const checkout = await db.checkoutSession.findUnique({ where: { id: session.id }, select: { id: true, duesId: true, amountCents: true, dues: { select: { organizationId: true } } } });
  if (!checkout) return markProcessed(db, event, "unknown_session");
  const organizationId = checkout.dues.organizationId;
  const paid =
    event.type === "checkout.session.async_payment_succeeded" || (event.type === "checkout.session.completed" && session.payment_status === "paid");
  const outcome = paid
    ? "payment_recorded"
    : event.type === "checkout.session.completed"
      ? session.payment_status === "unpaid"
        ? "awaiting_async_payment"
        : "ignored"
      : event.type === "checkout.session.async_payment_failed"
        ? "async_payment_failed"
        : "expired";
  return changingPublicLabels(db.$transaction(async (tx) => {
    await lockLabelFile(tx, organizationId);
    if (!(await claimEvent(tx, event, outcome))) return { status: 200, outcome: "already_processed" };
    const state = await tx.checkoutSession.findUniqueOrThrow({ where: { id: checkout.id }, select: { status: true } });
    if (!paid) {
      // A late "unpaid" or "failed" never undoes a payment already confirmed.
      if (state.status !== "PAID") {
        const status = outcome === "awaiting_async_payment" ? "AWAITING_PAYMENT" : outcome === "ignored" ? state.status : "FAILED";
        await tx.checkoutSession.update({ where: { id: checkout.id }, data: { status } });
      }
      return { status: 200, outcome };
    }
    if ((session.currency ?? "eur").toLowerCase() !== "eur" || session.amount_total !== checkout.amountCents) {
      console.error("[stripe] amount mismatch", session.id, session.amount_total, checkout.amountCents);
      await tx.stripeEvent.update({ where: { id: event.id }, data: { outcome: "amount_mismatch" } });
      return { status: 200, outcome: "amount_mismatch" };
    }
    await tx.checkoutSession.update({ where: { id: checkout.id }, data: { status: "PAID" } });
    // One payment per session, whichever of completed / async_succeeded comes first.
    const existing = await tx.payment.findUnique({ where: { stripeCheckoutSessionId: checkout.id }, select: { id: true } });
    if (existing) return { status: 200, outcome: "already_recorded" };
    const payment = await tx.payment.create({
      data: {
        duesId: checkout.duesId,
        method: "CARD",
        status: "SUCCEEDED",
        amountCents: checkout.amountCents,
        reference: session.id,
        stripeCheckoutSessionId: checkout.id,
        stripePaymentIntentId: idOf(session.payment_intent as string | Stripe.PaymentIntent | null),
        receivedAt: new Date(event.created * 1000),
      },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: null, organizationId, action: "dues.card_paid", targetType: "Payment", targetId: payment.id, data: { amountCents: checkout.amountCents, session: checkout.id, event: event.id } });
    await settleDues(tx, checkout.duesId, null);
    return { status: 200, outcome };
  }, MONEY_TRANSACTION));
}

async function applyRefund(db: Db, event: Stripe.Event, charge: Stripe.Charge): Promise<WebhookOutcome> {
  const paymentIntentId = idOf(charge.payment_intent as string | Stripe.PaymentIntent | null);
  const payment = paymentIntentId
    ? await db.payment.findUnique({ where: { stripePaymentIntentId: paymentIntentId }, select: { id: true, duesId: true, dues: { select: { organizationId: true } } } })
    : null;
  if (!payment) return markProcessed(db, event, "unknown_payment");
  const organizationId = payment.dues.organizationId;
  return changingPublicLabels(db.$transaction(async (tx) => {
    await lockLabelFile(tx, organizationId);
    if (!(await claimEvent(tx, event, "refund_recorded"))) return { status: 200, outcome: "already_processed" };
    const row = await tx.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { amountCents: true, refundedCents: true } });
    const refundedCents = Math.min(row.amountCents, Math.max(row.refundedCents, charge.amount_refunded));
    if (refundedCents === row.refundedCents) return { status: 200, outcome: "already_recorded" };
    await tx.payment.update({ where: { id: payment.id }, data: { refundedCents, status: refundedCents >= row.amountCents ? "REFUNDED" : "SUCCEEDED" } });
    await recordAudit(tx, { actorId: null, organizationId, action: "dues.card_refunded", targetType: "Payment", targetId: payment.id, data: { refundedCents, event: event.id } });
    await settleDues(tx, payment.duesId, null);
    return { status: 200, outcome: "refund_recorded" };
  }, MONEY_TRANSACTION));
}

/** The return page: what the platform knows of a session (never a proof of payment). */
export async function checkoutStatusOf(db: Db, actor: ActorGrants, input: { organizationId: string; sessionId: string }) {
  await requirePermission(db, actor, input.organizationId, "dues:read");
  const checkout = await db.checkoutSession.findUnique({ where: { id: input.sessionId.slice(0, 200) }, select: { status: true, dues: { select: { organizationId: true, status: true } } } });
  if (!checkout || checkout.dues.organizationId !== input.organizationId) return null;
  return { checkoutStatus: checkout.status, duesStatus: checkout.dues.status };
}
