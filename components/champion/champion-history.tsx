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

/** Former Champions and designations that did not go through, newest first. */
export function ChampionHistory({ designations }: { designations: ChampionDesignationView[] }) {
  if (designations.length === 0) return <p>Aucun ancien Cyber Champion ni désignation passée.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Anciens Cyber Champions et désignations passées, de la plus récente à la plus ancienne</caption>
        <thead>
          <tr className="border-b-2 border-line">
            <th scope="col" className="py-2 pr-4">
              Personne
            </th>
            <th scope="col" className="py-2 pr-4">
              Fonction
            </th>
            <th scope="col" className="py-2 pr-4">
              Du
            </th>
            <th scope="col" className="py-2 pr-4">
              Au
            </th>
            <th scope="col" className="py-2">
              Fin
            </th>
          </tr>
        </thead>
        <tbody>
          {designations.map((designation) => (
            <tr key={designation.id} className="border-b border-line align-top">
              <td className="py-2 pr-4">
                <span className="font-semibold">{designation.name}</span>
                <br />
                <span className="text-sm text-ink-muted">{designation.email}</span>
              </td>
              <td className="py-2 pr-4">
                {designation.function} ({designation.isElected ? "élu" : "agent"})
              </td>
              <td className="py-2 pr-4 whitespace-nowrap">{day.format(startOf(designation))}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{designation.endedAt ? day.format(designation.endedAt) : "—"}</td>
              <td className="py-2">{ending(designation)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
