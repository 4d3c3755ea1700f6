// Which questions a territory sees: its size band (from the population) and its kind.
// Pure and free of server code, so the browser can use it too.
import type { SizeBand, TerritoryKind } from "@/lib/db/generated/enums";

/** Smallest first: the order in which a territory grows. */
export const SIZE_BANDS = ["UNDER_1000", "FROM_1000_TO_3499", "FROM_3500_TO_9999", "FROM_10000"] as const satisfies readonly SizeBand[];

export const TERRITORY_KINDS = ["COMMUNE", "EPCI"] as const satisfies readonly TerritoryKind[];

export const SIZE_BAND_LABELS: Record<SizeBand, string> = {
  UNDER_1000: "moins de 1\u00a0000 habitants",
  FROM_1000_TO_3499: "de 1\u00a0000 à 3\u00a0499 habitants",
  FROM_3500_TO_9999: "de 3\u00a0500 à 9\u00a0999 habitants",
  FROM_10000: "10\u00a0000 habitants et plus",
};

export const TERRITORY_KIND_LABELS: Record<TerritoryKind, string> = {
  COMMUNE: "commune",
  EPCI: "intercommunalité",
};

/** Population bands follow the thresholds communes already know (1 000 and 3 500 inhabitants, 10 000). */
export function sizeBandFor(population: number): SizeBand {
  if (!Number.isFinite(population) || population < 1000) return "UNDER_1000";
  if (population < 3500) return "FROM_1000_TO_3499";
  if (population < 10000) return "FROM_3500_TO_9999";
  return "FROM_10000";
}

/** Every band from `band` upwards: a question asked of a size is asked of larger ones too. */
export function sizeBandsFrom(band: SizeBand): SizeBand[] {
  return SIZE_BANDS.slice(SIZE_BANDS.indexOf(band));
}

export type ApplicabilityContext = { sizeBand: SizeBand; territoryKind: TerritoryKind };

export function isApplicable(
  question: { sizeBands: readonly SizeBand[]; territoryKinds: readonly TerritoryKind[] },
  context: ApplicabilityContext,
): boolean {
  return question.sizeBands.includes(context.sizeBand) && question.territoryKinds.includes(context.territoryKind);
}
