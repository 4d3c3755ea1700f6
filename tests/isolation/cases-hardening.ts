// Isolation cases of issue 9 (membership and deployment hardening): the commune's switch on
// its EPCI's access. Same rules as cases.ts (read its header).
import type { IsolationCases } from "./case-types";

export const HARDENING_CASES: IsolationCases = {
  "app/admin/organisations/actions.ts#reopenOrganizationAction": {
    kind: "association",
    permission: "organization:validate",
    targetStatus: "REJECTED",
    arrange: async (world) => ({ input: { organizationId: world.A.id }, organizationId: world.A.id }),
  },

  "app/espace/organisations/[organizationId]/actions.ts#setEpciAccessAction": ([false, true] as const).map((enabled) => ({
    kind: "tenant" as const,
    label: enabled ? "reopen the EPCI's access" : "switch the EPCI's access off",
    // The commune's own managers decide; the EPCI's referents (who hold the file's technical
    // permissions on A) never do, and a manager of B naming A is refused.
    permission: "members:manage" as const,
    arrange: async (world) => {
      if (enabled) await world.db.epciAccessRefusal.create({ data: { organizationId: world.A.id } });
      return { input: { organizationId: world.A.id, enabled }, organizationId: world.A.id };
    },
  })),
};
