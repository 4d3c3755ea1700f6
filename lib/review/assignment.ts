import "server-only";
// Who examines a file: a reviewer takes it (« Je prends ce dossier ») or an administrator
// assigns it; one reviewer at a time, shown to everyone. A reviewer in conflict (member of the
// organization or of its EPCI, or a declared conflict) can neither take nor be given the file.
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { lockLabelFile } from "@/lib/label/award";
import { reviewerConflict } from "./access";
import { CONFLICT_LABELS } from "./rules";

type Tx = Prisma.TransactionClient;

export const ASSIGNMENT_MESSAGES = {
  notWaiting: "Ce dossier n’attend pas d’examen (il n’est pas déposé, ou une décision est déjà prise).",
  takenBy: (name: string) => `Ce dossier est déjà pris par ${name}. Un seul relecteur à la fois : voyez avec lui, ou demandez à un administrateur de vous l’attribuer.`,
  alreadyYours: "Vous avez déjà pris ce dossier.",
  notYours: "Vous ne tenez pas ce dossier.",
  notReviewer: "Cette personne n’est pas relectrice de l’association.",
  otherConflict: (name: string) => `${name} est en conflit d’intérêts avec cette organisation : choisissez un autre relecteur.`,
  conflictExists: "Vous avez déjà déclaré un conflit d’intérêts avec cette organisation.",
};

/** The candidacy, after the permission on its own organization and the file's lock. */
export async function lockedCandidacy(tx: Tx, actor: Actor, candidacyId: string, permission: "candidacy:review" | "review:assign" | "review:opinion") {
  const found = await tx.candidacy.findUnique({ where: { id: String(candidacyId) }, select: { organizationId: true } });
  if (!found) throw new AccessDeniedError();
  const scope = await requirePermission(tx, actor, found.organizationId, permission);
  await lockLabelFile(tx, scope.id);
  const candidacy = await tx.candidacy.findUniqueOrThrow({
    where: { id: String(candidacyId) },
    select: {
      id: true,
      organizationId: true,
      roundId: true,
      status: true,
      revision: true,
      departmentCode: true,
      assignedReviewerId: true,
      assignedReviewer: { select: { name: true, email: true } },
      organization: { select: { name: true } },
      round: { select: { year: true } },
    },
  });
  // A draft is not the association's business yet: the same answer as a missing file.
  if (candidacy.revision === 0) throw new AccessDeniedError();
  return candidacy;
}

export async function takeCandidacy(db: Db, actor: Actor, input: { candidacyId: string }) {
  return db.$transaction(async (tx) => {
    const candidacy = await lockedCandidacy(tx, actor, input.candidacyId, "candidacy:review");
    const conflict = await reviewerConflict(tx, actor.userId, candidacy.organizationId);
    if (conflict) throw new DomainError(CONFLICT_LABELS[conflict]);
    if (candidacy.status !== "SUBMITTED" && candidacy.status !== "RETURNED") throw new DomainError(ASSIGNMENT_MESSAGES.notWaiting);
    if (candidacy.assignedReviewerId === actor.userId) throw new DomainError(ASSIGNMENT_MESSAGES.alreadyYours);
    if (candidacy.assignedReviewerId) throw new DomainError(ASSIGNMENT_MESSAGES.takenBy(candidacy.assignedReviewer?.name ?? candidacy.assignedReviewer?.email ?? "un autre relecteur"));
    await tx.candidacy.update({ where: { id: candidacy.id }, data: { assignedReviewerId: actor.userId, assignedAt: new Date() } });
    await recordAudit(tx, { actorId: actor.userId, organizationId: candidacy.organizationId, action: "review.taken", targetType: "Candidacy", targetId: candidacy.id });
    return { organizationId: candidacy.organizationId };
  });
}

/** The reviewer gives the file back to the queue. */
export async function releaseCandidacy(db: Db, actor: Actor, input: { candidacyId: string }) {
  return db.$transaction(async (tx) => {
    const candidacy = await lockedCandidacy(tx, actor, input.candidacyId, "candidacy:review");
    if (candidacy.assignedReviewerId !== actor.userId) throw new DomainError(ASSIGNMENT_MESSAGES.notYours);
    await tx.candidacy.update({ where: { id: candidacy.id }, data: { assignedReviewerId: null, assignedAt: null } });
    await recordAudit(tx, { actorId: actor.userId, organizationId: candidacy.organizationId, action: "review.released", targetType: "Candidacy", targetId: candidacy.id });
    return { organizationId: candidacy.organizationId };
  });
}

/** An administrator gives the file to a reviewer (or takes it from one to give to another). */
export async function assignCandidacy(db: Db, actor: Actor, input: { candidacyId: string; reviewerId: string }) {
  return db.$transaction(async (tx) => {
    const candidacy = await lockedCandidacy(tx, actor, input.candidacyId, "review:assign");
    if (candidacy.status !== "SUBMITTED" && candidacy.status !== "RETURNED") throw new DomainError(ASSIGNMENT_MESSAGES.notWaiting);
    const reviewer = await tx.user.findFirst({
      where: { id: String(input.reviewerId), disabledAt: null, associationRoles: { some: { role: "REVIEWER" } } },
      select: { id: true, name: true, email: true },
    });
    if (!reviewer) throw new DomainError(ASSIGNMENT_MESSAGES.notReviewer, "reviewerId");
    if (await reviewerConflict(tx, reviewer.id, candidacy.organizationId)) throw new DomainError(ASSIGNMENT_MESSAGES.otherConflict(reviewer.name ?? reviewer.email), "reviewerId");
    await tx.candidacy.update({ where: { id: candidacy.id }, data: { assignedReviewerId: reviewer.id, assignedAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: candidacy.organizationId,
      action: "review.assigned",
      targetType: "Candidacy",
      targetId: candidacy.id,
      data: { reviewerId: reviewer.id, previousReviewerId: candidacy.assignedReviewerId },
    });
    return { organizationId: candidacy.organizationId };
  });
}

/**
 * A reviewer declares a conflict of interest with an organization (a relative on the council,
 * a former employer...): its files are hidden from them from now on, and if they held one of
 * its files, it goes back to the queue.
 */
export async function declareConflict(db: Db, actor: Actor, input: { organizationId: string; reason: string }) {
  const reason = String(input.reason ?? "").trim();
  if (reason.length < 3 || reason.length > 500) throw new DomainError("Dites en quelques mots la nature du conflit d’intérêts.", "reason");
  return db.$transaction(async (tx) => {
    const scope = await requirePermission(tx, actor, input.organizationId, "candidacy:review");
    await lockLabelFile(tx, scope.id);
    const created = await tx.reviewConflict.createMany({ data: [{ reviewerId: actor.userId, organizationId: scope.id, reason }], skipDuplicates: true });
    if (created.count === 0) throw new DomainError(ASSIGNMENT_MESSAGES.conflictExists);
    const released = await tx.candidacy.updateMany({ where: { organizationId: scope.id, assignedReviewerId: actor.userId }, data: { assignedReviewerId: null, assignedAt: null } });
    await recordAudit(tx, { actorId: actor.userId, organizationId: scope.id, action: "review.conflict_declared", targetType: "Organization", targetId: scope.id, data: { released: released.count } });
    return { organizationId: scope.id };
  });
}
