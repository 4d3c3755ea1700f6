// /donnees/schema.json: the Table Schema of the open-data files.
import { openDataResponse } from "@/lib/public/open-data-http";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return openDataResponse(request, "schema");
}
