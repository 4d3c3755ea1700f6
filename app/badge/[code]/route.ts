// /badge/<code>.svg and /badge/<code>.png (?taille=petit|moyen|grand): the label badge a
// territory puts on its website, always its current status (lib/public/badge-http.ts).
import { badgeResponse } from "@/lib/public/badge-http";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  return badgeResponse(request, (await params).code);
}
