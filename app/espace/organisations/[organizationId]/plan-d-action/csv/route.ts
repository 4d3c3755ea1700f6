import { exportPlanCsv } from "@/lib/action-plan/actions";
import { AccessDeniedError, NotSignedInError } from "@/lib/auth/errors";
import { getActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

type Context = { params: Promise<{ organizationId: string }> };

function refusal(status: number, message: string) {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** The plan as a CSV for a spreadsheet. Needs plan:read on the organization (checked by the domain). */
export async function GET(_request: Request, context: Context) {
  const { organizationId } = await context.params;
  const actor = await getActor();
  if (!actor) return refusal(401, new NotSignedInError().message);
  try {
    const file = await exportPlanCsv(getDb(), actor, organizationId.slice(0, 64));
    return new Response(file.content, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return refusal(404, error.message);
    throw error;
  }
}
