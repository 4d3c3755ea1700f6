import { readCandidacyAttachment } from "@/lib/candidacy/submission";
import { getDb } from "@/lib/db/client";
import { download } from "@/lib/http/download";

type Context = { params: Promise<{ organizationId: string; attachmentId: string }> };

/**
 * Downloads a candidacy attachment. The tenant is the attachment's candidacy's organization
 * (checked by readCandidacyAttachment), not the path's.
 */
export async function GET(_request: Request, context: Context) {
  const { attachmentId } = await context.params;
  return download(async (actor) => {
    const file = await readCandidacyAttachment(getDb(), actor, attachmentId.slice(0, 64));
    return { filename: file.name, contentType: file.mimeType, content: file.content };
  });
}
