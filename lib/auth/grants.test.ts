import { describe, expect, it } from "vitest";
import { associationPermissions, permissionsOn, type ActorGrants, type OrganizationScope } from "./grants";
import { MANAGING_ROLES, ORGANIZATION_ROLE_PERMISSIONS, organizationRolePermissions } from "./permissions";

const commune: OrganizationScope = { id: "org-commune", status: "ACTIVE", departmentCode: "13", epciOrganizationId: "org-epci" };
const actor = (partial: Partial<ActorGrants>): ActorGrants => ({ userId: "u", memberships: [], associationRoles: [], ...partial });

describe("permissionsOn", () => {
  it("grants a member the permissions of their roles in their organization only", () => {
    const mayor = actor({ memberships: [{ organizationId: "org-commune", role: "MAYOR" }] });
    expect(permissionsOn(mayor, commune).has("candidacy:submit")).toBe(true);
    expect(permissionsOn(mayor, { ...commune, id: "org-other" }).size).toBe(0);
  });

  it("lets the secretary prepare but not submit, and the Champion only manage the plan", () => {
    const secretary = permissionsOn(actor({ memberships: [{ organizationId: "org-commune", role: "SECRETARY" }] }), commune);
    expect(secretary.has("assessment:answer")).toBe(true);
    expect(secretary.has("candidacy:submit")).toBe(false);
    const champion = permissionsOn(actor({ memberships: [{ organizationId: "org-commune", role: "CYBER_CHAMPION" }] }), commune);
    expect(champion.has("plan:manage")).toBe(true);
    expect(champion.has("assessment:answer")).toBe(false);
    expect(champion.has("members:manage")).toBe(false);
  });

  it("combines the roles a person holds in one organization", () => {
    const both = actor({
      memberships: [
        { organizationId: "org-commune", role: "CYBER_CHAMPION" },
        { organizationId: "org-commune", role: "SECRETARY" },
      ],
    });
    expect(permissionsOn(both, commune).has("assessment:answer")).toBe(true);
  });

  it("lets an EPCI referent do the technical work of member communes, not the decisions", () => {
    const referent = actor({ memberships: [{ organizationId: "org-epci", role: "EPCI_REFERENT" }] });
    const granted = permissionsOn(referent, commune);
    expect(granted.has("assessment:answer")).toBe(true);
    expect(granted.has("candidacy:submit")).toBe(false);
    expect(granted.has("members:manage")).toBe(false);
    expect(permissionsOn(referent, { ...commune, epciOrganizationId: "org-other-epci" }).size).toBe(0);
    // A secretary of the EPCI is not a referent for its communes.
    expect(permissionsOn(actor({ memberships: [{ organizationId: "org-epci", role: "SECRETARY" }] }), commune).size).toBe(0);
  });

  it("limits members of an organization awaiting validation to seeing it", () => {
    const mayor = actor({ memberships: [{ organizationId: "org-commune", role: "MAYOR" }] });
    expect([...permissionsOn(mayor, { ...commune, status: "PENDING" })].sort()).toEqual(["members:read", "organization:read"]);
  });

  it("restricts a département correspondent to their départements", () => {
    const correspondent = actor({ associationRoles: [{ role: "DEPARTMENT_CORRESPONDENT", departmentCode: "13" }] });
    expect(permissionsOn(correspondent, commune).has("candidacy:read")).toBe(true);
    expect(permissionsOn(correspondent, { ...commune, departmentCode: "84" }).size).toBe(0);
  });

  it("refuses unknown roles (fail closed), including prototype names", () => {
    for (const role of ["SUPERUSER", "toString", "__proto__", "constructor", ""]) {
      expect(permissionsOn(actor({ memberships: [{ organizationId: "org-commune", role }] }), commune).size).toBe(0);
      expect(associationPermissions(actor({ associationRoles: [{ role, departmentCode: "" }] })).size).toBe(0);
      expect(organizationRolePermissions(role)).toEqual([]);
    }
  });
});

describe("permission table", () => {
  it("keeps at least one role able to manage members", () => {
    expect(MANAGING_ROLES).toEqual(["SECRETARY", "MAYOR"]);
  });
  it("reserves submission and the certificate to the mayor", () => {
    const holders = (permission: string) =>
      Object.entries(ORGANIZATION_ROLE_PERMISSIONS)
        .filter(([, permissions]) => (permissions as readonly string[]).includes(permission))
        .map(([role]) => role);
    expect(holders("candidacy:submit")).toEqual(["MAYOR"]);
    expect(holders("certificate:download")).toEqual(["MAYOR"]);
  });
});
