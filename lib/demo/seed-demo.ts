// Demo data for a newcomer to click through: an open round and one account per role.
// Idempotent; switched off in production (SEED_DEMO=false, default when APP_ENV=production).
import type { Db } from "@/lib/db/create-client";
import type { AssociationRole, OrganizationRole } from "@/lib/db/generated/client";
import { DEFAULT_PROGRESSION_CRITERIA } from "@/lib/progression/criteria";

export const DEMO_ROUND_YEAR = 2026;

/** Saint-Antonin-sur-Bayon (Bouches-du-Rhône, 126 inhabitants) and its métropole. */
export const DEMO_COMMUNE_CODE = "13090";
export const DEMO_EPCI_CODE = "200054807";
/** A commune whose claim waits for an administrator's validation. */
export const DEMO_PENDING_COMMUNE_CODE = "13113";

type DemoAccount = {
  email: string;
  name: string;
  organization?: { territoryCode: string; role: OrganizationRole; title: string };
  associationRole?: { role: AssociationRole; departmentCode?: string };
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "secretaire@demo.ccd.test", name: "Sophie Martin", organization: { territoryCode: DEMO_COMMUNE_CODE, role: "SECRETARY", title: "Secrétaire de mairie" } },
  { email: "maire@demo.ccd.test", name: "Jean Dupont", organization: { territoryCode: DEMO_COMMUNE_CODE, role: "MAYOR", title: "Maire" } },
  { email: "champion@demo.ccd.test", name: "Claire Bernard", organization: { territoryCode: DEMO_COMMUNE_CODE, role: "CYBER_CHAMPION", title: "Conseillère municipale" } },
  { email: "referent@demo.ccd.test", name: "Karim Haddad", organization: { territoryCode: DEMO_EPCI_CODE, role: "EPCI_REFERENT", title: "Responsable informatique mutualisée" } },
  { email: "relecteur@demo.ccd.test", name: "Anne Leroy", associationRole: { role: "REVIEWER" } },
  { email: "tresorier@demo.ccd.test", name: "Paul Girard", associationRole: { role: "TREASURER" } },
  { email: "correspondant@demo.ccd.test", name: "Luc Morel", associationRole: { role: "DEPARTMENT_CORRESPONDENT", departmentCode: "13" } },
  { email: "admin@demo.ccd.test", name: "Marie Lefèvre", associationRole: { role: "ADMINISTRATOR" } },
  { email: "nouvelle.mairie@demo.ccd.test", name: "Hélène Roux" },
];

/** Dues for the demo round, in euros, by kind and population (upper bound exclusive). */
export const DEMO_DUES_TIERS = [
  { territoryKind: "COMMUNE", minPopulation: 0, maxPopulation: 1000, amountCents: 5_000 },
  { territoryKind: "COMMUNE", minPopulation: 1000, maxPopulation: 3500, amountCents: 10_000 },
  { territoryKind: "COMMUNE", minPopulation: 3500, maxPopulation: 10000, amountCents: 20_000 },
  { territoryKind: "COMMUNE", minPopulation: 10000, maxPopulation: null, amountCents: 40_000 },
  { territoryKind: "EPCI", minPopulation: 0, maxPopulation: 50000, amountCents: 30_000 },
  { territoryKind: "EPCI", minPopulation: 50000, maxPopulation: null, amountCents: 60_000 },
] as const;

export async function isDemoSeeded(db: Db): Promise<boolean> {
  const admin = await db.user.findUnique({ where: { email: "admin@demo.ccd.test" }, select: { id: true } });
  return admin !== null;
}

