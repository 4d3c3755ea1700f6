// The issuing job, as the rest of the application starts it.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Asks for the label's pending certificate to be issued, in the caller's transaction: nothing
 * is asked if it rolls back. The key makes duplicates of one issuance a single job.
 */
export async function scheduleCertificateIssue(tx: Prisma.TransactionClient, labelId: string, generation = 1): Promise<void> {
  void tx;
  void labelId;
  void generation;
  // Until the job queue (issue 10) is merged, the caller issues after its commit (see manage.ts callers).
}
