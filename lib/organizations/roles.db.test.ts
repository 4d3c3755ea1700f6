// The role hierarchy through every membership change (lib/organizations/roles.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDeniedError } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { associationMember, createOrganization, insertTerritories, member } from "@/tests/support/world";
import { inviteMember, revokeInvitation } from "./invitations";
import { changeMemberRole, removeMember } from "./members";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(() => insertTerritories(db));
afterAll(() => db.$disconnect());

const snapshot = async (organizationId: string) => ({
  memberships: await db.membership.findMany({ where: { organizationId }, select: { id: true, role: true }, orderBy: { id: "asc" } }),
  invitations: await db.invitation.findMany({ where: { organizationId }, select: { id: true, revokedAt: true }, orderBy: { id: "asc" } }),
  audit: await db.auditEvent.count({ where: { organizationId } }),
});

describe("nobody acts on a member who holds rights they lack", () => {
  it("a secretary can neither demote nor remove the mayor, nor revoke a mayor's invitation", async () => {
    const organization = await createOrganization(db, "13090");
    const secretary = await member(db, organization.id, "SECRETARY");
    const mayor = await member(db, organization.id, "MAYOR");
    const mayorMembership = await db.membership.findFirstOrThrow({ where: { userId: mayor.userId } });
    const { invitationId } = await inviteMember(db, mayor, { organizationId: organization.id, email: "adjoint@mairie.fr", role: "MAYOR" });
    const before = await snapshot(organization.id);

    await expect(changeMemberRole(db, secretary, { membershipId: mayorMembership.id, role: "SECRETARY" })).rejects.toThrow(
      /Vous ne pouvez pas changer le rôle de cette personne : son rôle « Maire \/ élu »/,
    );
    await expect(changeMemberRole(db, secretary, { membershipId: mayorMembership.id, role: "CYBER_CHAMPION" })).rejects.toThrow(/droits que vous n'avez pas/);
    await expect(removeMember(db, secretary, { membershipId: mayorMembership.id })).rejects.toThrow(/Vous ne pouvez pas retirer cette personne/);
    await expect(revokeInvitation(db, secretary, { invitationId })).rejects.toThrow(/Vous ne pouvez pas annuler cette invitation/);
    expect(await snapshot(organization.id)).toEqual(before);

    // The mayor may act on the secretary.
    const secretaryMembership = await db.membership.findFirstOrThrow({ where: { userId: secretary.userId } });
    await changeMemberRole(db, mayor, { membershipId: secretaryMembership.id, role: "CYBER_CHAMPION" });
    await revokeInvitation(db, mayor, { invitationId });
  });

  it("a mayor who is also secretary is above a secretary through either row", async () => {
    const organization = await createOrganization(db, "13113");
    const secretary = await member(db, organization.id, "SECRETARY");
    const mayor = await member(db, organization.id, "MAYOR");
    const secondRow = await db.membership.create({ data: { userId: mayor.userId, organizationId: organization.id, role: "SECRETARY" } });
    const before = await snapshot(organization.id);
    await expect(removeMember(db, secretary, { membershipId: secondRow.id })).rejects.toThrow(/« Maire \/ élu »/);
    expect(await snapshot(organization.id)).toEqual(before);
  });

  it("a champion manages nobody; a secretary may act on a secretary", async () => {
    const organization = await createOrganization(db, "200054807");
    const champion = await member(db, organization.id, "CYBER_CHAMPION");
    const secretary = await member(db, organization.id, "SECRETARY");
    const other = await member(db, organization.id, "SECRETARY");
    const secretaryMembership = await db.membership.findFirstOrThrow({ where: { userId: secretary.userId } });
    const otherMembership = await db.membership.findFirstOrThrow({ where: { userId: other.userId } });
    await expect(removeMember(db, champion, { membershipId: secretaryMembership.id })).rejects.toBeInstanceOf(AccessDeniedError);
    await removeMember(db, secretary, { membershipId: otherMembership.id });
    expect(await db.membership.count({ where: { id: otherMembership.id } })).toBe(0);
  });

  it("the association's administrator may act on the mayor", async () => {
    const organization = await createOrganization(db, "42218");
    await member(db, organization.id, "SECRETARY");
    const mayor = await member(db, organization.id, "MAYOR");
    const admin = await associationMember(db, "ADMINISTRATOR");
    const mayorMembership = await db.membership.findFirstOrThrow({ where: { userId: mayor.userId } });
    await changeMemberRole(db, admin, { membershipId: mayorMembership.id, role: "SECRETARY" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: mayorMembership.id } })).role).toBe("SECRETARY");
    await removeMember(db, admin, { membershipId: mayorMembership.id });
  });
});
