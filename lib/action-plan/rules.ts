// Rules of the action plan, as pure functions shared by the server and the browser: whether the
// plan meets the label's criterion 2, and what a status change does to an action.
import { DomainError } from "@/lib/auth/errors";
import type { ActionStatus, Priority } from "@/lib/db/generated/enums";

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  TODO: "À lancer",
  IN_PROGRESS: "En cours",
  DONE: "Fait",
  ABANDONED: "Abandonné",
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  LOW: "Basse",
  MEDIUM: "Moyenne",
  HIGH: "Haute",
};

/** What the completeness rule needs to know about one action. */
export type PlanAction = { status: ActionStatus; criteria: readonly string[] };

/** Set by the round (Round.minPlanActions, Round.minPlanCriteria); 2 and 2 by default. */
export type PlanRule = { minActions: number; minCriteria: number };

export const DEFAULT_PLAN_RULE: PlanRule = { minActions: 2, minCriteria: 2 };

export type PlanCompleteness = {
  complete: boolean;
  /** Actions that count: every action except the abandoned ones. */
  actionCount: number;
  /** Distinct questionnaire criteria (question keys) those actions address. */
  distinctCriteria: number;
  /** French sentences saying plainly what is missing; empty when complete. */
  missing: string[];
};

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Criterion 2 of the label: at least `minActions` actions addressing at least `minCriteria`
 * distinct questionnaire criteria. Abandoned actions count for neither (an abandoned action is
 * not a plan). An action counts once however many criteria it addresses; a criterion counts once
 * however many actions address it. Done actions count: they are the plan carried out.
 */
export function planCompleteness(actions: readonly PlanAction[], rule: PlanRule = DEFAULT_PLAN_RULE): PlanCompleteness {
  const counted = actions.filter((action) => action.status !== "ABANDONED");
  const criteria = new Set(counted.flatMap((action) => action.criteria));
  const missing: string[] = [];
  const missingActions = rule.minActions - counted.length;
  if (missingActions > 0) {
    missing.push(
      counted.length === 0
        ? `Ajoutez au moins ${plural(rule.minActions, "action", "actions")} à votre plan.`
        : `Ajoutez encore ${plural(missingActions, "action", "actions")} à votre plan (il en faut au moins ${rule.minActions}).`,
    );
  }
  if (criteria.size < rule.minCriteria) {
    const target = plural(rule.minCriteria, "critère différent", "critères différents");
    const reached = criteria.size === 0 ? "elles n'en visent aucun" : `elles en visent ${criteria.size}`;
    missing.push(`Vos actions doivent viser au moins ${target} du questionnaire : ${reached}.`);
  }
  return { complete: missing.length === 0, actionCount: counted.length, distinctCriteria: criteria.size, missing };
}

/** The fields of an action a status change touches. */
export type StatusFields = {
  status: ActionStatus;
  progress: number;
  completedAt: Date | null;
  abandonReason: string | null;
};

export const ABANDON_REASON_REQUIRED = "Indiquez pourquoi l'action est abandonnée : ce motif sera lu lors du renouvellement du label.";

/**
 * Applies a requested change of status, progress or abandon reason to an action:
 * - DONE sets the progress to 100 and records when it was completed (kept if it already was);
 * - ABANDONED requires a reason; leaving ABANDONED clears the reason;
 * - any other status clears the completion date, so reopening a done action makes it unfinished
 *   again (the history keeps the former date); the progress is the one given, else unchanged;
 * - the progress must be an integer from 0 to 100 (also checked by the schema and the database).
 * Throws a DomainError (French) when the change is not allowed.
 */
export function applyStatusChange(
  current: StatusFields,
  change: { status?: ActionStatus; progress?: number; abandonReason?: string | null },
  now: Date = new Date(),
): StatusFields {
  const status = change.status ?? current.status;
  let progress = change.progress ?? current.progress;
  let completedAt = current.completedAt;
  let abandonReason = change.abandonReason !== undefined ? change.abandonReason?.trim() || null : current.abandonReason;

  if (status === "DONE") {
    progress = 100;
    completedAt = current.status === "DONE" && current.completedAt ? current.completedAt : now;
  } else {
    completedAt = null;
  }
  if (status === "ABANDONED") {
    if (!abandonReason) throw new DomainError(ABANDON_REASON_REQUIRED, "abandonReason");
  } else {
    abandonReason = null;
  }
  if (!Number.isInteger(progress) || progress < 0 || progress > 100) {
    throw new DomainError("L'avancement est un pourcentage entier de 0 à 100.", "progress");
  }
  return { status, progress, completedAt, abandonReason };
}
