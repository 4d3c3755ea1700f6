import { readEvidenceFile } from "@/lib/action-plan/evidence-file";
import { getDb } from "@/lib/db/client";
import { download } from "@/lib/http/download";

type Context = { params: Promise<{ organizationId: string; evidenceId: string }> };

/**
 * Downloads an evidence file. The tenant is the evidence's action's organization (checked by
 * readEvidenceFile), not the path's.
 */
export async function GET(_request: Request, context: Context) {
  const { evidenceId } = await context.params;
  return download(async (actor) => {
    const file = await readEvidenceFile(getDb(), actor, evidenceId.slice(0, 64));
    return { filename: file.name, contentType: file.mimeType, content: file.content };
  });
}
