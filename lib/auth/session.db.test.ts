import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { createOrganization, createUser, insertTerritories } from "@/tests/support/world";
import { actorFromSessionToken } from "./actor";
import { actorForSession } from "./session";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(() => insertTerritories(db));
afterAll(() => db.$disconnect());

const inAnHour = () => new Date(Date.now() + 3600_000);

/** The one-statement lookup of getActor must say exactly what actorFromSessionToken says. */
async function expectSame(token: string | undefined) {
  const expected = await actorFromSessionToken(db, token);
  expect(await actorForSession(db, token)).toEqual(expected);
  return expected;
}

describe("the actor of a request (getActor)", () => {
  it("is the person of a live session with their memberships, oldest first, and association roles", async () => {
    const user = await createUser(db, "several-roles");
    const commune = await createOrganization(db, "13090");
    const metropole = await createOrganization(db, "200054807", "PENDING");
    await db.membership.create({ data: { userId: user.id, organizationId: commune.id, role: "SECRETARY", createdAt: new Date("2026-01-02") } });
    await db.membership.create({ data: { userId: user.id, organizationId: metropole.id, role: "EPCI_REFERENT", createdAt: new Date("2026-01-01") } });
    await db.membership.create({ data: { userId: user.id, organizationId: commune.id, role: "MAYOR", createdAt: new Date("2026-01-03") } });
    await db.associationRoleGrant.create({ data: { userId: user.id, role: "DEPARTMENT_CORRESPONDENT", departmentCode: "13" } });
    await db.associationRoleGrant.create({ data: { userId: user.id, role: "REVIEWER" } });
    await db.session.create({ data: { sessionToken: "several-roles", userId: user.id, expires: inAnHour() } });

    const actor = await expectSame("several-roles");
    expect(actor).toMatchObject({
      memberships: [
        { role: "EPCI_REFERENT", organizationStatus: "PENDING" },
        { role: "SECRETARY", organizationStatus: "ACTIVE" },
        { role: "MAYOR", organizationStatus: "ACTIVE" },
      ],
    });
    expect(actor?.associationRoles).toHaveLength(2);
  });

  it("is a person with no role at all, and nobody for an expired, unknown, missing or disabled session", async () => {
    const user = await createUser(db, "no-role");
    await db.session.create({ data: { sessionToken: "no-role", userId: user.id, expires: inAnHour() } });
    await db.session.create({ data: { sessionToken: "expired", userId: user.id, expires: new Date(Date.now() - 1000) } });
    expect(await expectSame("no-role")).toMatchObject({ userId: user.id, memberships: [], associationRoles: [] });
    expect(await expectSame("expired")).toBeNull();
    expect(await expectSame("no-such-token")).toBeNull();
    expect(await expectSame(undefined)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await expectSame("no-role")).toBeNull();
  });
});
