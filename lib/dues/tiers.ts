// The dues tiers of a round: amount by territory kind and population band. Pure rules, so the
// editor, the calculator and the invoice agree on the band edges.
import type { TerritoryKind } from "@/lib/db/generated/enums";

export type Tier = { territoryKind: TerritoryKind; minPopulation: number; maxPopulation: number | null; amountCents: number };

/** The tier a territory falls in: minPopulation ≤ population < maxPopulation (null = no limit). */
export function tierFor<T extends Tier>(tiers: readonly T[], kind: TerritoryKind, population: number): T | null {
  return (
    tiers.find(
      (tier) => tier.territoryKind === kind && population >= tier.minPopulation && (tier.maxPopulation === null || population < tier.maxPopulation),
    ) ?? null
  );
}

/**
 * What is wrong with a set of tiers, in French, or an empty list. For each kind present, the
 * bands must start at 0, follow each other without gap nor overlap, and the last one has no
 * upper bound, so every territory has exactly one amount.
 */
export function tierProblems(tiers: readonly Tier[]): string[] {
  const problems: string[] = [];
  for (const kind of ["COMMUNE", "EPCI"] as const) {
    const label = kind === "COMMUNE" ? "communes" : "intercommunalités";
    const bands = tiers.filter((tier) => tier.territoryKind === kind).sort((a, b) => a.minPopulation - b.minPopulation);
    if (bands.length === 0) {
      problems.push(`Ajoutez au moins une tranche pour les ${label}.`);
      continue;
    }
    if (bands[0]!.minPopulation !== 0) problems.push(`La première tranche des ${label} doit commencer à 0 habitant.`);
    bands.forEach((band, index) => {
      if (!Number.isInteger(band.amountCents) || band.amountCents <= 0) problems.push(`Chaque tranche des ${label} doit avoir un montant positif.`);
      if (band.amountCents > 10_000_000) problems.push(`Un montant de plus de 100 000 € pour les ${label} est sans doute une erreur de saisie.`);
      const next = bands[index + 1];
      if (next) {
        if (band.maxPopulation === null) problems.push(`Seule la dernière tranche des ${label} peut être sans limite.`);
        else if (band.maxPopulation !== next.minPopulation) {
          problems.push(`Les tranches des ${label} doivent se suivre : l'une finit à ${band.maxPopulation} habitants, la suivante commence à ${next.minPopulation}.`);
        }
      } else if (band.maxPopulation !== null) {
        problems.push(`La dernière tranche des ${label} doit être sans limite haute (laissez « jusqu'à » vide).`);
      }
      if (band.maxPopulation !== null && band.maxPopulation <= band.minPopulation) {
        problems.push(`Une tranche des ${label} finit avant de commencer (${band.minPopulation} – ${band.maxPopulation}).`);
      }
    });
  }
  return [...new Set(problems)];
}

const people = new Intl.NumberFormat("fr-FR");

/** "de 1 000 à 3 499 habitants", "10 000 habitants et plus". */
export function bandLabel(tier: Pick<Tier, "minPopulation" | "maxPopulation">): string {
  if (tier.maxPopulation === null) return tier.minPopulation === 0 ? "toutes tailles" : `${people.format(tier.minPopulation)} habitants et plus`;
  if (tier.minPopulation === 0) return `moins de ${people.format(tier.maxPopulation)} habitants`;
  return `de ${people.format(tier.minPopulation)} à ${people.format(tier.maxPopulation - 1)} habitants`;
}
