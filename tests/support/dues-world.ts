// Test helpers of the dues (database tests): a round with the demo tiers, communes with billing
// details. Not imported by the application.
import type { Db } from "@/lib/db/create-client";
import { DEMO_DUES_TIERS } from "@/lib/demo/seed-demo";

/** An OPEN round of `year` whose tiers were set while it was a draft (as the trigger wants). */
export async function openRoundWithTiers(db: Db, year = 2026) {
  const round = await db.round.create({
    data: {
      year,
      name: `Campagne ${year}`,
      status: "DRAFT",
      opensAt: new Date(`${year}-03-01T00:00:00Z`),
      closesAt: new Date(`${year}-12-31T22:59:59Z`),
      labelValidUntil: new Date(`${year + 1}-12-31T22:59:59Z`),
    },
  });
  await db.duesTier.createMany({ data: DEMO_DUES_TIERS.map((tier) => ({ roundId: round.id, ...tier })) });
  return db.round.update({ where: { id: round.id }, data: { status: "OPEN" } });
}

let communes = 0;

/** A commune of the 13 (population given) with an active organization and billing details. */
export async function communeWithBilling(db: Db, population = 126, billing: Partial<{ serviceCode: string | null; commitmentNumber: string | null; legalName: string }> = {}) {
  const n = ++communes;
  const code = `13${String(500 + n).padStart(3, "0")}`;
  await db.region.upsert({ where: { code: "93" }, update: {}, create: { code: "93", name: "Provence-Alpes-Côte d'Azur" } });
  await db.department.upsert({ where: { code: "13" }, update: {}, create: { code: "13", name: "Bouches-du-Rhône", regionCode: "93" } });
  const name = `Commune-Essai-${n}`;
  await db.territory.create({
    data: { code, kind: "COMMUNE", name, searchName: name.toLowerCase(), departmentCode: "13", regionCode: "93", population, postcodes: ["13100"], cogYear: 2026 },
  });
  const organization = await db.organization.create({ data: { territoryCode: code, name, status: "ACTIVE", validatedAt: new Date() } });
  await db.billingDetails.create({
    data: {
      organizationId: organization.id,
      legalName: billing.legalName ?? `Commune de ${name}`,
      siret: "21130090100009",
      addressLine: "Place de la Mairie",
      postalCode: "13100",
      city: name,
      invoiceEmail: `mairie${n}@essai.test`,
      serviceCode: billing.serviceCode === undefined ? "FINANCES" : billing.serviceCode,
      commitmentNumber: billing.commitmentNumber === undefined ? "ENG-2026-0042" : billing.commitmentNumber,
    },
  });
  return organization;
}
