// The shapes the territory search API answers with (app/api/territories/route.ts). Type-only
// re-exports: nothing of the server module reaches the browser bundle.
export type { TerritorySearchResult } from "@/lib/territories/search";
export type { EpciKind } from "@/lib/territories/cog";
import type { TerritorySearchResult } from "@/lib/territories/search";

export type TerritorySearchResponse = { results: TerritorySearchResult[] } | { message: string };
