import "server-only";
// A review decision: approve, return for changes (comments per criterion, at least one), or
// reject (reason required, final for the round). One transaction: the label lock first (shared
// with the submission and the payment), the status and revision checked against what the
// reviewer read (a newer revision or another decision makes theirs stale), the decision, the
// candidacy's new state, the audit event, the e-mails, and on approval the label award last.
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/auth/errors";
import { fileContacts } from "@/lib/candidacy/submission";
import { CRITERION_KEYS, CRITERION_TITLES } from "@/lib/candidacy/snapshot";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ReviewOutcome } from "@/lib/db/generated/enums";
import { awardLabelIfEligible } from "@/lib/label/award";
import { queueEmail } from "@/lib/notifications/outbox";
import { reviewerConflict } from "./access";
import { ASSIGNMENT_MESSAGES, lockedCandidacy } from "./assignment";
import { CONFLICT_LABELS, decisionProblem, type CriteriaVerdicts } from "./rules";
import { changingPublicLabels } from "@/lib/public/cache";

export type DecideInput = {
  candidacyId: string;
  revision: number;
  outcome: ReviewOutcome;
  reason: string;
  questionnaireMet: boolean;
  questionnaireComment: string;
  planMet: boolean;
  planComment: string;
  championMet: boolean;
  championComment: string;
  duesMet: boolean;
  duesComment: string;
};

export const DECISION_STATE_MESSAGES = {
  alreadyDecided: (what: string) => `Ce dossier ne peut plus être décidé : ${what}. Rechargez la page pour voir où il en est ; rien n’a été enregistré.`,
  unknownRevision: "Cette version du dossier n’existe pas : rechargez la page pour lire la version déposée. Rien n’a été enregistré.",
  stale: (revision: number) =>
    `Le dossier a été déposé de nouveau (version ${revision}) pendant votre lecture : relisez ce qui a changé avant de décider. Rien n’a été enregistré.`,
};

const STATUS_WORDS: Record<string, string> = {
  APPROVED: "il vient d’être accepté",
  RETURNED: "il vient d’être renvoyé à la commune",
  REJECTED: "il vient d’être refusé",
  WITHDRAWN: "le maire l’a retiré",
  DRAFT: "il n’est pas déposé",
};

function verdictsOf(input: DecideInput): CriteriaVerdicts {
  return {
    questionnaire: { met: input.questionnaireMet, comment: input.questionnaireComment.trim() },
    plan: { met: input.planMet, comment: input.planComment.trim() },
    champion: { met: input.championMet, comment: input.championComment.trim() },
    dues: { met: input.duesMet, comment: input.duesComment.trim() },
  };
}

