import { getDb } from "@/lib/db/client";
import { invoiceDownload } from "@/lib/dues/invoices";
import { download } from "@/lib/http/download";

type Context = { params: Promise<{ organizationId: string; invoiceId: string }> };

const NOT_FOUND = "Cette facture n’existe pas, ou vous n’y avez pas accès.";

/** An invoice or credit note PDF (Factur-X). Needs dues:read on the invoice's own organization. */
export async function GET(_request: Request, context: Context) {
  const { invoiceId } = await context.params;
  return download(async (actor) => (await invoiceDownload(getDb(), actor, invoiceId.slice(0, 64))) ?? { notFound: NOT_FOUND });
}
