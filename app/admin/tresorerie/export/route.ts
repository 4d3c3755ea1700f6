import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { boardFiltersSchema } from "@/lib/dues/schemas";
import { boardCsv, duesBoard } from "@/lib/dues/treasury";
import { download } from "@/lib/http/download";

/** The board as a CSV for the accounts (same filters as the page). Needs dues:read association-wide. */
export async function GET(request: NextRequest) {
  const filters = boardFiltersSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return download(async (actor) => {
    const board = await duesBoard(getDb(), actor, { roundId: filters.campagne, status: filters.statut, department: filters.departement, kind: filters.type, method: filters.moyen });
    if (!board) return { notFound: "Aucune campagne ouverte ou close : rien à exporter." };
    return { filename: `cotisations-${board.round.year}.csv`, contentType: "text/csv; charset=utf-8", content: boardCsv(board.rows) };
  });
}
