"use client";

// The public calculator: pick a territory with the shared search, read its amount from the
// round's tiers (the same pure lookup as the invoice).
import { TerritorySearch } from "@/components/territories/territory-search";
import { formatEuros } from "@/lib/dues/money";
import { bandLabel, tierFor, type Tier } from "@/lib/dues/tiers";
import { Button, ButtonLink } from "@/components/ui/button";

const people = new Intl.NumberFormat("fr-FR");

export function DuesCalculator({ year, tiers }: { year: number; tiers: Tier[] }) {
  return (
    <TerritorySearch
      renderSelection={(territory, changeSearch) => {
        const tier = tierFor(tiers, territory.kind, territory.population);
        return (
          <div className="space-y-3 rounded-lg border border-line bg-white p-5" role="status">
            <p className="text-lg">
              <strong>{territory.name}</strong> ({territory.kind === "COMMUNE" ? "commune" : "intercommunalité"}, {people.format(territory.population)} habitants)
            </p>
            {tier ? (
              <p className="text-xl">
                Cotisation {year} : <strong>{formatEuros(tier.amountCents)}</strong> <span className="text-base text-ink-muted">({bandLabel(tier)})</span>
              </p>
            ) : (
              <p>Le montant pour ce territoire n’est pas encore fixé : écrivez à l’association.</p>
            )}
            <p className="flex flex-wrap gap-3">
              <ButtonLink href="/espace">Adhérer et préparer le dossier</ButtonLink>
              <Button variant="secondary" onClick={changeSearch}>
                Chercher un autre territoire
              </Button>
            </p>
          </div>
        );
      }}
    />
  );
}
