import "server-only";
// The organization's billing details: who the invoice is addressed to. Edited by those who pay
// (permission dues:pay: secretary and mayor), every change audited with what changed.
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Buyer } from "./pdf";
import { billingDetailsSchema, type BillingDetailsInput } from "./schemas";

export const billingSelect = {
  legalName: true,
  siret: true,
  addressLine: true,
  addressLine2: true,
  postalCode: true,
  city: true,
  invoiceEmail: true,
  serviceCode: true,
  commitmentNumber: true,
} satisfies Prisma.BillingDetailsSelect;

export type BillingForm = { [K in keyof Buyer]: string };

/** What the form shows: the saved details, or a start from what the platform knows. */
export async function billingFormOf(db: Db, actor: ActorGrants, organizationId: string): Promise<{ saved: boolean; values: BillingForm }> {
  await requirePermission(db, actor, organizationId, "dues:read");
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      name: true,
      contactEmail: true,
      billingDetails: { select: billingSelect },
      territory: { select: { kind: true, name: true, siren: true, postcodes: true } },
    },
  });
  const saved = organization.billingDetails;
  if (saved) {
    return { saved: true, values: Object.fromEntries(Object.entries(saved).map(([key, value]) => [key, value ?? ""])) as BillingForm };
  }
  const { territory } = organization;
  return {
    saved: false,
    values: {
      legalName: territory.kind === "COMMUNE" ? `Commune de ${territory.name}` : territory.name,
      // The SIREN is known from the official geography; the NIC of the mairie's establishment is not.
      siret: territory.siren ?? "",
      addressLine: "",
      addressLine2: "",
      postalCode: territory.postcodes[0] ?? "",
      city: territory.kind === "COMMUNE" ? territory.name : "",
      invoiceEmail: organization.contactEmail ?? "",
      serviceCode: "",
      commitmentNumber: "",
    },
  };
}

export async function saveBillingDetails(db: Db, actor: ActorGrants, raw: BillingDetailsInput) {
  const input = billingDetailsSchema.parse(raw);
  await requirePermission(db, actor, input.organizationId, "dues:pay");
  const { organizationId, ...details } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.billingDetails.findUnique({ where: { organizationId }, select: billingSelect });
    await tx.billingDetails.upsert({ where: { organizationId }, create: { organizationId, ...details }, update: details });
    const changed = Object.keys(details).filter((key) => (before?.[key as keyof typeof details] ?? null) !== details[key as keyof typeof details]);
    if (changed.length > 0) {
      await recordAudit(tx, {
        actorId: actor.userId,
        organizationId,
        action: before ? "dues.billing_updated" : "dues.billing_created",
        targetType: "BillingDetails",
        targetId: organizationId,
        data: { changed, before: before ? Object.fromEntries(changed.map((key) => [key, before[key as keyof typeof before]])) : null },
      });
    }
    return { organizationId, changed };
  });
}
