// The world each isolation case runs in: a target commune A and a neighbour commune B, both
// active members of one EPCI, that EPCI's organization, another EPCI, and one signed-in
// person per organization role in each of them and per association role. Territories are
// inserted directly (the real import is tested in lib/territories); every world has its own.
import { randomBytes, randomUUID } from "node:crypto";
import type { ActorGrants } from "@/lib/auth/grants";
import { ASSOCIATION_ROLE_PERMISSIONS, ORGANIZATION_ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/create-client";
import type { AssociationRole, OrganizationRole, OrganizationStatus, TerritoryKind } from "@/lib/db/generated/enums";
import { normalizeSearchText, searchKeysFor } from "@/lib/territories/normalize";
import { hashToken, newToken } from "@/lib/organizations/tokens";

/** Where the target commune lies; correspondents of OTHER_DEPARTMENT must see nothing of it. */
export const HOME_DEPARTMENT = "13";
export const OTHER_DEPARTMENT = "42";

export type OrganizationKey = "A" | "B" | "EPCI" | "OTHER_EPCI";

/** EXTRA: an organization a case creates beside the world's four. */
export type WorldOrganization = { key: OrganizationKey | "EXTRA"; id: string; name: string; territoryCode: string };

export type Person = {
  /** How failures name this person: "MAYOR of B", "DEPARTMENT_CORRESPONDENT (42)". */
  label: string;
  userId: string;
  email: string;
  name: string;
  sessionToken: string;
  grants: ActorGrants;
  /** Their organization in the world, if they are a member of one. */
  organization?: WorldOrganization;
};

export const ORGANIZATION_ROLES = Object.keys(ORGANIZATION_ROLE_PERMISSIONS) as OrganizationRole[];
export const ASSOCIATION_ROLES = Object.keys(ASSOCIATION_ROLE_PERMISSIONS) as AssociationRole[];

let sequence = 0;
const nextNumber = () => ++sequence;

const FAR_FUTURE = () => new Date(Date.now() + 30 * 24 * 3600_000);

type PersonRow = { person: Person; membership?: { organizationId: string; role: OrganizationRole }; association?: { role: AssociationRole; departmentCode: string } };

/** Users, their roles and live sessions, inserted in a few statements. */
async function insertPeople(db: Db, rows: PersonRow[]) {
  await db.user.createMany({ data: rows.map(({ person }) => ({ id: person.userId, email: person.email, name: person.name })) });
  const memberships = rows.flatMap(({ person, membership }) => (membership ? [{ userId: person.userId, ...membership }] : []));
  if (memberships.length > 0) await db.membership.createMany({ data: memberships });
  const grants = rows.flatMap(({ person, association }) => (association ? [{ userId: person.userId, ...association }] : []));
  if (grants.length > 0) await db.associationRoleGrant.createMany({ data: grants });
  await db.session.createMany({
    data: rows.map(({ person }) => ({ sessionToken: person.sessionToken, userId: person.userId, expires: FAR_FUTURE() })),
  });
}

function newPersonRow(label: string, place: Omit<PersonRow, "person"> & { organization?: WorldOrganization } = {}): PersonRow {
  const tag = randomBytes(4).toString("hex");
  const userId = `iso-user-${randomUUID()}`;
  const person: Person = {
    label,
    userId,
    email: `personne.${tag}@isolation.test`,
    name: `Personne ${tag}`,
    sessionToken: randomBytes(32).toString("base64url"),
    grants: {
      userId,
      memberships: place.membership ? [{ organizationId: place.membership.organizationId, role: place.membership.role }] : [],
      associationRoles: place.association ? [{ role: place.association.role, departmentCode: place.association.departmentCode }] : [],
    },
    organization: place.organization,
  };
  return { person, membership: place.membership, association: place.association };
}

async function insertReferenceData(db: Db) {
  await db.region.upsert({ where: { code: "93" }, update: {}, create: { code: "93", name: "Provence-Alpes-Côte d'Azur" } });
  await db.region.upsert({ where: { code: "84" }, update: {}, create: { code: "84", name: "Auvergne-Rhône-Alpes" } });
  await db.department.upsert({ where: { code: HOME_DEPARTMENT }, update: {}, create: { code: HOME_DEPARTMENT, name: "Bouches-du-Rhône", regionCode: "93" } });
  await db.department.upsert({ where: { code: OTHER_DEPARTMENT }, update: {}, create: { code: OTHER_DEPARTMENT, name: "Loire", regionCode: "84" } });
}

type TerritoryRow = { code: string; kind: TerritoryKind; name: string; epciCode?: string };

/** Territories with their search keys, as the import leaves them. */
async function insertTerritories(db: Db, rows: TerritoryRow[]) {
  await db.territory.createMany({
    data: rows.map((row) => ({
      code: row.code,
      kind: row.kind,
      name: row.name,
      searchName: normalizeSearchText(row.name),
      departmentCode: HOME_DEPARTMENT,
      regionCode: "93",
      population: row.kind === "EPCI" ? 40_000 : 900,
      postcodes: [],
      epciKind: row.kind === "EPCI" ? "CC" : null,
      epciCode: row.epciCode ?? null,
      cogYear: 2026,
    })),
  });
  await db.territorySearchKey.createMany({
    data: rows.flatMap((row) =>
      searchKeysFor(row.name).map(({ key, wordIndex }) => ({ key: new Uint8Array(Buffer.from(key, "utf8")), territoryCode: row.code, wordIndex })),
    ),
  });
}

/** Commune codes of the home département (13100–13999) and EPCI SIRENs, unique in the file. */
let communes = 0;
const communeCode = () => {
  const n = ++communes;
  if (n > 899) throw new Error("Trop de territoires de test : élargissez la plage de codes dans tests/isolation/world.ts.");
  return `${HOME_DEPARTMENT}${String(100 + n)}`;
};
const epciCode = () => `2000${String(nextNumber()).padStart(5, "0")}`;

export type World = Awaited<ReturnType<typeof buildWorld>>;

let referenceDataReady: Promise<void> | undefined;

export async function buildWorld(db: Db, options: { targetStatus?: OrganizationStatus } = {}) {
  referenceDataReady ??= insertReferenceData(db);
  await referenceDataReady;

  const n = nextNumber();
  const homeEpci: TerritoryRow = { code: epciCode(), kind: "EPCI", name: `Communauté de communes du Val d'Essai ${n}` };
  const territories: Record<OrganizationKey, TerritoryRow> = {
    EPCI: homeEpci,
    OTHER_EPCI: { code: epciCode(), kind: "EPCI", name: `Communauté de communes des Monts Voisins ${n}` },
    A: { code: communeCode(), kind: "COMMUNE", name: `Alpha-les-Essais ${n}`, epciCode: homeEpci.code },
    B: { code: communeCode(), kind: "COMMUNE", name: `Bravo-sur-Essai ${n}`, epciCode: homeEpci.code },
  };
  await insertTerritories(db, Object.values(territories));

  const organizations = Object.fromEntries(
    (Object.keys(territories) as OrganizationKey[]).map((key) => [
      key,
      { key, id: `iso-org-${randomUUID()}`, name: territories[key].name, territoryCode: territories[key].code } satisfies WorldOrganization,
    ]),
  ) as Record<OrganizationKey, WorldOrganization>;
  const statusOf = (key: WorldOrganization["key"]): OrganizationStatus => (key === "A" ? (options.targetStatus ?? "ACTIVE") : "ACTIVE");
  await db.organization.createMany({
    data: Object.values(organizations).map((organization) => ({
      id: organization.id,
      territoryCode: organization.territoryCode,
      name: organization.name,
      status: statusOf(organization.key),
      validatedAt: statusOf(organization.key) === "ACTIVE" ? new Date() : null,
    })),
  });

  // One person per role in each organization (an EPCI referent in a commune too: the tables say
  // what it grants, the suite checks it), and per association role.
  const rows: PersonRow[] = [];
  for (const organization of Object.values(organizations)) {
    for (const role of ORGANIZATION_ROLES) {
      rows.push(newPersonRow(`${role} of ${organization.key}`, { membership: { organizationId: organization.id, role }, organization }));
    }
  }
  for (const role of ASSOCIATION_ROLES) {
    const departments = role === "DEPARTMENT_CORRESPONDENT" ? [HOME_DEPARTMENT, OTHER_DEPARTMENT] : [""];
    for (const departmentCode of departments) {
      rows.push(newPersonRow(departmentCode ? `${role} (${departmentCode})` : role, { association: { role, departmentCode } }));
    }
  }
  await insertPeople(db, rows);
  const people = rows.map((row) => row.person);

  /** People the cases create around the resource (an invitee, a requester): not callers. */
  const extras: Person[] = [];

  const world = {
    db,
    A: organizations.A,
    B: organizations.B,
    epci: organizations.EPCI,
    otherEpci: organizations.OTHER_EPCI,
    /** The four above, and those the helpers add (EXTRA). */
    organizations: Object.values(organizations),
    /** Everyone the suite calls as. */
    people,
    extras,

    /** A signed-in person with no role anywhere. */
    async newPerson(label = "newcomer"): Promise<Person> {
      const row = newPersonRow(label);
      await insertPeople(db, [row]);
      extras.push(row.person);
      return row.person;
    },

    /** A new member of an organization, to be the subject of a case (removed, promoted...). */
    async newMember(organization: WorldOrganization, role: OrganizationRole, label = `${role} of ${organization.key} (subject)`) {
      const row = newPersonRow(label, { membership: { organizationId: organization.id, role }, organization });
      await insertPeople(db, [row]);
      extras.push(row.person);
      const membership = await db.membership.findUniqueOrThrow({
        where: { userId_organizationId_role: { userId: row.person.userId, organizationId: organization.id, role } },
        select: { id: true },
      });
      return { person: row.person, membershipId: membership.id };
    },

    /** A pending invitation of an organization; the token is what the e-mail would carry. */
    async newInvitation(organization: WorldOrganization, email: string, role: OrganizationRole = "SECRETARY") {
      const { token, hash } = newToken();
      const invitation = await db.invitation.create({
        data: { organizationId: organization.id, email, role, tokenHash: hash, expiresAt: new Date(Date.now() + 7 * 24 * 3600_000) },
        select: { id: true },
      });
      return { invitationId: invitation.id, token, tokenHash: hashToken(token) };
    },

    /** A territory of the home EPCI that no organization acts for yet. */
    async freeTerritory(kind: TerritoryKind = "COMMUNE") {
      const row =
        kind === "EPCI"
          ? { code: epciCode(), kind, name: `Communauté de communes Libre ${nextNumber()}` }
          : { code: communeCode(), kind, name: `Libreville-sur-Essai ${nextNumber()}`, epciCode: homeEpci.code };
      await insertTerritories(db, [row]);
      return row;
    },

    /**
     * An EPCI no organization acts for yet, whose member commune already has an active
     * organization with a mayor: claiming the EPCI must give nothing on that commune.
     */
    async unclaimedEpciWithActiveCommune() {
      const epci = { code: epciCode(), kind: "EPCI" as const, name: `Communauté de communes Sans Titulaire ${nextNumber()}` };
      const commune = { code: communeCode(), kind: "COMMUNE" as const, name: `Charlie-sur-Essai ${nextNumber()}`, epciCode: epci.code };
      await insertTerritories(db, [epci, commune]);
      const organization: WorldOrganization = { key: "EXTRA", id: `iso-org-${randomUUID()}`, name: commune.name, territoryCode: commune.code };
      await db.organization.create({
        data: { id: organization.id, territoryCode: commune.code, name: commune.name, status: "ACTIVE", validatedAt: new Date() },
      });
      const mayor = newPersonRow(`MAYOR of ${commune.name} (subject)`, { membership: { organizationId: organization.id, role: "MAYOR" }, organization });
      await insertPeople(db, [mayor]);
      extras.push(mayor.person);
      world.organizations.push(organization);
      return { epciCode: epci.code, commune: organization };
    },

    /** What nobody outside A may ever be shown: A's identifiers, its people, every session token. */
    secretsOf(organization: WorldOrganization): string[] {
      const insiders = [...people, ...extras].filter((person) => person.organization?.id === organization.id);
      return [
        organization.id,
        ...insiders.flatMap((person) => [person.userId, person.email, person.name]),
        ...[...people, ...extras].map((person) => person.sessionToken),
      ];
    },
  };
  return world;
}
