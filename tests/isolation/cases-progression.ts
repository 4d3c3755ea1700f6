// Isolation cases of the renewal's progression (issue 14): « Calculer ma progression », the
// criteria editor of a round in preparation, and their pages. Same rules as cases.ts (read its
// header); kept apart so the feature owns its list.
import { DEFAULT_PROGRESSION_CRITERIA } from "@/lib/progression/criteria";
import type { IsolationCases, PageCase } from "./case-types";
import { openRound2026 } from "./open-round";
import type { World } from "./world";

/** A round in preparation, in a year no other case creates, opens or closes (they use 2030–2089, 2091, 2093 and 2098–2100). */
async function draftRound(world: World) {
  const year = 2094;
  const existing = await world.db.round.findUnique({ where: { year }, select: { id: true, status: true } });
  if (existing?.status === "DRAFT") return existing;
  if (existing) await world.db.round.delete({ where: { id: existing.id } });
  return world.db.round.create({
    data: {
      year,
      name: `Campagne ${year}`,
      status: "DRAFT",
      opensAt: new Date(`${year}-01-15T00:00:00Z`),
      closesAt: new Date(`${year}-11-30T22:59:59Z`),
      labelValidUntil: new Date(`${year + 1}-12-31T22:59:59Z`),
    },
    select: { id: true },
  });
}

export const PROGRESSION_CASES: IsolationCases = {
  "app/espace/organisations/[organizationId]/questionnaire/resultats/actions.ts#computeProgressionAction": {
    kind: "tenant",
    permission: "candidacy:read",
    // The organization comes in the input: members of B send A's id (a forged tenant).
    arrange: async (world) => {
      await openRound2026(world);
      return { input: { organizationId: world.A.id }, organizationId: world.A.id };
    },
  },

  "app/admin/campagnes/[roundId]/progression/actions.ts#updateRoundCriteriaAction": {
    kind: "association",
    permission: "round:manage",
    arrange: async (world) => {
      const round = await draftRound(world);
      const criteria = { ...DEFAULT_PROGRESSION_CRITERIA, passingScore: 50 + Math.floor(Math.random() * 40) };
      return { input: { roundId: round.id, criteria }, organizationId: world.A.id };
    },
  },
};

export const PROGRESSION_PAGE_CASES: Record<string, PageCase> = {
  // Without a round id the page says the round does not exist; the permission is checked first.
  "/admin/campagnes/[roundId]/progression": { kind: "association", permission: "round:manage" },
};
