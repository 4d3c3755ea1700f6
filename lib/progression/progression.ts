// The progression of a renewing organization, on the server: for the candidacy's frozen snapshot
// (progressionForSnapshot, called inside the submission's transaction), for « Calculer ma
// progression » and the results page (getProgressionView, with the permission check), and who
// renews (isRenewalCandidate).
import "server-only";
import { requirePermission } from "@/lib/auth/access";
import { DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { findOpenRound } from "@/lib/rounds/open-round";
import { criteriaOfRound, criteriaSummary } from "./criteria";
import { findPreviousLabel, loadProgressionInput, readProgressionRound } from "./loader";
import { computeProgression, type Progression } from "./rules";

type Reader = Db | Prisma.TransactionClient;

export type { Progression } from "./rules";

/**
 * The serialisable progression of the organization in this round, or null for a first-year file
 * (no label in the previous round, or the one before when the round accepts a gap year). Checks
 * no permission: the candidacy calls it inside its own transaction, after its own check.
 */
export async function progressionForSnapshot(tx: Reader, organizationId: string, round: { id: string }): Promise<Progression | null> {
  const full = await readProgressionRound(tx, round.id);
  return computeProgression(await loadProgressionInput(tx, organizationId, full));
}

/** Whether the organization renews in this round: it held the label the round's rule looks back to. */
export async function isRenewalCandidate(db: Reader, organizationId: string, round: { id: string }): Promise<boolean> {
  const full = await readProgressionRound(db, round.id);
  return (await findPreviousLabel(db, organizationId, full)) !== null;
}

export type ProgressionView = {
  round: { id: string; year: number; name: string };
  /** The round's criteria in words, with their weights. */
  rule: ReturnType<typeof criteriaSummary> & { passingScore: number };
  /** Null: a first-year file, nothing to compare with. */
  progression: Progression | null;
  computedAt: string;
};

/**
 * The progression of the organization in the open round, for its own pages and the
 * « Calculer ma progression » button. Refused (AccessDeniedError) for anyone who may not read the
 * organization's candidacy file, whatever organization the request names.
 */
export async function getProgressionView(db: Db, actor: ActorGrants, organizationId: string): Promise<ProgressionView> {
  await requirePermission(db, actor, organizationId, "candidacy:read");
  const open = await findOpenRound(db);
  if (!open) throw new DomainError("Aucune campagne n'est ouverte : la progression se calcule pendant une campagne.");
  const round = await readProgressionRound(db, open.id);
  const { criteria } = criteriaOfRound(round.progressionCriteria);
  const progression = computeProgression(await loadProgressionInput(db, organizationId, round));
  return {
    round: { id: open.id, year: open.year, name: open.name },
    rule: { ...criteriaSummary(criteria, { minActions: round.minPlanActions, minCriteria: round.minPlanCriteria }), passingScore: criteria.passingScore },
    progression,
    computedAt: new Date().toISOString(),
  };
}
