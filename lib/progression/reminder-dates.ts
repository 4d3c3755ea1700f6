// When a label's renewal reminders are due: 3 months and 1 month before it expires, on Paris
// calendar days (a label valid until 31 December is reminded on 30 September and 30 November).
// Pure, so the daily job and its tests agree on the dates.
import { parisDay } from "@/lib/validation/date";

export type ReminderKind = "3-months" | "1-month";

export const REMINDER_MONTHS: Record<ReminderKind, number> = { "3-months": 3, "1-month": 1 };

/** "YYYY-MM-DD" minus whole months; the day is clamped to the target month's length (31 → 30). */
export function monthsBefore(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const length = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${targetYear}-${String(targetMonth).padStart(2, "0")}-${String(Math.min(date, length)).padStart(2, "0")}`;
}

export function reminderDays(validUntil: Date): Record<ReminderKind, string> {
  const end = parisDay(validUntil);
  return { "3-months": monthsBefore(end, 3), "1-month": monthsBefore(end, 1) };
}

/**
 * The reminder due today for a label, or null. Only the latest one whose day has come: a job
 * that did not run for weeks sends the 1-month reminder, not both. Nothing once the label expired.
 */
export function dueReminder(validUntil: Date, now: Date): { kind: ReminderKind; day: string } | null {
  const today = parisDay(now);
  if (today > parisDay(validUntil)) return null;
  const days = reminderDays(validUntil);
  if (today >= days["1-month"]) return { kind: "1-month", day: days["1-month"] };
  if (today >= days["3-months"]) return { kind: "3-months", day: days["3-months"] };
  return null;
}
