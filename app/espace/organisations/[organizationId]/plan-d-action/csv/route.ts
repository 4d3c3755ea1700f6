import { exportPlanCsv } from "@/lib/action-plan/actions";
import { getDb } from "@/lib/db/client";
import { download } from "@/lib/http/download";

type Context = { params: Promise<{ organizationId: string }> };

/** The plan as a CSV for a spreadsheet. Needs plan:read on the organization (checked by the domain). */
export async function GET(_request: Request, context: Context) {
  const { organizationId } = await context.params;
  return download((actor) => exportPlanCsv(getDb(), actor, organizationId.slice(0, 64)));
}
