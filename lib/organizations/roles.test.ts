import { describe, expect, it } from "vitest";
import { organizationRolePermissions, type Permission } from "@/lib/auth/permissions";
import { assertMayActOnMember, mayActOnHolderOf } from "./roles";

const holding = (...roles: string[]) => new Set<Permission>(roles.flatMap((role) => organizationRolePermissions(role)));
const scope = { id: "org", status: "ACTIVE" as const, departmentCode: "13", epciOrganizationId: null };

describe("mayActOnHolderOf (the role hierarchy)", () => {
  it("a secretary may act on a secretary or a champion, not on the mayor", () => {
    expect(mayActOnHolderOf(holding("SECRETARY"), ["SECRETARY"])).toBe(true);
    expect(mayActOnHolderOf(holding("SECRETARY"), ["CYBER_CHAMPION"])).toBe(true);
    expect(mayActOnHolderOf(holding("SECRETARY"), ["MAYOR"])).toBe(false);
    // Someone who is secretary and mayor holds the mayor's rights.
    expect(mayActOnHolderOf(holding("SECRETARY"), ["SECRETARY", "MAYOR"])).toBe(false);
  });
  it("a mayor may act on everyone of a commune; a champion on nobody above", () => {
    for (const role of ["SECRETARY", "MAYOR", "CYBER_CHAMPION"]) expect(mayActOnHolderOf(holding("MAYOR"), [role])).toBe(true);
    expect(mayActOnHolderOf(holding("CYBER_CHAMPION"), ["SECRETARY"])).toBe(false);
  });
  it("an unknown role grants nothing and so asks nothing, a known one asks all its rights", () => {
    expect(mayActOnHolderOf(new Set(), ["UNKNOWN"])).toBe(true);
    expect(mayActOnHolderOf(new Set(), ["CYBER_CHAMPION"])).toBe(false);
  });
});

describe("assertMayActOnMember", () => {
  const actor = (role: string) => ({ userId: "u", memberships: [{ organizationId: "org", role }], associationRoles: [] });
  it("refuses in French, naming the role above", () => {
    expect(() => assertMayActOnMember(actor("SECRETARY"), scope, ["MAYOR"], "remove")).toThrow(
      /^Vous ne pouvez pas retirer cette personne : son rôle « Maire \/ élu » comporte des droits que vous n.avez pas\./,
    );
  });
  it("lets the association's administrators act", () => {
    const admin = { userId: "a", memberships: [], associationRoles: [{ role: "ADMINISTRATOR", departmentCode: "" }] };
    expect(() => assertMayActOnMember(admin, scope, ["MAYOR"], "change")).not.toThrow();
  });
});
