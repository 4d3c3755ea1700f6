// Pure rules of the review: conflicts of interest, what a decision needs, waiting time.
import type { ReviewOutcome } from "@/lib/db/generated/enums";
import { CRITERION_KEYS, CRITERION_TITLES, type CriterionKey } from "@/lib/candidacy/snapshot";

/** A file waiting longer than this is flagged in the queue. */
export const OVERDUE_DAYS = 14;

export const COMMENT_MAX_LENGTH = 2000;

export type Conflict = "member" | "epci" | "declared";

export const CONFLICT_LABELS: Record<Conflict, string> = {
  member: "Vous êtes membre de cette organisation : vous ne pouvez ni prendre ni décider ce dossier.",
  epci: "Vous êtes membre de l’intercommunalité de cette commune : vous ne pouvez ni prendre ni décider ce dossier.",
  declared: "Vous avez déclaré un conflit d’intérêts avec cette organisation : le dossier vous est masqué.",
};

/**
 * Whether a reviewer may not take or decide a file: they belong to the organization, or to the
 * organization acting for its EPCI, or they declared a conflict with it.
 */
export function conflictOf(input: {
  reviewerOrganizationIds: readonly string[];
  organizationId: string;
  epciOrganizationId: string | null;
  declared: boolean;
}): Conflict | null {
  if (input.reviewerOrganizationIds.includes(input.organizationId)) return "member";
  if (input.epciOrganizationId !== null && input.reviewerOrganizationIds.includes(input.epciOrganizationId)) return "epci";
  if (input.declared) return "declared";
  return null;
}

/** The criteria a reviewer judges; the dues are read from the treasurer's records. */
export const JUDGED_CRITERIA: readonly CriterionKey[] = ["questionnaire", "plan", "champion"];

export type CriterionVerdict = { met: boolean; comment: string };
export type CriteriaVerdicts = Record<CriterionKey, CriterionVerdict>;

export const DECISION_MESSAGES = {
  returnNeedsComment: "Pour renvoyer le dossier, écrivez au moins un commentaire sur le critère à compléter : c’est ce que la commune lira.",
  rejectNeedsReason: "Pour refuser la candidature, donnez le motif : il sera envoyé au maire et au secrétariat.",
  approveWithUnmet: (keys: CriterionKey[]) =>
    `Vous avez marqué ${keys.map((key) => `« ${CRITERION_TITLES[key]} »`).join(", ")} comme non rempli : renvoyez le dossier avec un commentaire, ou marquez le critère rempli pour accepter.`,
  tooLong: `Un commentaire ne dépasse pas ${COMMENT_MAX_LENGTH} caractères.`,
};

/** What is wrong with a decision before it is recorded, or null. */
export function decisionProblem(outcome: ReviewOutcome, verdicts: CriteriaVerdicts, reason: string): string | null {
  const comments = CRITERION_KEYS.map((key) => verdicts[key].comment.trim());
  if (comments.some((comment) => comment.length > COMMENT_MAX_LENGTH) || reason.length > COMMENT_MAX_LENGTH) return DECISION_MESSAGES.tooLong;
  if (outcome === "RETURN" && comments.every((comment) => comment === "")) return DECISION_MESSAGES.returnNeedsComment;
  if (outcome === "REJECT" && reason.trim() === "") return DECISION_MESSAGES.rejectNeedsReason;
  if (outcome === "APPROVE") {
    // The dues are a fact, not a judgement: approval may come before the payment, and the
    // label waits for it (lib/label/award.ts).
    const unmet = JUDGED_CRITERIA.filter((key) => !verdicts[key].met);
    if (unmet.length > 0) return DECISION_MESSAGES.approveWithUnmet(unmet);
  }
  return null;
}

/** Whole days a file has waited since its last submission. */
export function waitingDays(submittedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - submittedAt.getTime()) / 86_400_000));
}

export function isOverdue(submittedAt: Date, now: Date): boolean {
  return waitingDays(submittedAt, now) > OVERDUE_DAYS;
}
