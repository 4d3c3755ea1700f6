// The one place that reads what the progression needs, for both years: the round's criteria,
// the organization's labels, both assessments with their versions, and the plan's history. The
// rules (rules.ts) are pure; this file only reads. It checks no permission: callers check first.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { criteriaOfRound } from "./criteria";
import { previousLabelFor, type PlanActionHistory, type ProgressionInput, type YearQuestionnaire } from "./rules";

type Reader = Db | Prisma.TransactionClient;

export const progressionRoundSelect = {
  id: true,
  year: true,
  minPlanActions: true,
  minPlanCriteria: true,
  progressionCriteria: true,
} satisfies Prisma.RoundSelect;

export type ProgressionRound = Prisma.RoundGetPayload<{ select: typeof progressionRoundSelect }>;

export async function readProgressionRound(db: Reader, roundId: string): Promise<ProgressionRound> {
  return db.round.findUniqueOrThrow({ where: { id: roundId }, select: progressionRoundSelect });
}

/** The label a renewal in `round` follows, if any (not revoked, within the round's gap rule). */
export async function findPreviousLabel(db: Reader, organizationId: string, round: ProgressionRound) {
  const { criteria } = criteriaOfRound(round.progressionCriteria);
  const labels = await db.label.findMany({
    where: { organizationId, revokedAt: null, round: { year: { lt: round.year } } },
    select: { id: true, roundId: true, awardedAt: true, validUntil: true, round: { select: { year: true } } },
  });
  return previousLabelFor(
    round.year,
    labels.map((label) => ({ ...label, year: label.round.year })),
    criteria.maxGapYears,
  );
}

/** One year's assessment with its version's questions (texts included) and its answers. */
async function readYear(db: Reader, organizationId: string, roundId: string, year: number): Promise<YearQuestionnaire | null> {
  const assessment = await db.assessment.findUnique({
    where: { organizationId_roundId: { organizationId, roundId } },
    select: {
      id: true,
      status: true,
      sizeBand: true,
      territoryKind: true,
      version: { select: { key: true } },
      versionId: true,
      answers: { select: { dontKnow: true, question: { select: { key: true } }, option: { select: { key: true } } } },
    },
  });
  if (!assessment) return null;
  const themes = await db.questionnaireTheme.findMany({
    where: { versionId: assessment.versionId },
    orderBy: { position: "asc" },
    select: {
      key: true,
      title: true,
      questions: {
        orderBy: { position: "asc" },
        select: { key: true, text: true, weight: true, sizeBands: true, territoryKinds: true, options: { select: { key: true, score: true } } },
      },
    },
  });
  return {
    year,
    versionKey: assessment.version.key,
    themes: themes.map((theme) => ({ key: theme.key, title: theme.title })),
    questions: themes.flatMap((theme) => theme.questions.map((question) => ({ ...question, themeKey: theme.key }))),
    context: { sizeBand: assessment.sizeBand, territoryKind: assessment.territoryKind },
    answers: assessment.answers.map((answer) => ({ questionKey: answer.question.key, optionKey: answer.option?.key ?? null, dontKnow: answer.dontKnow })),
    completed: assessment.status === "COMPLETED",
  };
}

type StatusChange = { status?: { from: string; to: string } };
type CarriedOver = { toRoundId?: string };

/** The plan's actions with what their history says: when each was abandoned, where it was carried over. */
async function readPlanHistory(db: Reader, organizationId: string): Promise<PlanActionHistory[]> {
  const actions = await db.action.findMany({
    where: { organizationId },
    // The id breaks ties, so two actions created at the same instant always list in one order.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      progress: true,
      completedAt: true,
      abandonReason: true,
      updatedAt: true,
      criteria: { select: { questionKey: true } },
      _count: { select: { evidences: true } },
      events: { where: { kind: { in: ["updated", "carried_over"] } }, orderBy: { createdAt: "asc" }, select: { kind: true, changes: true, createdAt: true } },
    },
  });
  const rounds = await db.round.findMany({ select: { id: true, year: true } });
  const yearOf = new Map(rounds.map((round) => [round.id, round.year]));
  return actions.map((action) => {
    const abandonedEvents = action.events.filter((event) => event.kind === "updated" && (event.changes as StatusChange).status?.to === "ABANDONED");
    const carriedOverTo = action.events
      .filter((event) => event.kind === "carried_over")
      .flatMap((event) => {
        const year = yearOf.get((event.changes as CarriedOver).toRoundId ?? "");
        return year === undefined ? [] : [year];
      });
    return {
      id: action.id,
      title: action.title,
      status: action.status,
      progress: action.progress,
      criteria: action.criteria.map((criterion) => criterion.questionKey).sort(),
      completedAt: action.completedAt,
      abandonedAt: action.status === "ABANDONED" ? (abandonedEvents.at(-1)?.createdAt ?? action.updatedAt) : null,
      abandonReason: action.abandonReason,
      evidenceCount: action._count.evidences,
      carriedOverTo,
    };
  });
}

/** Everything `computeProgression` needs for this organization in this round. */
export async function loadProgressionInput(db: Reader, organizationId: string, round: ProgressionRound): Promise<ProgressionInput> {
  const { criteria } = criteriaOfRound(round.progressionCriteria);
  const planRule = { minActions: round.minPlanActions, minCriteria: round.minPlanCriteria };
  const previousLabel = await findPreviousLabel(db, organizationId, round);
  if (!previousLabel) {
    return { criteria, round: { id: round.id, year: round.year }, previousLabel: null, previous: null, current: null, actions: [], planRule };
  }
  // One after the other: inside a transaction they share one connection anyway.
  const previous = await readYear(db, organizationId, previousLabel.roundId, previousLabel.year);
  const current = await readYear(db, organizationId, round.id, round.year);
  const actions = await readPlanHistory(db, organizationId);
  return {
    criteria,
    round: { id: round.id, year: round.year },
    previousLabel: { roundId: previousLabel.roundId, year: previousLabel.year, awardedAt: previousLabel.awardedAt },
    previous,
    current,
    actions,
    planRule,
  };
}
