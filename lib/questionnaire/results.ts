// What the questionnaire and results pages read: the open round's assessment of one
// organization, started on first visit by someone who may answer, with its view.
import "server-only";
import { requirePermission } from "@/lib/auth/access";
import { DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import { getAssessmentView, getOrStartAssessment } from "./answers";
import type { Cost, Effort } from "@/lib/db/generated/enums";
import { findOpenRound } from "@/lib/rounds/open-round";

export type QuestionnaireView = Awaited<ReturnType<typeof getAssessmentView>>;

export type OpenQuestionnaire =
  | { kind: "ready"; view: QuestionnaireView }
  /** No round is open, or it cannot be started (no published version, not started yet): a French message. */
  | { kind: "unavailable"; message: string };

/**
 * The organization's questionnaire for the open round. The permission is checked on the
 * organization before anything is read, so a refusal says nothing about rounds or answers.
 */
export async function openQuestionnaire(db: Db, actor: ActorGrants, organizationId: string): Promise<OpenQuestionnaire> {
  await requirePermission(db, actor, organizationId, "assessment:read");
  const round = await findOpenRound(db);
  if (!round) return { kind: "unavailable", message: "Aucune campagne n'est ouverte pour le moment : le questionnaire sera disponible à l'ouverture de la prochaine campagne." };
  try {
    const assessment = await getOrStartAssessment(db, actor, organizationId, round.id);
    return { kind: "ready", view: await getAssessmentView(db, actor, assessment.id) };
  } catch (error) {
    if (error instanceof DomainError) return { kind: "unavailable", message: error.message };
    throw error;
  }
}

export const EFFORT_LABELS: Record<Effort, string> = { LOW: "faible", MEDIUM: "moyen", HIGH: "important" };
export const COST_LABELS: Record<Cost, string> = { NONE: "gratuit", LOW: "faible", HIGH: "élevé" };
