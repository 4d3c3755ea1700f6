import "server-only";
// What the candidacy page and the organization page read: the open round's criteria, the
// candidacy's state, what the reviewer asked for when the file was returned, and the label.
import { requirePermission } from "@/lib/auth/access";
import type { ActorGrants } from "@/lib/auth/grants";
import { permissionsOn } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import { findOpenRound } from "@/lib/rounds/open-round";
import { labelCriteriaOf, type LabelCriteria } from "./criteria";
import { CRITERION_KEYS, CRITERION_TITLES, type CriterionKey } from "./snapshot";
import { duesAllowSubmission, missingCriteria } from "./rules";

export type ReviewerComment = { criterion: CriterionKey; title: string; met: boolean; comment: string };

type StoredVerdicts = Partial<Record<CriterionKey, { met?: boolean; comment?: string }>>;

export function commentsOf(criteria: unknown): ReviewerComment[] {
  const verdicts = (criteria ?? {}) as StoredVerdicts;
  return CRITERION_KEYS.flatMap((key) => {
    const verdict = verdicts[key];
    const comment = verdict?.comment?.trim() ?? "";
    return comment ? [{ criterion: key, title: CRITERION_TITLES[key], met: verdict?.met ?? false, comment }] : [];
  });
}

/** The candidacy page: null between campaigns. */
export async function getCandidacyFile(db: Db, actor: ActorGrants, organizationId: string) {
  const scope = await requirePermission(db, actor, organizationId, "candidacy:read");
  const round = await findOpenRound(db);
  if (!round) return null;
  const permissions = permissionsOn(actor, scope);
  const criteria: LabelCriteria = await labelCriteriaOf(db, organizationId, round);
  const candidacy = await db.candidacy.findUnique({
    where: { organizationId_roundId: { organizationId, roundId: round.id } },
    select: {
      id: true,
      status: true,
      revision: true,
      note: true,
      submittedAt: true,
      submittedBy: { select: { name: true, email: true } },
      mayorAskedAt: true,
      decidedAt: true,
      withdrawnAt: true,
      assignedReviewer: { select: { name: true } },
      attachments: { where: { removedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, label: true, createdAt: true, file: { select: { name: true, size: true, mimeType: true } } } },
      decisions: { orderBy: { createdAt: "desc" }, take: 1, select: { outcome: true, comment: true, criteria: true, createdAt: true, revision: { select: { number: true } } } },
    },
  });
  const mayors = await db.membership.findMany({ where: { organizationId, role: "MAYOR" }, select: { user: { select: { name: true, email: true } } } });
  const label = await db.label.findUnique({ where: { organizationId_roundId: { organizationId, roundId: round.id } }, select: { awardedAt: true, validUntil: true, revokedAt: true } });
  const lastDecision = candidacy?.decisions[0] ?? null;
  const dues = await db.dues.findUnique({ where: { organizationId_roundId: { organizationId, roundId: round.id } }, select: { status: true } });
  const missing = missingCriteria({
    questionnaire: criteria.questionnaire.met,
    plan: criteria.plan.complete,
    champion: criteria.champion.met,
    dues: duesAllowSubmission({ met: criteria.dues.met, invoiced: dues?.status === "DUE" || dues?.status === "PAID" }),
  });
  return {
    /** Criteria the submission still lacks (the dues count once invoiced). */
    missing,
    round,
    criteria,
    candidacy,
    // The organization's own people see the draft; readers of the association do not.
    canPrepare: permissions.has("candidacy:prepare"),
    canSubmit: permissions.has("candidacy:submit"),
    mayors: mayors.map((mayor) => mayor.user.name ?? mayor.user.email),
    lastDecision: lastDecision
      ? { outcome: lastDecision.outcome, comment: lastDecision.comment, createdAt: lastDecision.createdAt, revision: lastDecision.revision?.number ?? null, comments: commentsOf(lastDecision.criteria) }
      : null,
    label,
  };
}

export type CandidacyFile = NonNullable<Awaited<ReturnType<typeof getCandidacyFile>>>;

/** The organization page's summary: the candidacy's status and the label, if any. */
export async function getCandidacySummary(db: Db, actor: ActorGrants, organizationId: string) {
  await requirePermission(db, actor, organizationId, "candidacy:read");
  const round = await findOpenRound(db);
  if (!round) return null;
  const [candidacy, label] = await Promise.all([
    db.candidacy.findUnique({ where: { organizationId_roundId: { organizationId, roundId: round.id } }, select: { status: true, revision: true, submittedAt: true } }),
    db.label.findUnique({ where: { organizationId_roundId: { organizationId, roundId: round.id } }, select: { validUntil: true, revokedAt: true } }),
  ]);
  return { round: { year: round.year, closesAt: round.closesAt }, status: candidacy?.status ?? null, revision: candidacy?.revision ?? 0, submittedAt: candidacy?.submittedAt ?? null, label };
}
