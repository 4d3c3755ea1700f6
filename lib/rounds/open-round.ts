import "server-only";
// The round whose rules apply now. Several domains read it (questionnaire, action plan, Champion,
// candidacy): one query, one definition of "open".
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";

export const openRoundSelect = {
  id: true,
  year: true,
  name: true,
  closesAt: true,
  minPlanActions: true,
  minPlanCriteria: true,
  championMustNotBeMayor: true,
  questionnaireVersionId: true,
} satisfies Prisma.RoundSelect;

export type OpenRound = Prisma.RoundGetPayload<{ select: typeof openRoundSelect }>;

/** The open round (the latest if several are open), or null between campaigns. */
export async function findOpenRound(db: Db | Prisma.TransactionClient): Promise<OpenRound | null> {
  return db.round.findFirst({ where: { status: "OPEN" }, orderBy: { year: "desc" }, select: openRoundSelect });
}
