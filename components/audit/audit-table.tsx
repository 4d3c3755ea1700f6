// What happened on an organization's file, newest first: when (Paris time), who, what. The
// organization page's journal and the commune's view of its EPCI referents show the same events.
import { DataTable, type Column } from "@/components/ui/data-table";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/list";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

export type AuditRow = { id: string; createdAt: Date; action: string; actor: { name: string | null; email: string } | null };

const columns: Column<AuditRow>[] = [
  { header: "Date", cell: (event) => dateFormat.format(event.createdAt) },
  { header: "Qui", cell: (event) => event.actor?.name ?? event.actor?.email ?? "—" },
  // An action the labels do not know yet still shows, by its code.
  { header: "Quoi", cell: (event) => AUDIT_ACTION_LABELS[event.action] ?? event.action },
];

/** `empty`, where given, is said when there is nothing; the table stays in the page, hidden. */
export function AuditTable({ events, caption, empty }: { events: AuditRow[]; caption: string; empty?: string }) {
  return (
    <>
      {empty && events.length === 0 ? <p>{empty}</p> : null}
      <DataTable caption={caption} columns={columns} rows={events} hidden={events.length === 0} />
    </>
  );
}
