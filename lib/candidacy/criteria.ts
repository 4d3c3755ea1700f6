import "server-only";
// Where an organization stands on the label's four criteria for the open round: the questionnaire
// (or the Gendarmerie's Diagonal summary), the action plan, the Cyber Champion and the dues
// (lib/dues/criterion.ts). The submission reads the same function inside its transaction, after
// the file's lock, so the page and the submission never disagree.
import { requirePermission } from "@/lib/auth/access";
import type { ActorGrants } from "@/lib/auth/grants";
import { acceptedChampionOf } from "@/lib/champion/designation";
import { planCompletenessOf } from "@/lib/action-plan/actions";
import type { PlanCompleteness } from "@/lib/action-plan/rules";
import type { Db } from "@/lib/db/create-client";
import { duesCriterionOf, type DuesCriterion } from "@/lib/dues/criterion";
import type { AssessmentStatus } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { findOpenRound, type OpenRound } from "@/lib/rounds/open-round";

export type QuestionnaireCriterion = {
  met: boolean;
  /** How it is met: the questionnaire completed on the platform, or the Diagonal summary uploaded. */
  metBy: "assessment" | "diagonal" | null;
  assessmentStatus: AssessmentStatus | null;
  completedAt: Date | null;
  diagnosedOn: Date | null;
};

export type ChampionCriterion = { met: boolean; name: string | null; acceptedAt: Date | null };

export type LabelCriteria = {
  round: Pick<OpenRound, "id" | "year" | "name" | "closesAt">;
  questionnaire: QuestionnaireCriterion;
  plan: PlanCompleteness;
  champion: ChampionCriterion;
  dues: DuesCriterion;
  /** Every criterion above is met. */
  allMet: boolean;
};

/** The criteria under a given round. Checks no permission: call it after your own check. */
export async function labelCriteriaOf(db: Db | Prisma.TransactionClient, organizationId: string, round: OpenRound): Promise<LabelCriteria> {
  // One after the other: inside a transaction they share one connection anyway.
  const assessment = await db.assessment.findUnique({
    where: { organizationId_roundId: { organizationId, roundId: round.id } },
    select: { status: true, completedAt: true },
  });
  const diagonal = await db.diagonalEvidence.findUnique({
    where: { organizationId_roundId: { organizationId, roundId: round.id } },
    select: { diagnosedOn: true, fileId: true },
  });
  const plan = await planCompletenessOf(db, organizationId, { minActions: round.minPlanActions, minCriteria: round.minPlanCriteria });
  const champion = await acceptedChampionOf(db, organizationId);
  const dues = await duesCriterionOf(db, organizationId, round.id);
  const completed = assessment?.status === "COMPLETED";
  // The Diagonal counts only with its written summary: a date alone proves nothing.
  const diagonalProof = diagonal !== null && diagonal.fileId !== null;
  const questionnaire: QuestionnaireCriterion = {
    met: completed || diagonalProof,
    metBy: completed ? "assessment" : diagonalProof ? "diagonal" : null,
    assessmentStatus: assessment?.status ?? null,
    completedAt: assessment?.completedAt ?? null,
    diagnosedOn: diagonalProof ? diagonal.diagnosedOn : null,
  };
  const championCriterion: ChampionCriterion = { met: champion !== null, name: champion?.name ?? null, acceptedAt: champion?.respondedAt ?? null };
  return {
    round: { id: round.id, year: round.year, name: round.name, closesAt: round.closesAt },
    questionnaire,
    plan,
    champion: championCriterion,
    dues,
    allMet: questionnaire.met && plan.complete && championCriterion.met && dues.met,
  };
}

/** The criteria of the open round for the organization's file, or null between campaigns. */
export async function getLabelCriteria(db: Db, actor: ActorGrants, organizationId: string): Promise<LabelCriteria | null> {
  await requirePermission(db, actor, organizationId, "candidacy:read");
  const round = await findOpenRound(db);
  return round ? labelCriteriaOf(db, organizationId, round) : null;
}
