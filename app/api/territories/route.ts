// Public search over the territory reference data (communes and EPCI). No sign-in: the data
// is the open Code officiel géographique, and inhabitants use the search too.
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { searchTerritories } from "@/lib/territories/search";

const KINDS = ["COMMUNE", "EPCI"] as const;
type Kind = (typeof KINDS)[number];

function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const kindParam = params.get("kind");
  if (kindParam !== null && !isKind(kindParam)) {
    return Response.json(
      { message: "Le type de territoire demandé est inconnu : choisissez COMMUNE ou EPCI." },
      { status: 400 },
    );
  }

  try {
    const outcome = await searchTerritories(getDb(), params.get("q"), kindParam ? { kind: kindParam } : {});
    if (!outcome.ok) {
      return Response.json({ message: outcome.message }, { status: 400 });
    }
    return Response.json(
      { results: outcome.results },
      // Reference data changes once a year; a short public cache absorbs repeated keystrokes.
      { headers: { "Cache-Control": "public, max-age=300" } },
    );
  } catch (error) {
    console.error("Territory search failed", error);
    return Response.json(
      { message: "La recherche est momentanément indisponible. Réessayez dans quelques instants." },
      { status: 500, headers: { "Cache-Control": "no-store" } },
    );
  }
}
