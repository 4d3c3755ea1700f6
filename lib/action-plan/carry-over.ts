// How the action plan continues from one round to the next.
//
// An organization has ONE plan (ActionPlan.organizationId is unique), never one per round: the
// label rewards the continuous progression of the same plan, so nothing is copied and nothing is
// archived when a new round opens.
// - Unfinished actions (TODO, IN_PROGRESS) stay where they are, with their id, criteria, owner,
//   comments, evidence and whole history. Each receives an ActionEvent "carried_over"
//   ({ fromRoundId, toRoundId, status, progress }): the history shows the day the action entered
//   the new round and how far it had gone, so reviewers of the renewal see what progressed since.
// - Finished actions (DONE, with completedAt) stay untouched as proof of execution: the renewal
//   file reads them by completion date. Abandoned actions stay too, with their reason.
// - Action.createdInRoundId never changes: it says in which round the action was planned.
// - Running it twice for the same round changes nothing (an action already carried over to that
//   round is skipped), so the round-opening job can be retried safely.
// It checks no permission: it is called by the system when a round opens (carryOverAllPlans),
// not by a person.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";

export type CarryOverResult = {
  /** Unfinished actions that entered the new round now. */
  carriedOver: number;
  /** Unfinished actions already carried over to this round by an earlier run. */
  alreadyCarriedOver: number;
  /** Done actions kept as proof of execution. */
  done: number;
  abandoned: number;
};

type CarriedOverChanges = { fromRoundId: string | null; toRoundId: string; status: string; progress: number };

export async function carryOverPlan(db: Db, organizationId: string, newRoundId: string): Promise<CarryOverResult> {
  return db.$transaction(async (tx) => {
    const round = await tx.round.findUnique({ where: { id: newRoundId }, select: { id: true, year: true } });
    if (!round) throw new Error(`Unknown round ${newRoundId}`);
    const plan = await tx.actionPlan.findUnique({ where: { organizationId }, select: { id: true } });
    if (!plan) return { carriedOver: 0, alreadyCarriedOver: 0, done: 0, abandoned: 0 };
    await tx.$queryRaw`SELECT 1 FROM "ActionPlan" WHERE "id" = ${plan.id} FOR UPDATE`;

    const actions = await tx.action.findMany({
      where: { organizationId, planId: plan.id },
      select: {
        id: true,
        status: true,
        progress: true,
        createdInRoundId: true,
        events: { where: { kind: "carried_over" }, select: { changes: true }, orderBy: { createdAt: "asc" } },
      },
    });
    const result: CarryOverResult = { carriedOver: 0, alreadyCarriedOver: 0, done: 0, abandoned: 0 };
    for (const action of actions) {
      if (action.status === "DONE") result.done += 1;
      else if (action.status === "ABANDONED") result.abandoned += 1;
      else {
        const previous = action.events.map((event) => event.changes as CarriedOverChanges);
        if (action.createdInRoundId === newRoundId || previous.some((changes) => changes.toRoundId === newRoundId)) {
          result.alreadyCarriedOver += 1;
          continue;
        }
        const changes: CarriedOverChanges = {
          fromRoundId: previous.at(-1)?.toRoundId ?? action.createdInRoundId,
          toRoundId: newRoundId,
          status: action.status,
          progress: action.progress,
        };
        await tx.actionEvent.create({ data: { actionId: action.id, actorId: null, kind: "carried_over", changes } });
        result.carriedOver += 1;
      }
    }
    if (result.carriedOver > 0) {
      await recordAudit(tx, {
        actorId: null,
        organizationId,
        action: "action_plan.carried_over",
        targetType: "ActionPlan",
        targetId: plan.id,
        data: { roundId: newRoundId, year: round.year, ...result },
      });
    }
    return result;
  });
}

/** For the round-opening job: carries every organization's plan over, one transaction each. */
export async function carryOverAllPlans(db: Db, newRoundId: string) {
  const plans = await db.actionPlan.findMany({ select: { organizationId: true }, orderBy: { createdAt: "asc" } });
  const totals: CarryOverResult & { plans: number } = { plans: plans.length, carriedOver: 0, alreadyCarriedOver: 0, done: 0, abandoned: 0 };
  for (const plan of plans) {
    const result = await carryOverPlan(db, plan.organizationId, newRoundId);
    totals.carriedOver += result.carriedOver;
    totals.alreadyCarriedOver += result.alreadyCarriedOver;
    totals.done += result.done;
    totals.abandoned += result.abandoned;
  }
  return totals;
}
