import { getDb } from "@/lib/db/client";
import { receiptDownload } from "@/lib/dues/receipt";
import { download } from "@/lib/http/download";

type Context = { params: Promise<{ organizationId: string; duesId: string }> };

const NOT_FOUND = "Cet acquit n’existe pas (la cotisation n’est pas réglée), ou vous n’y avez pas accès.";

/** The receipt of paid dues. Needs dues:read on the dues' own organization. */
export async function GET(_request: Request, context: Context) {
  const { duesId } = await context.params;
  return download(async (actor) => (await receiptDownload(getDb(), actor, duesId.slice(0, 64))) ?? { notFound: NOT_FOUND });
}