export async function seedDemo(db: Db): Promise<{ roundYear: number; accounts: string[] }> {
  const territories = await db.territory.findMany({
    where: { code: { in: [DEMO_COMMUNE_CODE, DEMO_EPCI_CODE, DEMO_PENDING_COMMUNE_CODE] } },
    select: { code: true, name: true },
  });
  if (territories.length !== 3) {
    throw new Error("Les territoires de démonstration sont absents : importez d'abord les communes (npm run db:import-territories).");
  }
  const nameOf = (code: string) => territories.find((territory) => territory.code === code)!.name;

  await db.$transaction(async (tx) => {
    const round = await tx.round.upsert({
      where: { year: DEMO_ROUND_YEAR },
      update: {},
      create: {
        year: DEMO_ROUND_YEAR,
        name: `Campagne ${DEMO_ROUND_YEAR}`,
        // Prepared first: its dues tiers can only be set while the round is a draft (trigger).
        status: "DRAFT",
        opensAt: new Date(`${DEMO_ROUND_YEAR}-03-01T00:00:00Z`),
        closesAt: new Date(`${DEMO_ROUND_YEAR}-12-31T22:59:59Z`),
        labelValidUntil: new Date(`${DEMO_ROUND_YEAR + 1}-12-31T22:59:59Z`),
        // Renewal criteria of the open round, stored so they stay fixed (issue 14).
        progressionCriteria: DEFAULT_PROGRESSION_CRITERIA,
      },
    });
    for (const tier of DEMO_DUES_TIERS) {
      await tx.duesTier.upsert({
        where: { roundId_territoryKind_minPopulation: { roundId: round.id, territoryKind: tier.territoryKind, minPopulation: tier.minPopulation } },
        update: {},
        create: { roundId: round.id, ...tier },
      });
    }
    await tx.round.updateMany({ where: { id: round.id, status: "DRAFT" }, data: { status: "OPEN" } });

    const validatedAt = new Date();
    const admin = await tx.user.upsert({
      where: { email: "admin@demo.ccd.test" },
      update: {},
      create: { email: "admin@demo.ccd.test", name: "Marie Lefèvre", emailVerified: validatedAt },
    });
    const organizations = new Map<string, string>();
    for (const code of [DEMO_COMMUNE_CODE, DEMO_EPCI_CODE]) {
      const organization = await tx.organization.upsert({
        where: { territoryCode: code },
        update: {},
        create: { territoryCode: code, name: nameOf(code), status: "ACTIVE", validatedAt, validatedById: admin.id },
      });
      organizations.set(code, organization.id);
    }

    for (const account of DEMO_ACCOUNTS) {
      const user = await tx.user.upsert({
        where: { email: account.email },
        update: {},
        create: { email: account.email, name: account.name, emailVerified: validatedAt },
      });
      if (account.organization) {
        const organizationId = organizations.get(account.organization.territoryCode)!;
        await tx.membership.upsert({
          where: { userId_organizationId_role: { userId: user.id, organizationId, role: account.organization.role } },
          update: {},
          create: { userId: user.id, organizationId, role: account.organization.role, title: account.organization.title },
        });
      }
      if (account.associationRole) {
        const departmentCode = account.associationRole.departmentCode ?? "";
        await tx.associationRoleGrant.upsert({
          where: { userId_role_departmentCode: { userId: user.id, role: account.associationRole.role, departmentCode } },
          update: {},
          create: { userId: user.id, role: account.associationRole.role, departmentCode },
        });
      }
    }

    // A claim waiting for validation, so the administrator has something to review.
    const claimant = await tx.user.findUniqueOrThrow({ where: { email: "nouvelle.mairie@demo.ccd.test" } });
    const pending = await tx.organization.upsert({
      where: { territoryCode: DEMO_PENDING_COMMUNE_CODE },
      update: {},
      create: {
        territoryCode: DEMO_PENDING_COMMUNE_CODE,
        name: nameOf(DEMO_PENDING_COMMUNE_CODE),
        status: "PENDING",
        requestedById: claimant.id,
      },
    });
    await tx.membership.upsert({
      where: { userId_organizationId_role: { userId: claimant.id, organizationId: pending.id, role: "SECRETARY" } },
      update: {},
      create: { userId: claimant.id, organizationId: pending.id, role: "SECRETARY", title: "Secrétaire générale" },
    });

    await tx.auditEvent.create({
      data: { action: "demo.seeded", actorId: admin.id, data: { roundYear: DEMO_ROUND_YEAR } },
    });
    // Some thirty statements on the embedded database: on a loaded machine they exceed Prisma's 5 s.
  }, { timeout: 30_000, maxWait: 30_000 });

  return { roundYear: DEMO_ROUND_YEAR, accounts: DEMO_ACCOUNTS.map((account) => account.email) };
}
