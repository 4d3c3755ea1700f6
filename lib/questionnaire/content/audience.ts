// Short names for who a question is asked of, so each question reads as a sentence.
import type { TerritoryKind } from "@/lib/db/generated/enums";
import { sizeBandsFrom } from "../size-band";

/** Every size. */
export const ALL_SIZES = sizeBandsFrom("UNDER_1000");
/** From 1 000 inhabitants. */
export const FROM_1000 = sizeBandsFrom("FROM_1000_TO_3499");
/** From 3 500 inhabitants. */
export const FROM_3500 = sizeBandsFrom("FROM_3500_TO_9999");
/** From 10 000 inhabitants. */
export const FROM_10000 = sizeBandsFrom("FROM_10000");

export const COMMUNES_AND_EPCI: readonly TerritoryKind[] = ["COMMUNE", "EPCI"];
export const COMMUNES_ONLY: readonly TerritoryKind[] = ["COMMUNE"];
export const EPCI_ONLY: readonly TerritoryKind[] = ["EPCI"];
