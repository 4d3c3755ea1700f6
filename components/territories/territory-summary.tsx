import type { ReactNode } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import {
  departmentLabel,
  populationLabel,
  postcodesLabel,
  territoryKindLabel,
} from "./territory-labels";
import type { TerritorySearchResult } from "./territory-types";

/** What we know of the territory chosen in the search, and the next step towards the label. */
export function TerritorySummary({
  territory,
  onChangeSearch,
  children,
}: {
  territory: TerritorySearchResult;
  onChangeSearch: () => void;
  /** The next step; by default, signing in to join with this territory chosen. */
  children?: ReactNode;
}) {
  const department = departmentLabel(territory);
  const postcodes = postcodesLabel(territory.postcodes, 6);
  const rows: Array<[string, string]> = [
    ["Type", territoryKindLabel(territory)],
    ...(department ? ([["Département", department]] as Array<[string, string]>) : []),
    ...(postcodes ? ([[territory.postcodes.length > 1 ? "Codes postaux" : "Code postal", postcodes]] as Array<[string, string]>) : []),
    ["Population", populationLabel(territory.population)],
    ...(territory.kind === "COMMUNE" && territory.epciName
      ? ([["Intercommunalité", territory.epciName]] as Array<[string, string]>)
      : []),
    [territory.kind === "COMMUNE" ? "Code INSEE" : "Numéro SIREN", territory.code],
  ];

  return (
    <section
      aria-labelledby="territoire-choisi"
      className="mt-6 rounded-lg border-2 border-brand-700 bg-white p-4 shadow-sm sm:p-6"
    >
      <p className="text-sm font-semibold uppercase tracking-wide text-ink-muted">Territoire choisi</p>
      <h3 id="territoire-choisi" className="mt-1 text-2xl">
        {territory.name}
      </h3>
      <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-3 sm:gap-x-8">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt className="text-sm font-semibold text-ink-muted">{term}</dt>
            <dd className="text-base text-ink">{value}</dd>
          </div>
        ))}
      </dl>
      {children ?? (
        <>
      <div className="mt-6">
        <Notice title="Engager votre collectivité dans la démarche">
          <p>
            L’adhésion au label se fera depuis votre espace, après connexion. Munissez-vous de la synthèse du
            questionnaire IMMUNITE CYBER si vous l’avez déjà reçue.
          </p>
        </Notice>
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <ButtonLink href={`/connexion?retour=${encodeURIComponent(`/espace/rejoindre?territoire=${territory.code}`)}`}>
          Se connecter pour adhérer
        </ButtonLink>
        <Button variant="secondary" onClick={onChangeSearch}>
          Chercher un autre territoire
        </Button>
      </div>
        </>
      )}
    </section>
  );
}
