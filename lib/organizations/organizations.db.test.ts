import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { associationMember, createOrganization, insertTerritories, member, outsider, reload } from "@/tests/support/world";
import { lastEmailTo } from "@/tests/support/outbox";
import { acceptInvitation, inviteMember } from "./invitations";
import { joinTerritory } from "./join";
import { changeMemberRole, decideJoinRequest, removeMember } from "./members";
import { joinTerritorySchema } from "./schemas";
import { decideOrganization, listPendingOrganizations } from "./validation";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(() => insertTerritories(db));
afterAll(() => db.$disconnect());

async function counts() {
  const [organizations, memberships, joinRequests, invitations, auditEvents] = await Promise.all([
    db.organization.count(),
    db.membership.count(),
    db.joinRequest.count(),
    db.invitation.count(),
    db.auditEvent.count(),
  ]);
  return { organizations, memberships, joinRequests, invitations, auditEvents };
}

describe("claiming a territory and validation", () => {
  it("creates a pending organization with the claimant as member, then an administrator validates it", async () => {
    const secretary = await outsider(db);
    const outcome = await joinTerritory(db, secretary, joinTerritorySchema.parse({ territoryCode: "13113", role: "SECRETARY", title: "Secrétaire générale" }));
    expect(outcome.kind).toBe("claimed");

    const admin = await associationMember(db, "ADMINISTRATOR");
    const pending = await listPendingOrganizations(db, admin);
    expect(pending.map((organization) => organization.territory.code)).toContain("13113");
    expect(pending.find((organization) => organization.territory.code === "13113")?.requesterDomain).toBe("test.ccd.test");

    // Nobody else may validate.
    await expect(decideOrganization(db, await reload(db, secretary), { organizationId: outcome.organizationId, decision: "approve" })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(decideOrganization(db, await associationMember(db, "REVIEWER"), { organizationId: outcome.organizationId, decision: "approve" })).rejects.toBeInstanceOf(AccessDeniedError);

    await decideOrganization(db, admin, { organizationId: outcome.organizationId, decision: "approve" });
    const organization = await db.organization.findUniqueOrThrow({ where: { id: outcome.organizationId } });
    expect(organization.status).toBe("ACTIVE");
    expect(await db.auditEvent.count({ where: { organizationId: organization.id, action: "organization.validated" } })).toBe(1);
    await expect(decideOrganization(db, admin, { organizationId: outcome.organizationId, decision: "approve" })).rejects.toThrow(/déjà été traitée/);
  });

  it("turns a second claim into a join request, accepted by a manager", async () => {
    const organization = await createOrganization(db, "13090");
    const mayor = await member(db, organization.id, "MAYOR");
    const newcomer = await outsider(db);
    const outcome = await joinTerritory(db, newcomer, joinTerritorySchema.parse({ territoryCode: "13090", role: "CYBER_CHAMPION" }));
    expect(outcome).toMatchObject({ kind: "requested", organizationId: organization.id });
    await expect(joinTerritory(db, newcomer, joinTerritorySchema.parse({ territoryCode: "13090", role: "CYBER_CHAMPION" }))).rejects.toThrow(/déjà en attente/);

    const request = await db.joinRequest.findFirstOrThrow({ where: { userId: newcomer.userId } });
    // A member of another organization cannot decide it.
    const stranger = await member(db, (await createOrganization(db, "42218")).id, "MAYOR");
    const before = await counts();
    await expect(decideJoinRequest(db, stranger, { requestId: request.id, decision: "accept" })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await counts()).toEqual(before);

    await decideJoinRequest(db, mayor, { requestId: request.id, decision: "accept" });
    const joined = await reload(db, newcomer);
    expect(joined.memberships.map((membership) => membership.role)).toEqual(["CYBER_CHAMPION"]);
    await expect(joinTerritory(db, joined, joinTerritorySchema.parse({ territoryCode: "13090", role: "SECRETARY" }))).rejects.toThrow(/déjà membre/);
  });

  it("refuses an unknown territory and a referent role on a commune, changing nothing", async () => {
    const person = await outsider(db);
    const before = await counts();
    await expect(joinTerritory(db, person, joinTerritorySchema.parse({ territoryCode: "99999", role: "SECRETARY" }))).rejects.toThrow(/liste officielle/);
    await expect(joinTerritory(db, person, joinTerritorySchema.parse({ territoryCode: "42218", role: "EPCI_REFERENT" }))).rejects.toBeInstanceOf(DomainError);
    expect(await counts()).toEqual(before);
    expect(joinTerritorySchema.safeParse({ territoryCode: "Paris", role: "SECRETARY" }).success).toBe(false);
    expect(joinTerritorySchema.safeParse({ territoryCode: "13090", role: "ADMINISTRATOR" }).success).toBe(false);
  });
});

describe("members", () => {
  it("keeps the last manager: they cannot leave nor lose their role", async () => {
    const organization = await createOrganization(db, "200054807");
    const mayor = await member(db, organization.id, "MAYOR");
    const membership = await db.membership.findFirstOrThrow({ where: { userId: mayor.userId } });
    const before = await counts();
    await expect(removeMember(db, mayor, { membershipId: membership.id })).rejects.toThrow(/au moins une personne/);
    await expect(changeMemberRole(db, mayor, { membershipId: membership.id, role: "CYBER_CHAMPION" })).rejects.toThrow(/au moins une personne/);
    expect(await counts()).toEqual(before);

    const secretary = await member(db, organization.id, "SECRETARY");
    await removeMember(db, mayor, { membershipId: membership.id });
    expect(await db.membership.count({ where: { organizationId: organization.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { organizationId: organization.id, action: "membership.left" } })).toBe(1);
    expect((await reload(db, secretary)).memberships).toHaveLength(1);
  });

  it("refuses a forged membership id from another organization", async () => {
    const mine = await createOrganization(db, (await db.territory.create({ data: { code: "13001", kind: "COMMUNE", name: "Aix-en-Provence", searchName: "aix en provence", cogYear: 2026, departmentCode: "13" } })).code);
    const mayor = await member(db, mine.id, "MAYOR");
    const theirs = await db.membership.findFirstOrThrow({ where: { organizationId: { not: mine.id } } });
    const before = await counts();
    await expect(removeMember(db, mayor, { membershipId: theirs.id })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(changeMemberRole(db, mayor, { membershipId: theirs.id, role: "SECRETARY" })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(inviteMember(db, mayor, { organizationId: theirs.organizationId, email: "x@y.fr", role: "SECRETARY" })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await counts()).toEqual(before);
  });
});

describe("invitations of someone who no longer manages", () => {
  it("are revoked when the inviter is removed or loses the right to manage, and only then", async () => {
    const organization = await createOrganization(db, (await db.territory.create({ data: { code: "13004", kind: "COMMUNE", name: "Allauch", searchName: "allauch", cogYear: 2026, departmentCode: "13" } })).code);
    const mayor = await member(db, organization.id, "MAYOR");
    const secretary = await member(db, organization.id, "SECRETARY");
    await inviteMember(db, secretary, { organizationId: organization.id, email: "collegue@exemple.fr", role: "SECRETARY" });
    await inviteMember(db, mayor, { organizationId: organization.id, email: "adjoint@exemple.fr", role: "SECRETARY" });
    const pending = () => db.invitation.findMany({ where: { organizationId: organization.id, revokedAt: null }, select: { email: true }, orderBy: { email: "asc" } });

    // She stays a manager through a second role: her invitation stands.
    await db.membership.create({ data: { organizationId: organization.id, userId: secretary.userId, role: "CYBER_CHAMPION" } });
    const champion = await db.membership.findFirstOrThrow({ where: { userId: secretary.userId, role: "CYBER_CHAMPION" } });
    await removeMember(db, mayor, { membershipId: champion.id });
    expect((await pending()).map((invitation) => invitation.email)).toEqual(["adjoint@exemple.fr", "collegue@exemple.fr"]);

    // Made Cyber Champion (no members:manage): her invitation stops working, the mayor's stands.
    const own = await db.membership.findFirstOrThrow({ where: { userId: secretary.userId, organizationId: organization.id } });
    await changeMemberRole(db, mayor, { membershipId: own.id, role: "CYBER_CHAMPION" });
    expect((await pending()).map((invitation) => invitation.email)).toEqual(["adjoint@exemple.fr"]);
    expect(await db.auditEvent.count({ where: { organizationId: organization.id, action: "invitation.revoked" } })).toBe(1);
  });
});

describe("nobody hands out more than they hold", () => {
  it("stops a secretary from making anyone mayor, herself included, by any path", async () => {
    const organization = await createOrganization(db, (await db.territory.create({ data: { code: "13003", kind: "COMMUNE", name: "Alleins", searchName: "alleins", cogYear: 2026, departmentCode: "13" } })).code);
    const secretary = await member(db, organization.id, "SECRETARY");
    await member(db, organization.id, "MAYOR");
    const own = await db.membership.findFirstOrThrow({ where: { userId: secretary.userId } });
    const newcomer = await outsider(db);
    const request = await db.joinRequest.create({ data: { organizationId: organization.id, userId: newcomer.userId, requestedRole: "MAYOR" } });
    const before = await counts();
    await expect(changeMemberRole(db, secretary, { membershipId: own.id, role: "MAYOR" })).rejects.toThrow(/droits que vous n'avez pas/);
    await expect(inviteMember(db, secretary, { organizationId: organization.id, email: "complice@exemple.fr", role: "MAYOR" })).rejects.toThrow(/droits que vous n'avez pas/);
    await expect(decideJoinRequest(db, secretary, { requestId: request.id, decision: "accept" })).rejects.toThrow(/droits que vous n'avez pas/);
    expect(await counts()).toEqual(before);
    // She may still refuse it, and the association may accept it.
    const admin = await associationMember(db, "ADMINISTRATOR");
    await decideJoinRequest(db, admin, { requestId: request.id, decision: "accept" });
    expect((await reload(db, newcomer)).memberships.map((m) => m.role)).toEqual(["MAYOR"]);
  });
});

describe("invitations", () => {
  it("lets the invited address join once, and nobody else", async () => {
    const organization = await createOrganization(db, (await db.territory.create({ data: { code: "13002", kind: "COMMUNE", name: "Allauch", searchName: "allauch", cogYear: 2026, departmentCode: "13" } })).code);
    const mayor = await member(db, organization.id, "MAYOR");
    const invited = await outsider(db);
    await inviteMember(db, mayor, { organizationId: organization.id, email: invited.email, role: "MAYOR" });
    const mail = (await lastEmailTo(db, invited.email)).rendered;
    const token = mail.text.match(/\/invitation\/([A-Za-z0-9_-]+)/)![1]!;

    const someoneElse = await outsider(db);
    await expect(acceptInvitation(db, someoneElse, { token })).rejects.toThrow(/adressée à/);
    await acceptInvitation(db, invited, { token });
    expect((await reload(db, invited)).memberships.map((m) => m.role)).toEqual(["MAYOR"]);
    await expect(acceptInvitation(db, invited, { token })).rejects.toThrow(/déjà été acceptée/);
    await expect(acceptInvitation(db, invited, { token: "x".repeat(43) })).rejects.toThrow(/pas valide/);
  });
});
