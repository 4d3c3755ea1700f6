import "server-only";
// The review page: the open round's submitted file of one organization, as frozen in its
// revisions, with what changed since the previous one, the decisions, the correspondents'
// opinions, who holds the file and whether this reviewer may act on it. Nothing of a draft.
import { requirePermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { permissionsOn } from "@/lib/auth/grants";
import { commentsOf } from "@/lib/candidacy/read";
import type { CandidacySnapshot } from "@/lib/candidacy/snapshot";
import type { Db } from "@/lib/db/create-client";
import { findOpenRound } from "@/lib/rounds/open-round";
import { reviewerConflict } from "./access";
import { diffRevisions } from "./diff";
import { isOverdue, waitingDays } from "./rules";

export async function getReviewFile(db: Db, actor: Actor, organizationId: string, now = new Date()) {
  const scope = await requirePermission(db, actor, organizationId, "review:read");
  const permissions = permissionsOn(actor, scope);
  const round = await findOpenRound(db);
  if (!round) return { kind: "none" as const, message: "Aucune campagne n’est ouverte." };
  const candidacy = await db.candidacy.findUnique({
    where: { organizationId_roundId: { organizationId, roundId: round.id } },
    select: {
      id: true,
      status: true,
      revision: true,
      isRenewal: true,
      submittedAt: true,
      assignedReviewerId: true,
      assignedReviewer: { select: { name: true, email: true } },
      assignedAt: true,
      organization: { select: { name: true } },
    },
  });
  // A draft is not shown: reviewers see a file only once it is submitted.
  if (!candidacy || candidacy.revision === 0) {
    return { kind: "none" as const, message: "Cette organisation n’a pas encore déposé de candidature pour la campagne ouverte." };
  }
  const revisions = await db.candidacyRevision.findMany({
    where: { candidacyId: candidacy.id, number: { gte: candidacy.revision - 1 } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, snapshot: true, submittedAt: true },
  });
  const current = revisions[0]!;
  const previous = revisions[1] ?? null;
  const snapshot = current.snapshot as unknown as CandidacySnapshot;
  const [decisions, opinions, conflict, label] = await Promise.all([
    db.reviewDecision.findMany({
      where: { candidacyId: candidacy.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, outcome: true, comment: true, criteria: true, createdAt: true, reviewer: { select: { name: true, email: true } }, revision: { select: { number: true } } },
    }),
    db.correspondentOpinion.findMany({
      where: { candidacyId: candidacy.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, body: true, revisionNumber: true, createdAt: true, author: { select: { name: true, email: true } } },
    }),
    permissions.has("candidacy:review") ? reviewerConflict(db, actor.userId, organizationId) : Promise.resolve(null),
    db.label.findUnique({ where: { organizationId_roundId: { organizationId, roundId: round.id } }, select: { validUntil: true } }),
  ]);
  const waiting = candidacy.status === "SUBMITTED";
  const holder = candidacy.assignedReviewerId;
  return {
    kind: "file" as const,
    round,
    candidacy,
    snapshot,
    revision: { number: current.number, submittedAt: current.submittedAt },
    diff: previous ? { from: previous.number, changes: diffRevisions(previous.snapshot as unknown as CandidacySnapshot, snapshot) } : null,
    decisions: decisions.map((decision) => ({ ...decision, comments: commentsOf(decision.criteria) })),
    opinions,
    conflict,
    label,
    waitingDays: candidacy.submittedAt ? waitingDays(candidacy.submittedAt, now) : 0,
    overdue: waiting && candidacy.submittedAt !== null && isOverdue(candidacy.submittedAt, now),
    can: {
      take: permissions.has("candidacy:review") && !conflict && (waiting || candidacy.status === "RETURNED") && holder === null,
      release: permissions.has("candidacy:review") && holder === actor.userId && candidacy.status !== "APPROVED" && candidacy.status !== "REJECTED",
      decide: permissions.has("candidacy:review") && !conflict && waiting && (holder === null || holder === actor.userId),
      declareConflict: permissions.has("candidacy:review") && conflict === null,
      assign: permissions.has("review:assign") && (waiting || candidacy.status === "RETURNED"),
      opinion: permissions.has("review:opinion"),
    },
  };
}

export type ReviewFile = Extract<Awaited<ReturnType<typeof getReviewFile>>, { kind: "file" }>;
