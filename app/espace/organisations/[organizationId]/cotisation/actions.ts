"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { saveBillingDetails } from "@/lib/dues/billing";
import { issueInvoice } from "@/lib/dues/invoices";
import { billingDetailsSchema, organizationIdSchema } from "@/lib/dues/schemas";
import { startCardPayment } from "@/lib/dues/stripe";

// One domain call each; the organization is checked by the domain against the resource.
function refresh<T extends { organizationId: string }>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) {
    revalidatePath(`/espace/organisations/${result.data.organizationId}/cotisation`);
    revalidatePath(`/espace/organisations/${result.data.organizationId}`);
  }
  return result;
}

export async function saveBillingDetailsAction(input: unknown) {
  return refresh(await runAction(billingDetailsSchema, input, (data, actor) => saveBillingDetails(getDb(), actor, data), { message: "Coordonnées de facturation enregistrées." }));
}

export async function issueInvoiceAction(input: unknown) {
  return refresh(
    await runAction(organizationIdSchema, input, (data, actor) => issueInvoice(getDb(), actor, data), {
      message: "Facture émise : elle est envoyée à l’adresse de facturation et se télécharge ci-dessous.",
    }),
  );
}

export async function startCardPaymentAction(input: unknown) {
  return runAction(organizationIdSchema, input, (data, actor) => startCardPayment(getDb(), actor, data));
}
