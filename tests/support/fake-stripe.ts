// A local stand-in for Stripe, for tests: the real `stripe` SDK talks to it (STRIPE_API_HOST /
// PORT / PROTOCOL), it creates Checkout sessions (same idempotency key = same session, as
// Stripe does), serves a minimal hosted payment page, and on « Payer » sends the signed
// checkout.session.completed to the application's webhook, then returns to success_url.
// Run alone for browser tests: FAKE_STRIPE_PORT=27110 WEBHOOK_URL=… npx tsx tests/support/fake-stripe.ts
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Stripe from "stripe";

export const FAKE_STRIPE_SECRET_KEY = "sk_test_fake_ccd_0000000000000000";
export const FAKE_STRIPE_WEBHOOK_SECRET = "whsec_fake_ccd_0000000000000000";

export type FakeSession = {
  id: string;
  object: "checkout.session";
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_status: "paid" | "unpaid" | "no_payment_required";
  status: "open" | "complete" | "expired";
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
  url: string;
  mode: "payment";
};

/** The fields of a form body the SDK sends ("metadata[invoiceId]=…", "line_items[0][price_data][unit_amount]=…"). */
function formFields(body: string): Map<string, string> {
  return new Map(new URLSearchParams(body).entries());
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

const escape = (text: string) => text.replace(/[&<>"]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]!);

export class FakeStripe {
  readonly sessions = new Map<string, FakeSession>();
  readonly requests: { method: string; path: string; idempotencyKey: string | undefined }[] = [];
  private readonly byIdempotencyKey = new Map<string, string>();
  private server: Server | null = null;
  private eventCounter = 0;

  constructor(
    readonly port: number,
    /** Where « Payer » sends the signed event (the app's /api/stripe/webhook). */
    readonly webhookUrl: string | null = null,
  ) {}

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Environment for the application under test. */
  get env() {
    return { STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: FAKE_STRIPE_WEBHOOK_SECRET, STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: String(this.port), STRIPE_API_PROTOCOL: "http" };
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: String(error) } }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", this.baseUrl);
    const body = await readBody(request);
    const idempotencyKey = request.headers["idempotency-key"] as string | undefined;
    this.requests.push({ method: request.method ?? "GET", path: url.pathname, idempotencyKey });
    const json = (status: number, value: unknown) => response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));

    if (request.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      if (request.headers.authorization !== `Bearer ${FAKE_STRIPE_SECRET_KEY}`) return json(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
      const known = idempotencyKey ? this.byIdempotencyKey.get(idempotencyKey) : undefined;
      if (known) return json(200, this.sessions.get(known));
      const fields = formFields(body);
      const metadata: Record<string, string> = {};
      for (const [key, value] of fields) {
        const match = /^metadata\[(.+)\]$/.exec(key);
        if (match) metadata[match[1]!] = value;
      }
      const id = `cs_test_${randomBytes(12).toString("hex")}`;
      const session: FakeSession = {
        id,
        object: "checkout.session",
        amount_total: Number(fields.get("line_items[0][price_data][unit_amount]") ?? 0) * Number(fields.get("line_items[0][quantity]") ?? 1),
        currency: fields.get("line_items[0][price_data][currency]") ?? "eur",
        client_reference_id: fields.get("client_reference_id") ?? null,
        metadata,
        payment_status: "unpaid",
        status: "open",
        payment_intent: null,
        success_url: fields.get("success_url") ?? "",
        cancel_url: fields.get("cancel_url") ?? "",
        url: `${this.baseUrl}/pay/${id}`,
        mode: "payment",
      };
      this.sessions.set(id, session);
      if (idempotencyKey) this.byIdempotencyKey.set(idempotencyKey, id);
      return json(200, session);
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
    if (request.method === "GET" && sessionMatch) {
      const session = this.sessions.get(sessionMatch[1]!);
      return session ? json(200, session) : json(404, { error: { type: "invalid_request_error", message: "No such checkout.session" } });
    }
    const payMatch = /^\/pay\/([^/]+)$/.exec(url.pathname);
    if (payMatch) {
      const session = this.sessions.get(payMatch[1]!);
      if (!session) return response.writeHead(404).end("Session inconnue");
      if (request.method === "GET") {
        const amount = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(session.amount_total / 100);
        return response
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(
            `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Paiement (Stripe de test)</title></head><body><main><h1>Paiement de test</h1><p>Montant : ${escape(amount)}</p><form method="post"><button type="submit">Payer ${escape(amount)}</button></form><p><a href="${escape(session.cancel_url)}">Annuler</a></p></main></body></html>`,
          );
      }
      this.completeSession(session.id);
      if (this.webhookUrl) await this.deliver(this.event("checkout.session.completed", session));
      return response.writeHead(303, { location: session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id) }).end();
    }
    return json(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${request.method}: ${url.pathname})` } });
  }

  /** Marks a session paid (card) or waiting (SEPA debit: payment_status unpaid). */
  completeSession(id: string, paymentStatus: "paid" | "unpaid" = "paid"): FakeSession {
    const session = this.sessions.get(id)!;
    session.status = "complete";
    session.payment_status = paymentStatus;
    session.payment_intent ??= `pi_test_${randomBytes(10).toString("hex")}`;
    return session;
  }

  /** An event as Stripe would send it (a fresh id each time, unless given). */
  event(type: string, object: object, options: { id?: string; created?: number } = {}) {
    this.eventCounter++;
    return {
      id: options.id ?? `evt_test_${randomBytes(8).toString("hex")}`,
      object: "event",
      api_version: "2025-01-01",
      created: options.created ?? Math.floor(Date.now() / 1000),
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { ...object } },
    };
  }

  /** The charge.refunded event of a session's payment. */
  refundEvent(sessionId: string, amountRefunded?: number) {
    const session = this.sessions.get(sessionId)!;
    return this.event("charge.refunded", {
      id: `ch_test_${randomBytes(8).toString("hex")}`,
      object: "charge",
      amount: session.amount_total,
      amount_refunded: amountRefunded ?? session.amount_total,
      refunded: (amountRefunded ?? session.amount_total) >= session.amount_total,
      currency: session.currency,
      payment_intent: session.payment_intent,
    });
  }

  /** Body and signature header, signed now (or at `timestamp`) with the webhook secret. */
  static sign(payload: object, options: { timestamp?: number; secret?: string } = {}) {
    const body = JSON.stringify(payload);
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? FAKE_STRIPE_WEBHOOK_SECRET, timestamp: options.timestamp });
    return { body, header };
  }

  async deliver(payload: object): Promise<Response> {
    const { body, header } = FakeStripe.sign(payload);
    return fetch(this.webhookUrl!, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": header }, body });
  }
}

if (process.argv[1]?.endsWith("fake-stripe.ts")) {
  const port = Number(process.env.FAKE_STRIPE_PORT ?? 27110);
  const fake = await new FakeStripe(port, process.env.WEBHOOK_URL ?? null).start();
  console.log(`Fake Stripe on ${fake.baseUrl}`);
}
