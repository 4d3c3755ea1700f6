// The rules of a submission, as pure functions: who may submit when, and what stops it. The
// submitting transaction calls them with what it read after locking the file.
import type { CandidacyStatus } from "@/lib/db/generated/enums";
import { CRITERION_TITLES, type CriterionKey } from "./snapshot";

/**
 * What the submission requires of each criterion. The dues count once the invoice is issued:
 * a commune pays through its public accountant weeks later, so the association may examine the
 * file meanwhile; the label itself waits for the payment (lib/label/award.ts).
 */
export type CriteriaMet = Record<CriterionKey, boolean>;

/** Criterion 4 at submission: paid, or invoiced and waiting for the public accountant. */
export function duesAllowSubmission(dues: { met: boolean; invoiced: boolean }): boolean {
  return dues.met || dues.invoiced;
}

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export const SUBMISSION_MESSAGES = {
  noRound: "Aucune campagne n’est ouverte : la candidature pourra être déposée à l’ouverture de la prochaine campagne.",
  closed: (closesAt: Date) => `La campagne est close depuis le ${dayFormat.format(closesAt)} : il n’est plus possible de déposer une candidature cette année.`,
  alreadySubmitted: "La candidature est déjà déposée et attend son examen : rien n’a été envoyé de nouveau.",
  approved: "La candidature a déjà été acceptée : il n’y a rien à déposer.",
  rejected: "La candidature a été refusée pour cette campagne : la décision est définitive jusqu’à la prochaine campagne.",
  notActive: "La candidature pourra être déposée une fois l’adhésion validée par l’association.",
  lapsed: (missing: CriterionKey[]) =>
    `Le dossier n’est plus complet : ${missing.map((key) => `« ${CRITERION_TITLES[key]} »`).join(", ")} ${missing.length > 1 ? "ne sont plus remplis" : "n’est plus rempli"}${missing.includes("dues") ? " (la facture de cotisation doit au moins être émise)" : ""}. Complétez ${missing.length > 1 ? "ces critères" : "ce critère"} puis déposez de nouveau : rien n’a été envoyé.`,
};

/** The criteria not met, in the order of the label. */
export function missingCriteria(met: CriteriaMet): CriterionKey[] {
  return (Object.keys(met) as CriterionKey[]).filter((key) => !met[key]);
}

/** Statuses from which the mayor may (re)submit. */
export const SUBMITTABLE: readonly CandidacyStatus[] = ["DRAFT", "RETURNED", "WITHDRAWN"];

/**
 * Why the file cannot be submitted now, in French, or null when it can. The order matters: the
 * deadline and the status first (nothing to fix in the file), then the criteria.
 */
export function submissionRefusal(input: { status: CandidacyStatus | null; now: Date; closesAt: Date; criteria: CriteriaMet }): string | null {
  const status = input.status ?? "DRAFT";
  if (status === "SUBMITTED") return SUBMISSION_MESSAGES.alreadySubmitted;
  if (status === "APPROVED") return SUBMISSION_MESSAGES.approved;
  if (status === "REJECTED") return SUBMISSION_MESSAGES.rejected;
  if (input.now.getTime() > input.closesAt.getTime()) return SUBMISSION_MESSAGES.closed(input.closesAt);
  const missing = missingCriteria(input.criteria);
  if (missing.length > 0) return SUBMISSION_MESSAGES.lapsed(missing);
  return null;
}

/** A candidacy the mayor may withdraw: submitted and not decided yet. */
export function canWithdraw(status: CandidacyStatus): boolean {
  return status === "SUBMITTED";
}
