// Finds communes and EPCI by name, postcode, INSEE code or SIREN, in one query.
//
// Names are matched by prefix on TerritorySearchKey, one row per word-start of each name
// ("saint etienne", "etienne"). The key is bytea: a prefix is then the byte range
// [prefix, prefix || 0xFF), which a plain B-tree on the primary key serves on any
// PostgreSQL, whatever its collation (a text LIKE 'x%' needs the C collation or a
// text_pattern_ops index; 0xFF never occurs in UTF-8, so the range holds every key that
// starts with the prefix and nothing else).
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/db/generated/client";
import type { EpciKind } from "./cog";
import { territorySearchQuerySchema } from "./query-schema";
import { parseTerritoryQuery, type ParsedTerritoryQuery } from "./search-query";

export { territorySearchQuerySchema } from "./query-schema";
export { parseTerritoryQuery } from "./search-query";

export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 20;

export type TerritorySearchResult = {
  code: string;
  kind: "COMMUNE" | "EPCI";
  name: string;
  departmentCode: string | null;
  departmentName: string | null;
  postcodes: string[];
  population: number;
  /** The kind of an EPCI; null for a commune. */
  epciKind: EpciKind | null;
  /** For a commune, its EPCI (null when it belongs to none). */
  epciCode: string | null;
  epciName: string | null;
  /** Why it was found, so the interface can say it ("code postal 42100"). */
  match: "code" | "postcode" | "name";
};

export type TerritorySearchOptions = {
  /** Results returned, 10 by default, 20 at most. */
  limit?: number;
  kind?: "COMMUNE" | "EPCI";
};

export type TerritorySearchOutcome = { ok: true; results: TerritorySearchResult[] } | { ok: false; message: string };

/**
 * Ranks, best first; within a rank, larger population first, then name.
 * A name that ends with the typed words ("etienne" → Saint-Étienne) beats one that merely
 * contains them ("etienne" → Saint-Étienne Métropole), whatever their populations.
 */
const Rank = {
  code: 0,
  postcode: 1,
  exactName: 2,
  namePrefix: 3,
  wordToEnd: 4,
  wordPrefix: 5,
} as const;

type Row = {
  code: string;
  kind: "COMMUNE" | "EPCI";
  name: string;
  departmentCode: string | null;
  departmentName: string | null;
  postcodes: string[] | null;
  population: number;
  epciKind: EpciKind | null;
  epciCode: string | null;
  epciName: string | null;
  rank: number;
};

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_SEARCH_LIMIT;
  return Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.trunc(limit)));
}

/**
 * The search statement (exported so tests and the benchmark can EXPLAIN it). Only the branches
 * the query can match are sent. A territory dropped from the current geographic code has no
 * search keys: the code branches skip it the same way.
 */
export function territorySearchSql(
  query: ParsedTerritoryQuery,
  options: { limit: number; kind: "COMMUNE" | "EPCI" | null },
): Prisma.Sql {
  const { limit, kind } = options;
  const branches: Prisma.Sql[] = [];
  const searchable = Prisma.sql`EXISTS (SELECT 1 FROM "TerritorySearchKey" k WHERE k."territoryCode" = t."code")`;
  if (query.inseeCode) {
    branches.push(Prisma.sql`
      SELECT t."code", ${Rank.code}::int AS "rank" FROM "Territory" t
      WHERE t."code" = ${query.inseeCode} AND t."kind" = 'COMMUNE' AND ${searchable}`);
  }
  if (query.siren) {
    branches.push(Prisma.sql`
      SELECT t."code", ${Rank.code}::int AS "rank" FROM "Territory" t
      WHERE (t."code" = ${query.siren} OR t."siren" = ${query.siren}) AND ${searchable}`);
  }
  if (query.postcode) {
    // Served by the GIN index on "postcodes".
    branches.push(Prisma.sql`
      SELECT t."code", ${Rank.postcode}::int AS "rank" FROM "Territory" t
      WHERE t."postcodes" @> ARRAY[${query.postcode}]::text[] AND ${searchable}`);
  }
  branches.push(Prisma.sql`
    SELECT k."territoryCode" AS "code",
           CASE WHEN k."wordIndex" = 0
                THEN CASE WHEN k."key" = p."low" THEN ${Rank.exactName}::int ELSE ${Rank.namePrefix}::int END
                ELSE CASE WHEN k."key" = p."low" THEN ${Rank.wordToEnd}::int ELSE ${Rank.wordPrefix}::int END
           END AS "rank"
    FROM (SELECT convert_to(${query.text}, 'UTF8') AS "low") p
    JOIN "TerritorySearchKey" k ON k."key" >= p."low" AND k."key" < p."low" || decode('ff', 'hex')`);

  // Names of the département and the EPCI are joined for the page of results only, not for
  // the thousands of territories a two-letter prefix matches.
  return Prisma.sql`
    WITH "matches" AS (${Prisma.join(branches, " UNION ALL ")}),
    "best" AS (SELECT "code", min("rank") AS "rank" FROM "matches" GROUP BY "code"),
    "page" AS (
      SELECT t."code", t."kind", t."name", t."searchName", t."departmentCode", t."postcodes", t."population",
             t."epciKind", t."epciCode", b."rank"
      FROM "best" b
      JOIN "Territory" t ON t."code" = b."code"
      ${kind ? Prisma.sql`WHERE t."kind" = ${kind}::"TerritoryKind"` : Prisma.empty}
      ORDER BY b."rank", t."population" DESC, t."searchName", t."code"
      LIMIT ${limit}
    )
    SELECT p."code", p."kind"::text AS "kind", p."name", p."departmentCode", d."name" AS "departmentName",
           p."postcodes", p."population", p."epciKind"::text AS "epciKind",
           p."epciCode", e."name" AS "epciName", p."rank"
    FROM "page" p
    LEFT JOIN "Department" d ON d."code" = p."departmentCode"
    LEFT JOIN "Territory" e ON e."code" = p."epciCode"
    ORDER BY p."rank", p."population" DESC, p."searchName", p."code"`;
}

/**
 * Searches territories. Never throws on a bad query: it answers { ok: false, message } with a
 * message in French for the person who typed it. An unknown code simply finds nothing.
 */
export async function searchTerritories(
  db: Db,
  rawQuery: unknown,
  options: TerritorySearchOptions = {},
): Promise<TerritorySearchOutcome> {
  const parsed = territorySearchQuerySchema.safeParse(rawQuery);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0]?.message ?? "Recherche invalide." };
  }
  const query = parseTerritoryQuery(parsed.data);
  const limit = clampLimit(options.limit);
  const kind = options.kind === "COMMUNE" || options.kind === "EPCI" ? options.kind : null;

  const rows = await db.$queryRaw<Row[]>(territorySearchSql(query, { limit, kind }));
  return {
    ok: true,
    results: rows.map((row) => ({
      code: row.code,
      kind: row.kind,
      name: row.name,
      departmentCode: row.departmentCode,
      departmentName: row.departmentName,
      postcodes: row.postcodes ?? [],
      population: row.population,
      epciKind: row.epciKind,
      epciCode: row.epciCode,
      epciName: row.epciName,
      match: row.rank === Rank.code ? "code" : row.rank === Rank.postcode ? "postcode" : "name",
    })),
  };
}
