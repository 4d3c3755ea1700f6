// The action plan as a CSV file that opens correctly in French spreadsheet software (Excel,
// LibreOffice Calc): UTF-8 with a byte order mark (without it Excel reads accents as Windows-1252),
// ";" as separator (the French locale uses "," for decimals), CRLF line ends, fields quoted when
// needed with quotes doubled, dates as DD/MM/YYYY. Pure: the route handler reads and checks.
import type { ActionStatus, Priority } from "@/lib/db/generated/enums";
import { ACTION_STATUS_LABELS, PRIORITY_LABELS } from "./rules";

export const CSV_HEADER = ["Titre", "Critères", "Responsable", "Échéance", "Priorité", "Statut", "Avancement (%)", "Motif d'abandon"] as const;

export type CsvAction = {
  title: string;
  /** Criteria as the reader should see them (question text or key), in order. */
  criteria: readonly string[];
  /** Member's name or named person; null when nobody is in charge. */
  owner: string | null;
  /** A calendar date (stored at midnight UTC). */
  dueOn: Date | null;
  priority: Priority;
  status: ActionStatus;
  progress: number;
  abandonReason: string | null;
};

const BOM = "\uFEFF";
const SEPARATOR = ";";
const LINE_END = "\r\n";

/** DD/MM/YYYY of a calendar date stored at midnight UTC. */
export function formatFrenchDate(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${day}/${month}/${date.getUTCFullYear()}`;
}

/**
 * One field. A text starting with =, +, -, @ or a tab would be run as a formula by the
 * spreadsheet (CSV injection): it is prefixed with an apostrophe, which the spreadsheet shows as
 * text. Fields holding the separator, a quote or a line break are quoted, quotes doubled.
 */
export function csvField(value: string): string {
  let text = value.replace(/\r\n?/g, "\n");
  if (/^[=+\-@\t]/.test(text)) text = `'${text}`;
  return /[";\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function planToCsv(actions: readonly CsvAction[]): string {
  const lines = [CSV_HEADER.map(csvField).join(SEPARATOR)];
  for (const action of actions) {
    lines.push(
      [
        action.title,
        action.criteria.join(" | "),
        action.owner ?? "",
        action.dueOn ? formatFrenchDate(action.dueOn) : "",
        PRIORITY_LABELS[action.priority],
        ACTION_STATUS_LABELS[action.status],
        String(action.progress),
        action.abandonReason ?? "",
      ]
        .map(csvField)
        .join(SEPARATOR),
    );
  }
  return BOM + lines.join(LINE_END) + LINE_END;
}
