import { DataTable, type Column } from "@/components/ui/data-table";
import type { ChampionDesignationView } from "@/lib/champion/designation";

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

/** How a designation ended, in plain words. */
function ending(designation: ChampionDesignationView): string {
  switch (designation.status) {
    case "REPLACED":
      return "Remplacé par une nouvelle désignation";
    case "DECLINED":
      return "A refusé la désignation";
    case "CANCELLED":
      return designation.respondedAt ? "Rôle terminé par la collectivité" : "Désignation annulée avant réponse";
    default:
      return "—";
  }
}

/** A Champion served from their acceptance; a designation without a yes counts from its sending. */
function startOf(designation: ChampionDesignationView): Date {
  return designation.status !== "DECLINED" && designation.respondedAt ? designation.respondedAt : designation.createdAt;
}

const columns: Column<ChampionDesignationView>[] = [
  {
    header: "Personne",
    cell: (designation) => (
      <>
        <span className="font-semibold">{designation.name}</span>
        <br />
        <span className="text-sm text-ink-muted">{designation.email}</span>
      </>
    ),
  },
  { header: "Fonction", cell: (designation) => `${designation.function} (${designation.isElected ? "élu" : "agent"})` },
  { header: "Du", cell: (designation) => day.format(startOf(designation)), className: "whitespace-nowrap" },
  { header: "Au", cell: (designation) => (designation.endedAt ? day.format(designation.endedAt) : "—"), className: "whitespace-nowrap" },
  { header: "Fin", cell: ending },
];

/** Former Champions and designations that did not go through, newest first. */
export function ChampionHistory({ designations }: { designations: ChampionDesignationView[] }) {
  if (designations.length === 0) return <p>Aucun ancien Cyber Champion ni désignation passée.</p>;
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption="Anciens Cyber Champions et désignations passées, de la plus récente à la plus ancienne"
        columns={columns}
        rows={designations}
        rowClassName="align-top"
      />
    </div>
  );
}
