import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { associationMember, createOrganization, insertTerritories, member } from "@/tests/support/world";
import { hasPermission, visibleOrganizationsWhere } from "./access";

const db = createPrismaClient(process.env.DATABASE_URL!);
beforeAll(() => insertTerritories(db));
afterAll(() => db.$disconnect());

describe("requirePermission on real rows", () => {
  it("lets an EPCI referent work for member communes only once the EPCI is validated", async () => {
    const commune = await createOrganization(db, "13090");
    const epci = await createOrganization(db, "200054807", "PENDING");
    const referent = await member(db, epci.id, "EPCI_REFERENT");
    expect(await hasPermission(db, referent, commune.id, "assessment:answer")).toBe(false);
    await db.organization.update({ where: { id: epci.id }, data: { status: "ACTIVE", validatedAt: new Date() } });
    expect(await hasPermission(db, referent, commune.id, "assessment:answer")).toBe(true);
    expect(await hasPermission(db, referent, commune.id, "candidacy:submit")).toBe(false);
  });

  it("treats an unknown or malformed organization id as a refusal", async () => {
    const admin = await associationMember(db, "ADMINISTRATOR");
    for (const id of ["", "x".repeat(500), "does-not-exist", "' OR 1=1 --"]) {
      expect(await hasPermission(db, admin, id, "organization:read")).toBe(false);
    }
  });

  it("shows a département correspondent the organizations of their département only", async () => {
    const stEtienne = await createOrganization(db, "42218");
    const correspondent = await associationMember(db, "DEPARTMENT_CORRESPONDENT", "42");
    const visible = await db.organization.findMany({ where: visibleOrganizationsWhere(correspondent), select: { id: true } });
    expect(visible.map((organization) => organization.id)).toEqual([stEtienne.id]);
    const reviewer = await associationMember(db, "REVIEWER");
    expect(await db.organization.count({ where: visibleOrganizationsWhere(reviewer) })).toBe(await db.organization.count());
  });
});
