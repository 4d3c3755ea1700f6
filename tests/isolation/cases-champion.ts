// Isolation cases of the Cyber Champion (criterion 3): its server actions, route handlers and
// pages. Same rules as cases.ts (read its header); kept apart so the feature owns its list.
import { DESIGNATION_VALIDITY_DAYS } from "@/lib/champion/designation";
import type { ChampionStatus } from "@/lib/db/generated/enums";
import { newToken } from "@/lib/organizations/tokens";
import type { IsolationCases, PageCase } from "./case-types";
import type { World } from "./world";

/** A designation of A addressed to `email`; the token is what the e-mail would carry. */
async function designationOfA(world: World, email: string, status: ChampionStatus = "PENDING") {
  const { token, hash } = newToken();
  const now = Date.now();
  const designation = await world.db.championDesignation.create({
    data: {
      organizationId: world.A.id,
      name: "Camille Essai",
      function: "Adjointe au numérique",
      email,
      isElected: true,
      status,
      tokenHash: hash,
      tokenExpiresAt: new Date(now + DESIGNATION_VALIDITY_DAYS * 24 * 3600_000),
      respondedAt: status === "ACCEPTED" ? new Date(now) : null,
    },
    select: { id: true },
  });
  return { designationId: designation.id, token };
}

export const CHAMPION_CASES: IsolationCases = {
  "app/espace/organisations/[organizationId]/champion/actions.ts#designateChampionAction": {
    kind: "tenant",
    permission: "champion:designate",
    // The organization comes in the form: members of B send A's id (a forged tenant).
    arrange: async (world) => ({
      input: { organizationId: world.A.id, name: "Camille Essai", function: "Adjointe au numérique", email: "camille.essai@isolation.test", phone: "", isElected: "true" },
      organizationId: world.A.id,
    }),
  },

  "app/espace/organisations/[organizationId]/champion/actions.ts#resendDesignationAction": {
    kind: "tenant",
    permission: "champion:designate",
    // The tenant is the designation's organization: managers of B name B beside A's designation.
    arrange: async (world) => {
      const { designationId } = await designationOfA(world, "camille.essai@isolation.test");
      return { input: { designationId }, organizationId: world.A.id };
    },
  },

  "app/espace/organisations/[organizationId]/champion/actions.ts#endDesignationAction": (["PENDING", "ACCEPTED"] as const).map((status) => ({
    kind: "tenant" as const,
    label: status === "PENDING" ? "cancel a pending designation" : "end the current Champion's role",
    permission: "champion:designate" as const,
    arrange: async (world: World) => {
      const { designationId } = await designationOfA(world, "camille.essai@isolation.test", status);
      return { input: { designationId }, organizationId: world.A.id };
    },
  })),

  "app/champion/[token]/actions.ts#respondToDesignationAction": ([true, false] as const).map((accept) => ({
    kind: "self" as const,
    label: accept ? "accept" : "decline",
    why: "A designation is bound to the e-mail address it was sent to: only that person, signed in, may accept or decline it with the link, not even a manager of the organization.",
    arrange: async (world: World) => {
      const designated = await world.newPerson("designated Champion");
      const { token } = await designationOfA(world, designated.email);
      return { input: { token, accept }, owner: designated };
    },
  })),
};

export const CHAMPION_PAGE_CASES: Record<string, PageCase> = {
  "/espace/organisations/[organizationId]/champion": { kind: "tenant", permission: "champion:read", params: (world) => ({ organizationId: world.A.id }) },
};
