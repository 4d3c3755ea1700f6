// /donnees/labellisees.json: the territories holding a valid label (Licence Ouverte 2.0).
import { openDataResponse } from "@/lib/public/open-data-http";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return openDataResponse(request, "json");
}
