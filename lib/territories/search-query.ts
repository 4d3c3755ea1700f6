// What a territory search accepts, shared by the search form (browser) and the server: this
// module must stay free of database imports so client components can use it.
import { z } from "zod";
import { normalizeSearchText } from "./normalize";

export const TERRITORY_QUERY_MAX_LENGTH = 100;

export const territorySearchQuerySchema = z
  .string({ error: "Saisissez le nom, le code postal ou le code INSEE d'une commune ou d'une intercommunalité." })
  .trim()
  // abort: a very long query gets this one message, without normalizing all of it.
  .max(TERRITORY_QUERY_MAX_LENGTH, {
    error: `La recherche est limitée à ${TERRITORY_QUERY_MAX_LENGTH} caractères.`,
    abort: true,
  })
  // Counted on letters and digits: "l'" or "--" alone cannot find anything.
  .refine((query) => normalizeSearchText(query).replace(/ /g, "").length >= 2, {
    error: "Saisissez au moins 2 caractères.",
  });

export type ParsedTerritoryQuery = {
  /** The normalized text, compared with the search keys. */
  text: string;
  /** An INSEE commune code ("42218", "2A004") the query may be. */
  inseeCode: string | null;
  /** A SIREN (EPCI code, or a commune's SIREN) the query may be. */
  siren: string | null;
  /** A postcode the query may be. */
  postcode: string | null;
};

/** Reads what a valid query may designate besides a name. */
export function parseTerritoryQuery(query: string): ParsedTerritoryQuery {
  const text = normalizeSearchText(query);
  // Codes are often written in groups ("244 200 770", "75 001"): digits may be spaced.
  const compact = /^[0-9 ]+$/.test(text) ? text.replace(/ /g, "") : text;
  return {
    text,
    inseeCode: /^[0-9][0-9ab][0-9]{3}$/.test(compact) ? compact.toUpperCase() : null,
    siren: /^[0-9]{9}$/.test(compact) ? compact : null,
    postcode: /^[0-9]{5}$/.test(compact) ? compact : null,
  };
}
