// The demo's other communes: each feature's demo (lib/demo/seed-<feature>.ts) creates the
// organizations it needs through this one helper, so two features naming the same commune get
// the same organization and the same people, whatever order they run in.
import type { Prisma } from "@/lib/db/generated/client";
import type { OrganizationRole } from "@/lib/db/generated/enums";

export type DemoPerson = { email: string; name: string; role: OrganizationRole; title: string };

/** Communes of the Bouches-du-Rhône (the demo correspondent's département) and what each shows. */
export const DEMO_COMMUNES = {
  /** Candidacy submitted, waiting for a reviewer (candidacy demo). */
  ROGNES: "13082",
  /** Candidacy returned with comments (candidacy demo). */
  VAUVENARGUES: "13111",
  /** Approved and paid by transfer: label, certificate issued (candidacy, dues, certificate demos). */
  MEYREUIL: "13060",
  /** Label whose certificate was revoked (certificate demo). */
  PUYLOUBIER: "13079",
  /** Labelled in the closed 2025 round, renewing in 2026 (renewal demo). */
  PEYNIER: "13072",
} as const;

/** The secretary and mayor of a demo commune, with addresses under demo.ccd.test. */
export function demoPeopleOf(slug: string, townName: string): DemoPerson[] {
  return [
    { email: `secretaire.${slug}@demo.ccd.test`, name: `Secrétariat de ${townName}`, role: "SECRETARY", title: "Secrétaire de mairie" },
    { email: `maire.${slug}@demo.ccd.test`, name: `Maire de ${townName}`, role: "MAYOR", title: "Maire" },
  ];
}

/** An active organization for the territory with these members (created once, then found). */
export async function ensureDemoOrganization(tx: Prisma.TransactionClient, territoryCode: string, people: DemoPerson[]): Promise<{ id: string; name: string }> {
  const territory = await tx.territory.findUniqueOrThrow({ where: { code: territoryCode }, select: { name: true } });
  const admin = await tx.user.findUnique({ where: { email: "admin@demo.ccd.test" }, select: { id: true } });
  const organization = await tx.organization.upsert({
    where: { territoryCode },
    update: {},
    create: { territoryCode, name: territory.name, status: "ACTIVE", validatedAt: new Date(), validatedById: admin?.id ?? null },
    select: { id: true, name: true },
  });
  for (const person of people) {
    const user = await tx.user.upsert({
      where: { email: person.email },
      update: {},
      create: { email: person.email, name: person.name, emailVerified: new Date() },
    });
    await tx.membership.upsert({
      where: { userId_organizationId_role: { userId: user.id, organizationId: organization.id, role: person.role } },
      update: {},
      create: { userId: user.id, organizationId: organization.id, role: person.role, title: person.title },
    });
  }
  return organization;
}
