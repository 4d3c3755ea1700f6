// The recommended measures of the questionnaire results, as the plan page offers them: in the
// order of the results page (most useful first), each saying whether it is already in the plan.
// Reading the plan never starts an assessment: without one, there is simply nothing to offer.
import "server-only";
import { requirePermission } from "@/lib/auth/access";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import { getAssessmentView } from "@/lib/questionnaire/answers";
import { findOpenRound } from "@/lib/rounds/open-round";

export const MEASURE_MESSAGES = {
  noRound: "Aucune campagne n'est ouverte : les mesures recommandées apparaîtront avec le questionnaire de la prochaine campagne.",
  noAssessment: "Le questionnaire de cette campagne n'est pas encore commencé : ses résultats proposeront des mesures à ajouter au plan en un clic.",
  noMeasure: "Aucune mesure recommandée pour l'instant : elles apparaissent dès qu'une réponse du questionnaire montre un point à améliorer.",
};

export type PlanMeasure = {
  key: string;
  title: string;
  why: string;
  effort: "LOW" | "MEDIUM" | "HIGH";
  cost: "NONE" | "LOW" | "HIGH";
  potentialGain: number;
  /** The action of the plan that already carries this measure (not abandoned), if any. */
  actionId: string | null;
};

/**
 * plan:read on the organization; the questionnaire's own check (assessment:read) follows, which
 * every role reading the plan holds.
 */
export async function listPlanMeasures(db: Db, actor: ActorGrants, organizationId: string): Promise<{ measures: PlanMeasure[]; message: string | null }> {
  await requirePermission(db, actor, organizationId, "plan:read");
  const round = await findOpenRound(db);
  if (!round) return { measures: [], message: MEASURE_MESSAGES.noRound };
  const assessment = await db.assessment.findUnique({ where: { organizationId_roundId: { organizationId, roundId: round.id } }, select: { id: true } });
  if (!assessment) return { measures: [], message: MEASURE_MESSAGES.noAssessment };
  const view = await getAssessmentView(db, actor, assessment.id);
  const planned = await db.action.findMany({
    where: { organizationId, measureId: { not: null }, status: { not: "ABANDONED" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, measure: { select: { key: true } } },
  });
  const actionByMeasure = new Map<string, string>();
  for (const action of planned) if (action.measure && !actionByMeasure.has(action.measure.key)) actionByMeasure.set(action.measure.key, action.id);
  const measures = view.measures.map((measure) => ({
    key: measure.key,
    title: measure.title,
    why: measure.why,
    effort: measure.effort,
    cost: measure.cost,
    potentialGain: measure.potentialGain,
    actionId: actionByMeasure.get(measure.key) ?? null,
  }));
  return { measures, message: measures.length === 0 ? MEASURE_MESSAGES.noMeasure : null };
}
