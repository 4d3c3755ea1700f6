type Facts = {
  code: string;
  kind: "COMMUNE" | "EPCI";
  siren: string | null;
  population: number;
  postcodes: string[];
  department: { code: string; name: string } | null;
  region: { name: string } | null;
  epci: { name: string } | null;
};

/** The official data of a territory, as a definition list. */
export function TerritoryFacts({ territory }: { territory: Facts }) {
  const rows: Array<[string, string]> = [
    [territory.kind === "EPCI" ? "SIREN" : "Code INSEE", territory.code],
    ...(territory.kind === "COMMUNE" && territory.siren ? ([["SIREN", territory.siren]] as Array<[string, string]>) : []),
    ["Département", territory.department ? `${territory.department.name} (${territory.department.code})` : "—"],
    ["Région", territory.region?.name ?? "—"],
    ["Population", `${territory.population.toLocaleString("fr-FR")} habitants`],
    ...(territory.postcodes.length > 0 ? ([[territory.postcodes.length > 1 ? "Codes postaux" : "Code postal", territory.postcodes.join(", ")]] as Array<[string, string]>) : []),
    ...(territory.epci ? ([["Intercommunalité", territory.epci.name]] as Array<[string, string]>) : []),
  ];
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
