import { getDb } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { download } from "@/lib/http/download";
import { downloadPoster } from "@/lib/public/kit";

type Context = { params: Promise<{ organizationId: string }> };

/** The kit's poster (PDF, A4) while the label is valid. Needs label:kit (checked by the domain). */
export async function GET(_request: Request, context: Context) {
  const { organizationId } = await context.params;
  return download((actor) => downloadPoster(getDb(), actor, organizationId.slice(0, 64), env().APP_URL));
}
