// Demo of the dues: Saint-Antonin-sur-Bayon has an issued, unpaid invoice; Meyreuil has paid by
// transfer (its label is awarded by whichever of this seed and the candidacy demo runs second,
// through awardLabelIfEligible). The demo treasurer sees both. Idempotent, through the domain.
// Run by the launcher (lib/runtime/prepare-database.ts) after the candidacy demo.
import { loadActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/create-client";
import { issueInvoice } from "@/lib/dues/invoices";
import { recordTransfer } from "@/lib/dues/payments";
import { luhnValid } from "@/lib/dues/siret";
import { DEMO_COMMUNE_CODE } from "./seed-demo";
import { DEMO_COMMUNES, demoPeopleOf, ensureDemoOrganization } from "./organizations";

/** A SIRET of the mairie from the commune's SIREN: the first establishment number with a valid key. */
function demoSiret(siren: string | null): string {
  if (!siren) return "21130090100009";
  for (let nic = 10; nic < 100; nic++) {
    const siret = `${siren}000${String(nic).padStart(2, "0")}`;
    if (luhnValid(siret)) return siret;
  }
  return "21130090100009";
}

async function ensureBilling(db: Db, organizationId: string, slug: string) {
  const organization = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { territory: { select: { name: true, siren: true, postcodes: true } } } });
  const { name, siren, postcodes } = organization.territory;
  await db.billingDetails.upsert({
    where: { organizationId },
    update: {},
    create: {
      organizationId,
      legalName: `Commune de ${name}`,
      siret: demoSiret(siren),
      addressLine: "Place de la Mairie",
      postalCode: postcodes[0] ?? "13100",
      city: name,
      invoiceEmail: `comptabilite.${slug}@demo.ccd.test`,
    },
  });
}

export async function seedDuesDemo(db: Db): Promise<void> {
  const round = await db.round.findFirst({ where: { status: "OPEN" }, select: { id: true } });
  if (!round || (await db.duesTier.count({ where: { roundId: round.id } })) === 0) return;
  const treasurerUser = await db.user.findUnique({ where: { email: "tresorier@demo.ccd.test" }, select: { id: true } });
  const treasurer = treasurerUser ? await loadActor(db, treasurerUser.id) : null;

  const saintAntonin = await db.organization.findUnique({ where: { territoryCode: DEMO_COMMUNE_CODE }, select: { id: true } });
  const secretaryUser = await db.user.findUnique({ where: { email: "secretaire@demo.ccd.test" }, select: { id: true } });
  if (saintAntonin && secretaryUser) {
    await ensureBilling(db, saintAntonin.id, "saint-antonin");
    await issueInvoice(db, (await loadActor(db, secretaryUser.id))!, { organizationId: saintAntonin.id });
  }

  if (!(await db.territory.findUnique({ where: { code: DEMO_COMMUNES.MEYREUIL }, select: { code: true } }))) return;
  const meyreuil = await db.$transaction((tx) => ensureDemoOrganization(tx, DEMO_COMMUNES.MEYREUIL, demoPeopleOf("meyreuil", "Meyreuil")));
  await ensureBilling(db, meyreuil.id, "meyreuil");
  const mayor = await db.user.findUniqueOrThrow({ where: { email: "maire.meyreuil@demo.ccd.test" }, select: { id: true } });
  const invoice = await issueInvoice(db, (await loadActor(db, mayor.id))!, { organizationId: meyreuil.id });
  const dues = await db.dues.findUniqueOrThrow({ where: { id: invoice.duesId }, select: { status: true, amountCents: true, paidCents: true } });
  if (treasurer && dues.status !== "PAID") {
    await recordTransfer(db, treasurer, {
      duesId: invoice.duesId,
      receivedOn: new Date(Date.now() - 3 * 24 * 3600_000).toISOString().slice(0, 10),
      amount: ((dues.amountCents - dues.paidCents) / 100).toFixed(2),
      reference: `VIR TRESORERIE AIX ${invoice.number}`,
      mandateNumber: "2026-000137",
    });
  }
}
