// Claims: at most three pending per account, rejected territories reopened by the association,
// the validation queue one page at a time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { associationMember, member, outsider } from "@/tests/support/world";
import { MAX_PENDING_CLAIMS, joinTerritory } from "./join";
import { joinTerritorySchema } from "./schemas";
import { decideOrganization, listPendingOrganizations, reopenOrganization } from "./validation";

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const CODES = ["13001", "13002", "13003", "13004", "13005", "13006", "13007", "13008"];
beforeAll(async () => {
  await db.region.create({ data: { code: "93", name: "Provence-Alpes-Côte d'Azur" } });
  await db.department.create({ data: { code: "13", name: "Bouches-du-Rhône", regionCode: "93" } });
  for (const code of CODES) {
    await db.territory.create({ data: { code, kind: "COMMUNE", name: `Commune ${code}`, searchName: `commune ${code}`, departmentCode: "13", regionCode: "93", cogYear: 2026, postcodes: [] } });
  }
});

const claim = (actor: Awaited<ReturnType<typeof outsider>>, territoryCode: string) => joinTerritory(db, actor, joinTerritorySchema.parse({ territoryCode, role: "SECRETARY" }));

describe("pending claims", () => {
  it("stops at three per account, and a fourth is possible once one is decided", async () => {
    const person = await outsider(db);
    for (const code of CODES.slice(0, MAX_PENDING_CLAIMS)) expect((await claim(person, code)).kind).toBe("claimed");
    const before = await db.organization.count();
    await expect(claim(person, CODES[3]!)).rejects.toThrow(/déjà 3 demandes d'adhésion en attente/);
    expect(await db.organization.count()).toBe(before);

    const admin = await associationMember(db, "ADMINISTRATOR");
    const first = await db.organization.findUniqueOrThrow({ where: { territoryCode: CODES[0]! } });
    await decideOrganization(db, admin, { organizationId: first.id, decision: "approve" });
    expect((await claim(person, CODES[3]!)).kind).toBe("claimed");
  });

  it("holds under concurrent claims", async () => {
    const person = await outsider(db);
    const outcomes = await Promise.allSettled(CODES.slice(4, 8).map((code) => claim(person, code)));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(MAX_PENDING_CLAIMS);
    expect(await db.organization.count({ where: { requestedById: person.userId, status: "PENDING" } })).toBe(MAX_PENDING_CLAIMS);
  });
});

describe("a rejected territory", () => {
  it("cannot be claimed until an administrator reopens it; the new claim starts afresh", async () => {
    const admin = await associationMember(db, "ADMINISTRATOR");
    const organization = await db.organization.findUniqueOrThrow({ where: { territoryCode: CODES[1]! } });
    const formerMember = await db.membership.findFirstOrThrow({ where: { organizationId: organization.id } });
    await decideOrganization(db, admin, { organizationId: organization.id, decision: "reject", reason: "Adresse introuvable." });

    const newcomer = await outsider(db);
    await expect(claim(newcomer, CODES[1]!)).rejects.toThrow(/n'est pas ouverte/);

    // Only an administrator reopens; a secretary cannot.
    const secretary = await member(db, organization.id, "SECRETARY");
    await expect(reopenOrganization(db, secretary, { organizationId: organization.id })).rejects.toThrow();
    expect(await reopenOrganization(db, admin, { organizationId: organization.id })).toEqual({ organizationId: organization.id, changed: true });
    expect(await reopenOrganization(db, admin, { organizationId: organization.id })).toEqual({ organizationId: organization.id, changed: false });
    expect(await db.auditEvent.count({ where: { organizationId: organization.id, action: "organization.reopened" } })).toBe(1);

    expect(await claim(newcomer, CODES[1]!)).toEqual({ kind: "claimed", organizationId: organization.id, organizationName: organization.name });
    const after = await db.organization.findUniqueOrThrow({ where: { id: organization.id }, include: { memberships: true } });
    expect(after).toMatchObject({ status: "PENDING", requestedById: newcomer.userId, rejectionReason: null, reopenedAt: null });
    expect(after.memberships.map((m) => m.userId)).toEqual([newcomer.userId]);
    expect(after.memberships.some((m) => m.id === formerMember.id)).toBe(false);
  });
});

describe("the validation queue", () => {
  it("is paginated, oldest first, and clamps the page", async () => {
    const admin = await associationMember(db, "ADMINISTRATOR");
    const all = await listPendingOrganizations(db, admin, { pageSize: 1000 });
    const first = await listPendingOrganizations(db, admin, { page: 1, pageSize: 2 });
    const second = await listPendingOrganizations(db, admin, { page: 2, pageSize: 2 });
    expect(first.total).toBe(all.total);
    expect(first.pageCount).toBe(Math.ceil(all.total / 2));
    expect([...first.items, ...second.items].map((o) => o.id)).toEqual(all.items.slice(0, 4).map((o) => o.id));
    expect((await listPendingOrganizations(db, admin, { page: 999, pageSize: 2 })).page).toBe(first.pageCount);
    expect((await listPendingOrganizations(db, admin, { page: Number.NaN, pageSize: 2 })).page).toBe(1);
  });
});
