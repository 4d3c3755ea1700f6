import { getDb } from "@/lib/db/client";
import { download } from "@/lib/http/download";
import { renderResultsPdf } from "@/lib/questionnaire/pdf";
import { openQuestionnaire } from "@/lib/questionnaire/results";

type Context = { params: Promise<{ organizationId: string }> };

/** The results as a PDF. Needs assessment:read on the organization, checked before anything is read. */
export async function GET(_request: Request, context: Context) {
  const { organizationId } = await context.params;
  return download(async (actor) => {
    const opened = await openQuestionnaire(getDb(), actor, organizationId);
    if (opened.kind === "unavailable") return { notFound: opened.message };
    const year = opened.view.assessment.round.year;
    return { filename: `immunite-cyber-${year}-resultats.pdf`, contentType: "application/pdf", content: await renderResultsPdf(opened.view) };
  });
}
