// What a territory search accepts, shared by the search form (browser) and the server: this
// module must stay free of database imports (and of zod) so client components can use it.
import { normalizeSearchText } from "./normalize";

// No zod here: this module is in the home page's bundle, and the rule is three lines. The zod
// schema the server validates with (query-schema.ts) is built on `checkTerritoryQuery`.

export const TERRITORY_QUERY_MAX_LENGTH = 100;

export const TERRITORY_QUERY_MESSAGES = {
  notText: "Saisissez le nom, le code postal ou le code INSEE d'une commune ou d'une intercommunalité.",
  tooLong: `La recherche est limitée à ${TERRITORY_QUERY_MAX_LENGTH} caractères.`,
  tooShort: "Saisissez au moins 2 caractères.",
} as const;

export type TerritoryQueryCheck = { ok: true; query: string } | { ok: false; problem: "notText" | "tooLong" | "tooShort"; message: string };

/** The trimmed query, or why it cannot be searched (a very long text is not normalized). */
export function checkTerritoryQuery(input: unknown): TerritoryQueryCheck {
  const refuse = (problem: "notText" | "tooLong" | "tooShort") => ({ ok: false as const, problem, message: TERRITORY_QUERY_MESSAGES[problem] });
  if (typeof input !== "string") return refuse("notText");
  const query = input.trim();
  if (query.length > TERRITORY_QUERY_MAX_LENGTH) return refuse("tooLong");
  // Counted on letters and digits: "l'" or "--" alone cannot find anything.
  if (normalizeSearchText(query).replace(/ /g, "").length < 2) return refuse("tooShort");
  return { ok: true, query };
}

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
