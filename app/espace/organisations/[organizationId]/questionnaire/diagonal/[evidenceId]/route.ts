import { AccessDeniedError, NotSignedInError } from "@/lib/auth/errors";
import { getActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { readDiagonalFile } from "@/lib/questionnaire/diagonal";

type Context = { params: Promise<{ organizationId: string; evidenceId: string }> };

function refusal(status: number, message: string) {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** Downloads the Diagonal summary. The tenant is the evidence's organization, not the path's. */
export async function GET(_request: Request, context: Context) {
  const { evidenceId } = await context.params;
  const actor = await getActor();
  if (!actor) return refusal(401, new NotSignedInError().message);
  try {
    const file = await readDiagonalFile(getDb(), actor, evidenceId.slice(0, 64));
    return new Response(Buffer.from(file.content), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="synthese-diagonal.pdf"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return refusal(404, error.message);
    throw error;
  }
}
