// The history of an action in words, for its page: "Statut : à lancer → en cours". Pure and
// browser-safe; the names behind ids (members, criteria) come from the page that knows them.
import { formatFrenchDate } from "./csv";
import { ACTION_STATUS_LABELS, PRIORITY_LABELS } from "./rules";

export type HistoryEvent = { kind: string; changes: unknown };

export type HistoryNames = {
  /** The question text of a criterion key (the key itself when unknown). */
  criterion: (key: string) => string;
  /** A member's name from their id (null when no longer known). */
  member: (userId: string) => string | null;
};

type Change = { from: unknown; to: unknown };

const FIELD_ORDER = ["status", "progress", "abandonReason", "title", "description", "criteria", "ownerUserId", "ownerName", "dueOn", "priority"];

function statusLabel(value: unknown): string {
  return typeof value === "string" && value in ACTION_STATUS_LABELS ? ACTION_STATUS_LABELS[value as keyof typeof ACTION_STATUS_LABELS].toLowerCase() : "—";
}

function priorityLabel(value: unknown): string {
  return typeof value === "string" && value in PRIORITY_LABELS ? PRIORITY_LABELS[value as keyof typeof PRIORITY_LABELS].toLowerCase() : "—";
}

function dateLabel(value: unknown): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value)) return "aucune";
  return formatFrenchDate(new Date(`${value.slice(0, 10)}T00:00:00Z`));
}

function quoted(value: unknown, empty = "vide"): string {
  return typeof value === "string" && value.trim() ? `« ${value} »` : empty;
}

function isChange(value: unknown): value is Change {
  return typeof value === "object" && value !== null && "from" in value && "to" in value;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function ownerLabel(changes: Record<string, unknown>, side: "from" | "to", names: HistoryNames): string {
  const user = isChange(changes.ownerUserId) ? changes.ownerUserId[side] : undefined;
  const named = isChange(changes.ownerName) ? changes.ownerName[side] : undefined;
  if (typeof user === "string") return names.member(user) ?? "un ancien membre";
  if (typeof named === "string" && named) return named;
  // The side that did not change is not in the record: say so rather than guess.
  if (user === undefined && named === undefined) return "—";
  return "personne";
}

/** One line per changed field, in a stable order. */
export function describeChanges(changes: unknown, names: HistoryNames): string[] {
  if (typeof changes !== "object" || changes === null) return [];
  const record = changes as Record<string, unknown>;
  const lines: string[] = [];
  for (const field of FIELD_ORDER) {
    const change = record[field];
    if (!isChange(change)) continue;
    switch (field) {
      case "status":
        lines.push(`Statut : ${statusLabel(change.from)} → ${statusLabel(change.to)}`);
        break;
      case "progress":
        lines.push(`Avancement : ${String(change.from ?? 0)} % → ${String(change.to ?? 0)} %`);
        break;
      case "abandonReason":
        if (change.to) lines.push(`Motif d'abandon : ${quoted(change.to)}`);
        break;
      case "title":
        lines.push(`Titre : ${quoted(change.from)} → ${quoted(change.to)}`);
        break;
      case "description":
        lines.push("Description modifiée");
        break;
      case "criteria": {
        const before = stringList(change.from);
        const after = stringList(change.to);
        const added = after.filter((key) => !before.includes(key)).map((key) => `« ${names.criterion(key)} »`);
        const removed = before.filter((key) => !after.includes(key)).map((key) => `« ${names.criterion(key)} »`);
        if (added.length > 0) lines.push(`Critère${added.length > 1 ? "s" : ""} ajouté${added.length > 1 ? "s" : ""} : ${added.join(", ")}`);
        if (removed.length > 0) lines.push(`Critère${removed.length > 1 ? "s" : ""} retiré${removed.length > 1 ? "s" : ""} : ${removed.join(", ")}`);
        break;
      }
      case "ownerUserId":
      case "ownerName":
        // Both fields describe one owner: one line for the pair.
        if (field === "ownerName" && isChange(record.ownerUserId)) break;
        lines.push(`Responsable : ${ownerLabel(record, "from", names)} → ${ownerLabel(record, "to", names)}`);
        break;
      case "dueOn":
        lines.push(`Échéance : ${dateLabel(change.from)} → ${dateLabel(change.to)}`);
        break;
      case "priority":
        lines.push(`Priorité : ${priorityLabel(change.from)} → ${priorityLabel(change.to)}`);
        break;
    }
  }
  return lines;
}

/** The event in words: a summary and, for a change, one line per field. */
export function describeEvent(event: HistoryEvent, names: HistoryNames): { summary: string; details: string[] } {
  const changes = (typeof event.changes === "object" && event.changes !== null ? event.changes : {}) as Record<string, unknown>;
  switch (event.kind) {
    case "created":
      return {
        summary: changes.source === "measure" ? "Action créée à partir d'une mesure recommandée" : "Action créée",
        details: [
          ...(typeof changes.title === "string" ? [`Titre : « ${changes.title} »`] : []),
          ...(stringList(changes.criteria).length > 0 ? [`Critères : ${stringList(changes.criteria).map((key) => `« ${names.criterion(key)} »`).join(", ")}`] : []),
        ],
      };
    case "updated":
      return { summary: "Action modifiée", details: describeChanges(changes, names) };
    case "comment_added":
      return { summary: "Commentaire ajouté", details: [] };
    case "evidence_added":
      return {
        summary: "Preuve ajoutée",
        details: [
          [typeof changes.label === "string" ? `« ${changes.label} »` : null, typeof changes.file === "string" ? `fichier ${changes.file}` : typeof changes.url === "string" ? `lien ${changes.url}` : null]
            .filter(Boolean)
            .join(" · "),
        ].filter(Boolean),
      };
    case "carried_over":
      return {
        summary: "Action reconduite dans la nouvelle campagne",
        details: [`Statut : ${statusLabel(changes.status)} · avancement ${String(changes.progress ?? 0)} %`],
      };
    default:
      return { summary: "Modification", details: [] };
  }
}
