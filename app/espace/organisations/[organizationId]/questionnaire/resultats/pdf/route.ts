import { AccessDeniedError, NotSignedInError } from "@/lib/auth/errors";
import { getActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { renderResultsPdf } from "@/lib/questionnaire/pdf";
import { openQuestionnaire } from "@/lib/questionnaire/results";

type Context = { params: Promise<{ organizationId: string }> };

function refusal(status: number, message: string) {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** The results as a PDF. Needs assessment:read on the organization, checked before anything is read. */
export async function GET(_request: Request, context: Context) {
  const { organizationId } = await context.params;
  const actor = await getActor();
  if (!actor) return refusal(401, new NotSignedInError().message);
  try {
    const opened = await openQuestionnaire(getDb(), actor, organizationId);
    if (opened.kind === "unavailable") return refusal(404, opened.message);
    const bytes = await renderResultsPdf(opened.view);
    const year = opened.view.assessment.round.year;
    return new Response(Buffer.from(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="immunite-cyber-${year}-resultats.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return refusal(404, error.message);
    throw error;
  }
}
