// When the deadline reminders are due, and what they say is missing. Pure functions.
import { parisDay } from "@/lib/validation/date";

/** Days before the round closes when organizations whose file is incomplete get a reminder. */
export const REMINDER_DAYS = [30, 7] as const;
export type ReminderDay = (typeof REMINDER_DAYS)[number];

/** Calendar days (Paris) from `now` to the closing day: 0 on the closing day itself. */
export function daysUntil(closesAt: Date, now: Date): number {
  const from = Date.parse(`${parisDay(now)}T00:00:00Z`);
  const to = Date.parse(`${parisDay(closesAt)}T00:00:00Z`);
  return Math.round((to - from) / 86_400_000);
}

/**
 * The reminder due on `now`: the 30-day one from 30 days before the close, the 7-day one from
 * 7 days before; none once closed. A day missed (workers stopped) is caught up the next run;
 * each reminder is sent once anyway (idempotency key per organization and reminder).
 */
export function dueReminder(closesAt: Date, now: Date): ReminderDay | null {
  if (closesAt.getTime() <= now.getTime()) return null;
  const days = daysUntil(closesAt, now);
  if (days <= 7) return 7;
  if (days <= 30) return 30;
  return null;
}

export type CriteriaForReminder = {
  questionnaire: { met: boolean; assessmentStatus: string | null };
  plan: { complete: boolean; missing: string[] };
  champion: { met: boolean };
};

/** What is missing, in the criteria panel's words (components/candidacy/criteria-panel.tsx). */
export function missingSentences(criteria: CriteriaForReminder): string[] {
  const missing: string[] = [];
  if (!criteria.questionnaire.met) {
    missing.push(
      criteria.questionnaire.assessmentStatus === "IN_PROGRESS"
        ? "Questionnaire IMMUNITE CYBER : questionnaire commencé ; répondez aux questions restantes, ou déposez la synthèse du diagnostic Diagonal."
        : "Questionnaire IMMUNITE CYBER : répondez au questionnaire, ou déposez la synthèse du diagnostic Diagonal si un gendarme l’a fait avec vous.",
    );
  }
  if (!criteria.plan.complete) missing.push(`Plan d’action : ${criteria.plan.missing.join(" ")}`.trim());
  if (!criteria.champion.met) {
    missing.push("Cyber Champion : désignez une personne, élue ou agent, qui portera la démarche ; le critère est rempli quand elle a accepté.");
  }
  return missing;
}
