// Stripe's webhook: public, but nothing is done without a valid signature on the raw body
// (lib/dues/stripe.ts). Exempt from the origin rule of the other route handlers: Stripe calls it.
import { getDb } from "@/lib/db/client";
import { handleStripeWebhook } from "@/lib/dues/stripe";

export const dynamic = "force-dynamic";

const MAX_BODY = 512 * 1024;

export async function POST(request: Request): Promise<Response> {
  const raw = await request.text();
  if (raw.length > MAX_BODY) return Response.json({ outcome: "Requête trop volumineuse." }, { status: 413 });
  const result = await handleStripeWebhook(getDb(), raw, request.headers.get("stripe-signature"));
  return Response.json({ outcome: result.outcome }, { status: result.status });
}
