import { getDb } from "@/lib/db/client";
import { download } from "@/lib/http/download";
import { readDiagonalFile } from "@/lib/questionnaire/diagonal";

type Context = { params: Promise<{ organizationId: string; evidenceId: string }> };

/** Downloads the Diagonal summary. The tenant is the evidence's organization, not the path's. */
export async function GET(_request: Request, context: Context) {
  const { evidenceId } = await context.params;
  return download(async (actor) => {
    const file = await readDiagonalFile(getDb(), actor, evidenceId.slice(0, 64));
    return { filename: file.name, contentType: "application/pdf", content: file.content };
  });
}