export async function decideCandidacy(db: Db, actor: Actor, input: DecideInput) {
  const verdicts = verdictsOf(input);
  const reason = String(input.reason ?? "").trim();
  const problem = decisionProblem(input.outcome, verdicts, reason);
  if (problem) throw new DomainError(problem);

  return changingPublicLabels(db.$transaction(async (tx) => {
    const candidacy = await lockedCandidacy(tx, actor, input.candidacyId, "candidacy:review");
    const conflict = await reviewerConflict(tx, actor.userId, candidacy.organizationId);
    if (conflict) throw new DomainError(CONFLICT_LABELS[conflict]);
    if (candidacy.status !== "SUBMITTED") throw new DomainError(DECISION_STATE_MESSAGES.alreadyDecided(STATUS_WORDS[candidacy.status] ?? "il n’attend plus de décision"));
    if (input.revision > candidacy.revision) throw new DomainError(DECISION_STATE_MESSAGES.unknownRevision);
    if (candidacy.revision !== input.revision) throw new DomainError(DECISION_STATE_MESSAGES.stale(candidacy.revision));
    if (candidacy.assignedReviewerId && candidacy.assignedReviewerId !== actor.userId) {
      throw new DomainError(ASSIGNMENT_MESSAGES.takenBy(candidacy.assignedReviewer?.name ?? candidacy.assignedReviewer?.email ?? "un autre relecteur"));
    }
    const revision = await tx.candidacyRevision.findUniqueOrThrow({ where: { candidacyId_number: { candidacyId: candidacy.id, number: candidacy.revision } }, select: { id: true } });
    const comments = CRITERION_KEYS.filter((key) => verdicts[key].comment).map((key) => ({ criterion: CRITERION_TITLES[key], comment: verdicts[key].comment }));
    const comment = input.outcome === "REJECT" ? reason : input.outcome === "RETURN" ? comments.map((item) => `${item.criterion} : ${item.comment}`).join("\n") : reason || null;
    const now = new Date();
    const decision = await tx.reviewDecision.create({
      data: {
        candidacyId: candidacy.id,
        revisionId: revision.id,
        reviewerId: actor.userId,
        outcome: input.outcome,
        comment,
        criteria: verdicts as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    const status = input.outcome === "APPROVE" ? "APPROVED" : input.outcome === "RETURN" ? "RETURNED" : "REJECTED";
    await tx.candidacy.update({
      where: { id: candidacy.id },
      data: { status, decidedAt: now, assignedReviewerId: candidacy.assignedReviewerId ?? actor.userId, assignedAt: candidacy.assignedReviewerId ? undefined : now },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: candidacy.organizationId,
      action: input.outcome === "APPROVE" ? "review.approved" : input.outcome === "RETURN" ? "review.returned" : "review.rejected",
      targetType: "Candidacy",
      targetId: candidacy.id,
      data: { decisionId: decision.id, revision: candidacy.revision },
    });

    // The label, last: approved now, and paid before or not yet.
    const label = input.outcome === "APPROVE" ? await awardLabelIfEligible(tx, { organizationId: candidacy.organizationId, roundId: candidacy.roundId, actorId: actor.userId }) : null;

    const base = { organizationId: candidacy.organizationId, organizationName: candidacy.organization.name, year: candidacy.round.year, reviewer: actor.name ?? actor.email };
    for (const contact of await fileContacts(tx, candidacy.organizationId)) {
      const key = `${decision.id}:${contact.user.id}`;
      const common = { to: contact.user.email, organizationId: candidacy.organizationId };
      if (input.outcome === "APPROVE") await queueEmail(tx, { ...common, template: "review.approved", data: { ...base, labelled: label !== null }, idempotencyKey: `review.approved:${key}` });
      else if (input.outcome === "RETURN") await queueEmail(tx, { ...common, template: "review.returned", data: { ...base, comments }, idempotencyKey: `review.returned:${key}` });
      else await queueEmail(tx, { ...common, template: "review.rejected", data: { ...base, reason }, idempotencyKey: `review.rejected:${key}` });
    }
    if (input.outcome === "APPROVE" && candidacy.departmentCode) {
      const correspondents = await tx.associationRoleGrant.findMany({
        where: { role: "DEPARTMENT_CORRESPONDENT", departmentCode: candidacy.departmentCode, user: { disabledAt: null } },
        select: { user: { select: { id: true, email: true } } },
      });
      const department = await tx.department.findUnique({ where: { code: candidacy.departmentCode }, select: { name: true } });
      for (const correspondent of correspondents) {
        await queueEmail(tx, {
          to: correspondent.user.email,
          template: "review.approved_correspondent",
          data: { organizationId: candidacy.organizationId, organizationName: candidacy.organization.name, year: candidacy.round.year, departmentName: department?.name ?? candidacy.departmentCode },
          idempotencyKey: `review.approved_correspondent:${decision.id}:${correspondent.user.id}`,
          organizationId: candidacy.organizationId,
        });
      }
    }
    return { organizationId: candidacy.organizationId, decisionId: decision.id, status, labelled: label !== null };
  }));
}

/** A département correspondent's opinion, which reviewers read beside the file. */
export async function addOpinion(db: Db, actor: Actor, input: { candidacyId: string; body: string }) {
  const body = String(input.body ?? "").trim();
  if (body.length < 3) throw new DomainError("Écrivez votre avis.", "body");
  return db.$transaction(async (tx) => {
    const candidacy = await lockedCandidacy(tx, actor, input.candidacyId, "review:opinion");
    const opinion = await tx.correspondentOpinion.create({ data: { candidacyId: candidacy.id, authorId: actor.userId, revisionNumber: candidacy.revision, body }, select: { id: true } });
    await recordAudit(tx, { actorId: actor.userId, organizationId: candidacy.organizationId, action: "review.opinion_added", targetType: "CorrespondentOpinion", targetId: opinion.id });
    return { organizationId: candidacy.organizationId };
  });
}
