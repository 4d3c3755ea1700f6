// The registry's filters, sort and pages, and the map's counts: pure functions over the rows
// of lib/public/registry.ts. The text search matches the way the territory search does
// (lib/territories/search.ts): a name by the start of any of its words, an INSEE code, a
// SIREN, a postcode — with the same normalization and the same keys as the import.
import { z } from "zod";
import { searchKeysFor, spelledOutEpciName } from "@/lib/territories/normalize";
import { territorySearchQuerySchema } from "@/lib/territories/query-schema";
import { parseTerritoryQuery } from "@/lib/territories/search-query";
import type { PublicLabel, RegistryFilters } from "./types";

export const REGISTRY_PAGE_SIZE = 20;

const code = (max: number) => z.string().trim().regex(new RegExp(`^[0-9A-Za-z]{1,${max}}$`)).transform((value) => value.toUpperCase());

/** What the registry's form sends (query string); anything malformed is dropped, not an error. */
export const registryFiltersSchema = z.object({
  q: z.string().optional(),
  region: code(3).optional().catch(undefined),
  departement: code(3).optional().catch(undefined),
  kind: z.enum(["COMMUNE", "EPCI"]).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  type: z.enum(["premier", "renouvellement"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** Reads searchParams (one value per key; arrays keep the first). */
export function parseRegistryFilters(raw: Record<string, string | string[] | undefined>): RegistryFilters {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first !== "") flat[key] = first;
  }
  const parsed = registryFiltersSchema.safeParse(flat);
  return parsed.success ? parsed.data : {};
}

export type RegistryPage = {
  rows: PublicLabel[];
  total: number;
  page: number;
  pageCount: number;
  /** A French message when the text cannot be searched (too short, too long). */
  searchMessage: string | null;
};

function keysOf(row: PublicLabel): string[] {
  const keys = searchKeysFor(row.name).map((entry) => entry.key);
  const spelledOut = row.kind === "EPCI" ? spelledOutEpciName(row.name) : null;
  if (spelledOut) keys.push(...searchKeysFor(spelledOut).map((entry) => entry.key));
  return keys;
}

/** A matcher for the text, or a message saying why the text cannot be searched. */
export function textMatcher(q: string | undefined): { match: (row: PublicLabel) => boolean; message: string | null } {
  if (q === undefined || q.trim() === "") return { match: () => true, message: null };
  const parsed = territorySearchQuerySchema.safeParse(q);
  if (!parsed.success) return { match: () => false, message: parsed.error.issues[0]?.message ?? "Recherche invalide." };
  const query = parseTerritoryQuery(parsed.data);
  return {
    message: null,
    match: (row) =>
      (query.inseeCode !== null && row.kind === "COMMUNE" && row.territoryCode === query.inseeCode) ||
      (query.siren !== null && (row.territoryCode === query.siren || row.siren === query.siren)) ||
      (query.postcode !== null && row.postcodes.includes(query.postcode)) ||
      keysOf(row).some((key) => key.startsWith(query.text)),
  };
}

export function compareByName(a: PublicLabel, b: PublicLabel): number {
  if (a.searchName !== b.searchName) return a.searchName < b.searchName ? -1 : 1;
  return a.territoryCode < b.territoryCode ? -1 : a.territoryCode > b.territoryCode ? 1 : 0;
}

/** Filters, sorts by name and cuts one page (a page past the end shows the last one). */
export function registryPage(rows: readonly PublicLabel[], filters: RegistryFilters, pageSize = REGISTRY_PAGE_SIZE): RegistryPage {
  const text = textMatcher(filters.q);
  const kept = rows
    .filter(
      (row) =>
        (!filters.region || row.regionCode === filters.region) &&
        (!filters.departement || row.departmentCode === filters.departement) &&
        (!filters.kind || row.kind === filters.kind) &&
        (!filters.year || row.year === filters.year) &&
        (!filters.type || row.renewal === (filters.type === "renouvellement")) &&
        text.match(row),
    )
    .sort(compareByName);
  const pageCount = Math.max(1, Math.ceil(kept.length / pageSize));
  const page = Math.min(filters.page ?? 1, pageCount);
  return { rows: kept.slice((page - 1) * pageSize, page * pageSize), total: kept.length, page, pageCount, searchMessage: text.message };
}

export type Option = { value: string; label: string };

/** The choices the filters offer: only values some labelled territory has, sorted. */
export function registryOptions(rows: readonly PublicLabel[]) {
  const regions = new Map<string, string>();
  const departments = new Map<string, string>();
  const years = new Set<number>();
  for (const row of rows) {
    if (row.regionCode) regions.set(row.regionCode, row.regionName ?? row.regionCode);
    if (row.departmentCode) departments.set(row.departmentCode, row.departmentName ?? row.departmentCode);
    years.add(row.year);
  }
  const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, "fr");
  return {
    regions: [...regions].map(([value, label]) => ({ value, label })).sort(byLabel),
    departments: [...departments].map(([value, label]) => ({ value, label: `${label} (${value})` })).sort((a, b) => a.value.localeCompare(b.value)),
    years: [...years].sort((a, b) => b - a),
  };
}

/** Labelled territories per département code (communes and EPCI by their département). */
export function countsByDepartment(rows: readonly PublicLabel[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (!row.departmentCode) continue;
    counts.set(row.departmentCode, (counts.get(row.departmentCode) ?? 0) + 1);
  }
  return counts;
}

/** The query string of a registry view (page 1 omitted), for links and pagination. */
export function registryQueryString(filters: RegistryFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.region) params.set("region", filters.region);
  if (filters.departement) params.set("departement", filters.departement);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.year) params.set("year", String(filters.year));
  if (filters.type) params.set("type", filters.type);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
