// A small world for database tests: a few territories, organizations and people in roles.
// Territories are inserted directly (the full import is tested in lib/territories).
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/create-client";
import type { AssociationRole, OrganizationRole, OrganizationStatus } from "@/lib/db/generated/enums";

export async function insertTerritories(db: Db) {
  await db.region.upsert({ where: { code: "93" }, update: {}, create: { code: "93", name: "Provence-Alpes-Côte d'Azur" } });
  await db.region.upsert({ where: { code: "84" }, update: {}, create: { code: "84", name: "Auvergne-Rhône-Alpes" } });
  await db.department.upsert({ where: { code: "13" }, update: {}, create: { code: "13", name: "Bouches-du-Rhône", regionCode: "93" } });
  await db.department.upsert({ where: { code: "42" }, update: {}, create: { code: "42", name: "Loire", regionCode: "84" } });
  const rows = [
    { code: "200054807", kind: "EPCI" as const, name: "Métropole d'Aix-Marseille-Provence", departmentCode: "13", regionCode: "93", population: 1900000, epciKind: "METRO" as const },
    { code: "13090", kind: "COMMUNE" as const, name: "Saint-Antonin-sur-Bayon", departmentCode: "13", regionCode: "93", population: 126, epciCode: "200054807" },
    { code: "13113", kind: "COMMUNE" as const, name: "Venelles", departmentCode: "13", regionCode: "93", population: 8418, epciCode: "200054807" },
    { code: "42218", kind: "COMMUNE" as const, name: "Saint-Étienne", departmentCode: "42", regionCode: "84", population: 173089 },
  ];
  for (const row of rows) {
    await db.territory.upsert({
      where: { code: row.code },
      update: {},
      create: { ...row, searchName: row.name.toLowerCase(), postcodes: [], cogYear: 2026 },
    });
  }
}

let counter = 0;

export async function createUser(db: Db, label: string) {
  counter += 1;
  return db.user.create({ data: { email: `${label}.${counter}@test.ccd.test`, name: `${label} ${counter}` } });
}

export async function createOrganization(db: Db, territoryCode: string, status: OrganizationStatus = "ACTIVE") {
  const territory = await db.territory.findUniqueOrThrow({ where: { code: territoryCode } });
  return db.organization.create({
    data: { territoryCode, name: territory.name, status, validatedAt: status === "ACTIVE" ? new Date() : null },
  });
}

export async function member(db: Db, organizationId: string, role: OrganizationRole, label = role.toLowerCase()): Promise<Actor> {
  const user = await createUser(db, label);
  await db.membership.create({ data: { userId: user.id, organizationId, role } });
  return (await loadActor(db, user.id))!;
}

export async function associationMember(db: Db, role: AssociationRole, departmentCode = ""): Promise<Actor> {
  const user = await createUser(db, role.toLowerCase());
  await db.associationRoleGrant.create({ data: { userId: user.id, role, departmentCode } });
  return (await loadActor(db, user.id))!;
}

export async function outsider(db: Db): Promise<Actor> {
  const user = await createUser(db, "outsider");
  return (await loadActor(db, user.id))!;
}

/** Reloads an actor after their roles changed. */
export async function reload(db: Db, actor: Actor): Promise<Actor> {
  return (await loadActor(db, actor.userId))!;
}

/** An OPEN round of the given year, with dates that satisfy the database's checks. */
export async function createOpenRound(db: Db, year = 2026) {
  return db.round.create({
    data: {
      year,
      name: `Campagne ${year}`,
      status: "OPEN",
      opensAt: new Date(`${year}-03-01T00:00:00Z`),
      closesAt: new Date(`${year}-12-31T22:59:59Z`),
      labelValidUntil: new Date(`${year + 1}-12-31T22:59:59Z`),
    },
  });
}
