import "server-only";
// Who may take, decide or see a file among reviewers: the conflict-of-interest rule applied to
// what the database says about the reviewer and the organization.
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { conflictOf, type Conflict } from "./rules";

type Tx = Db | Prisma.TransactionClient;

/** The organization acting for the EPCI a commune belongs to, whatever its status. */
async function epciOrganizationOf(tx: Tx, organizationId: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT e."id" FROM "Organization" o
    JOIN "Territory" t ON t."code" = o."territoryCode"
    JOIN "Organization" e ON e."territoryCode" = t."epciCode"
    WHERE o."id" = ${organizationId}`;
  return row?.id ?? null;
}

export async function reviewerConflict(tx: Tx, reviewerId: string, organizationId: string): Promise<Conflict | null> {
  const memberships = await tx.membership.findMany({ where: { userId: reviewerId }, select: { organizationId: true } });
  const declared = (await tx.reviewConflict.count({ where: { reviewerId, organizationId } })) > 0;
  return conflictOf({
    reviewerOrganizationIds: memberships.map((membership) => membership.organizationId),
    organizationId,
    epciOrganizationId: await epciOrganizationOf(tx, organizationId),
    declared,
  });
}
