import { readEvidenceFile } from "@/lib/action-plan/evidence-file";
import { AccessDeniedError, NotSignedInError } from "@/lib/auth/errors";
import { getActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

type Context = { params: Promise<{ organizationId: string; evidenceId: string }> };

function refusal(status: number, message: string) {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** An ASCII name for old clients; the real one goes in filename* (RFC 6266). */
function asciiName(name: string): string {
  return name.normalize("NFD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "") || "preuve";
}

/**
 * Downloads an evidence file. The tenant is the evidence's action's organization (checked by
 * readEvidenceFile), not the path's. Always an attachment, never sniffed: a file is never shown
 * inside the application's origin.
 */
export async function GET(_request: Request, context: Context) {
  const { evidenceId } = await context.params;
  const actor = await getActor();
  if (!actor) return refusal(401, new NotSignedInError().message);
  try {
    const file = await readEvidenceFile(getDb(), actor, evidenceId.slice(0, 64));
    return new Response(Buffer.from(file.content), {
      headers: {
        "content-type": file.mimeType,
        "content-disposition": `attachment; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return refusal(404, error.message);
    throw error;
  }
}
