import "server-only";
// The candidacy of an organization for the open round: the secretary prepares it (a word to the
// association, attachments, asking the mayor), only the mayor submits it, which freezes the file
// in a new revision (CandidacyRevision, immutable). The submission locks the file first (the
// label lock, shared with the review and the payment), then re-reads the four criteria on the
// same transaction: a criterion that lapsed a moment before is seen, and refused in words.
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import type { CandidacyStatus } from "@/lib/db/generated/enums";
import { MAX_FILE_BYTES, detectFileType, safeFileName, sha256Hex } from "@/lib/files/file-type";
import { lockLabelFile } from "@/lib/label/award";
import { queueEmail } from "@/lib/notifications/outbox";
import { sizeBandFor } from "@/lib/questionnaire/size-band";
import { findOpenRound, type OpenRound } from "@/lib/rounds/open-round";
import { buildSnapshot } from "./build-snapshot";
import { labelCriteriaOf } from "./criteria";
import { SUBMISSION_MESSAGES, canWithdraw, duesAllowSubmission, submissionRefusal } from "./rules";
import { ATTACHMENT_LABEL_MAX_LENGTH, NOTE_MAX_LENGTH } from "./schemas";

type Tx = Prisma.TransactionClient;

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

export const CANDIDACY_MESSAGES = {
  ...SUBMISSION_MESSAGES,
  locked: "Le dossier est déposé : il ne peut plus être modifié tant que l’association ne l’a pas examiné. Le maire peut le retirer pour le compléter.",
  decided: "L’association a rendu sa décision : le dossier ne peut plus être modifié pour cette campagne.",
  noMayor: "Aucun maire n’est membre de l’organisation : invitez-le depuis la page de l’organisation, puis demandez-lui de déposer.",
  notWithdrawable: "Seule une candidature déposée et pas encore examinée peut être retirée.",
  attachmentEmpty: "Choisissez le fichier à joindre.",
  attachmentTooBig: "Le fichier dépasse 10 Mo : réduisez-le (par exemple « Enregistrer sous… PDF réduit ») puis réessayez.",
  attachmentType: "Ce type de fichier n’est pas accepté. Joignez un PDF ou une image (PNG, JPEG) ; pour un document Word, enregistrez-le d’abord en PDF.",
  attachmentGone: "Cette pièce jointe a déjà été retirée.",
  tooManyAttachments: "Le dossier compte déjà 10 pièces jointes : retirez-en une avant d’en ajouter une autre.",
};

const MAX_ATTACHMENTS = 10;

async function openRoundOrRefuse(tx: Db | Tx): Promise<OpenRound> {
  const round = await findOpenRound(tx);
  if (!round) throw new DomainError(CANDIDACY_MESSAGES.noRound);
  return round;
}

/** The organization's candidacy for the round, created (as a draft) on first need. */
async function ensureCandidacy(tx: Tx, organizationId: string, round: OpenRound) {
  const existing = await tx.candidacy.findUnique({ where: { organizationId_roundId: { organizationId, roundId: round.id } } });
  if (existing) return existing;
  const territory = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { territory: { select: { departmentCode: true, regionCode: true, kind: true, population: true } } },
  });
  return tx.candidacy.create({
    data: {
      organizationId,
      roundId: round.id,
      departmentCode: territory.territory.departmentCode,
      regionCode: territory.territory.regionCode,
      territoryKind: territory.territory.kind,
      sizeBand: sizeBandFor(territory.territory.population),
    },
  });
}

/** The live file may change while it is a draft, returned or withdrawn. */
function assertEditable(status: CandidacyStatus) {
  if (status === "SUBMITTED") throw new DomainError(CANDIDACY_MESSAGES.locked);
  if (status === "APPROVED" || status === "REJECTED") throw new DomainError(CANDIDACY_MESSAGES.decided);
}

/** Secretaries and mayors of the organization, who receive the candidacy's e-mails. */
export async function fileContacts(tx: Db | Tx, organizationId: string) {
  const members = await tx.membership.findMany({
    where: { organizationId, role: { in: ["SECRETARY", "MAYOR"] }, user: { disabledAt: null } },
    select: { role: true, user: { select: { id: true, email: true, name: true } } },
  });
  const seen = new Set<string>();
  return members.filter((member) => (seen.has(member.user.email) ? false : (seen.add(member.user.email), true)));
}

async function activeScope(tx: Tx, actor: ActorGrants, organizationId: string, permission: "candidacy:prepare" | "candidacy:submit") {
  const scope = await requirePermission(tx, actor, organizationId, permission);
  if (scope.status !== "ACTIVE") throw new DomainError(CANDIDACY_MESSAGES.notActive);
  return scope;
}

export async function saveCandidacyNote(db: Db, actor: Actor, input: { organizationId: string; note: string }) {
  const note = String(input.note ?? "").trim();
  if (note.length > NOTE_MAX_LENGTH) throw new DomainError(`Le mot à l’association fait ${NOTE_MAX_LENGTH} caractères au plus.`, "note");
  return db.$transaction(async (tx) => {
    const scope = await activeScope(tx, actor, input.organizationId, "candidacy:prepare");
    const round = await openRoundOrRefuse(tx);
    const candidacy = await ensureCandidacy(tx, scope.id, round);
    assertEditable(candidacy.status);
    await tx.candidacy.update({ where: { id: candidacy.id }, data: { note } });
    await recordAudit(tx, { actorId: actor.userId, organizationId: scope.id, action: "candidacy.note_saved", targetType: "Candidacy", targetId: candidacy.id, data: { length: note.length } });
    return { organizationId: scope.id };
  });
}

export async function addCandidacyAttachment(db: Db, actor: Actor, input: { organizationId: string; label: string; name: string; bytes: Uint8Array }) {
  const label = String(input.label ?? "").trim();
  if (label.length < 2 || label.length > ATTACHMENT_LABEL_MAX_LENGTH) throw new DomainError("Décrivez la pièce en quelques mots (par exemple « Délibération du conseil municipal »).", "label");
  if (input.bytes.byteLength === 0) throw new DomainError(CANDIDACY_MESSAGES.attachmentEmpty, "file");
  if (input.bytes.byteLength > MAX_FILE_BYTES) throw new DomainError(CANDIDACY_MESSAGES.attachmentTooBig, "file");
  const type = detectFileType(input.bytes, ["pdf", "png", "jpeg"]);
  if (!type) throw new DomainError(CANDIDACY_MESSAGES.attachmentType, "file");
  const sha256 = sha256Hex(input.bytes);
  return db.$transaction(async (tx) => {
    const scope = await activeScope(tx, actor, input.organizationId, "candidacy:prepare");
    const round = await openRoundOrRefuse(tx);
    const candidacy = await ensureCandidacy(tx, scope.id, round);
    assertEditable(candidacy.status);
    if ((await tx.candidacyAttachment.count({ where: { candidacyId: candidacy.id, removedAt: null } })) >= MAX_ATTACHMENTS) {
      throw new DomainError(CANDIDACY_MESSAGES.tooManyAttachments, "file");
    }
    const file = await tx.storedFile.create({
      data: {
        organizationId: scope.id,
        name: safeFileName(input.name, `piece-jointe.${type.extension}`),
        mimeType: type.mimeType,
        size: input.bytes.byteLength,
        sha256,
        content: new Uint8Array(input.bytes),
        uploadedById: actor.userId,
      },
      select: { id: true, name: true },
    });
    const attachment = await tx.candidacyAttachment.create({ data: { candidacyId: candidacy.id, fileId: file.id, label, addedById: actor.userId }, select: { id: true } });
    await recordAudit(tx, { actorId: actor.userId, organizationId: scope.id, action: "candidacy.attachment_added", targetType: "CandidacyAttachment", targetId: attachment.id, data: { sha256, size: input.bytes.byteLength, label } });
    return { organizationId: scope.id, attachmentId: attachment.id };
  });
}

export async function removeCandidacyAttachment(db: Db, actor: Actor, input: { attachmentId: string }) {
  return db.$transaction(async (tx) => {
    const attachment = await tx.candidacyAttachment.findUnique({
      where: { id: String(input.attachmentId) },
      select: { id: true, removedAt: true, candidacy: { select: { organizationId: true, status: true } } },
    });
    if (!attachment) throw new AccessDeniedError();
    const scope = await activeScope(tx, actor, attachment.candidacy.organizationId, "candidacy:prepare");
    assertEditable(attachment.candidacy.status);
    if (attachment.removedAt) throw new DomainError(CANDIDACY_MESSAGES.attachmentGone);
    // Kept with its file: a submitted revision may list it.
    await tx.candidacyAttachment.update({ where: { id: attachment.id }, data: { removedAt: new Date() } });
    await recordAudit(tx, { actorId: actor.userId, organizationId: scope.id, action: "candidacy.attachment_removed", targetType: "CandidacyAttachment", targetId: attachment.id });
    return { organizationId: scope.id };
  });
}

/** The secretary asks the mayor(s) to submit: one e-mail each, through the outbox. */
export async function askMayorToSubmit(db: Db, actor: Actor, input: { organizationId: string }) {
  return db.$transaction(async (tx) => {
    const scope = await activeScope(tx, actor, input.organizationId, "candidacy:prepare");
    const round = await openRoundOrRefuse(tx);
    const candidacy = await ensureCandidacy(tx, scope.id, round);
    assertEditable(candidacy.status);
    const mayors = (await fileContacts(tx, scope.id)).filter((member) => member.role === "MAYOR");
    if (mayors.length === 0) throw new DomainError(CANDIDACY_MESSAGES.noMayor);
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: scope.id }, select: { name: true } });
    const now = new Date();
    await tx.candidacy.update({ where: { id: candidacy.id }, data: { mayorAskedAt: now } });
    for (const mayor of mayors) {
      await queueEmail(tx, {
        to: mayor.user.email,
        template: "candidacy.ask_mayor",
        data: { organizationId: scope.id, organizationName: organization.name, askedBy: actor.name ?? actor.email, year: round.year, closesOn: dayFormat.format(round.closesAt) },
        // One message per request (a person may ask again a few days later).
        idempotencyKey: `candidacy.ask_mayor:${candidacy.id}:${now.getTime()}:${mayor.user.id}`,
        organizationId: scope.id,
      });
    }
    await recordAudit(tx, { actorId: actor.userId, organizationId: scope.id, action: "candidacy.mayor_asked", targetType: "Candidacy", targetId: candidacy.id, data: { mayors: mayors.length } });
    return { organizationId: scope.id, mayors: mayors.map((mayor) => mayor.user.name ?? mayor.user.email) };
  });
}

/**
 * The mayor submits. In one transaction: permission, the label lock (serialises with the
 * review, the payment and any other submission), the deadline and status, the four criteria
 * re-read on this transaction, the frozen revision, the candidacy's new state, the audit event
 * and the e-mails. Any refusal leaves everything as it was.
 */
export async function submitCandidacy(db: Db, actor: Actor, input: { organizationId: string }, now: () => Date = () => new Date()) {
  return db.$transaction(async (tx) => {
    const scope = await activeScope(tx, actor, input.organizationId, "candidacy:submit");
    await lockLabelFile(tx, scope.id);
    const round = await openRoundOrRefuse(tx);
    const existing = await tx.candidacy.findUnique({ where: { organizationId_roundId: { organizationId: scope.id, roundId: round.id } } });
    const criteria = await labelCriteriaOf(tx, scope.id, round);
    const submittedAt = now();
    const refusal = submissionRefusal({
      status: existing?.status ?? null,
      now: submittedAt,
      closesAt: round.closesAt,
      criteria: {
        questionnaire: criteria.questionnaire.met,
        plan: criteria.plan.complete,
        champion: criteria.champion.met,
        dues: duesAllowSubmission({ met: criteria.dues.met, invoiced: await duesInvoiced(tx, scope.id, round.id) }),
      },
    });
    if (refusal) throw new DomainError(refusal);
    return freezeSubmission(tx, actor, { organizationId: scope.id, round, criteria, existing, submittedAt });
  });
}

/** The invoice of the round's dues is issued (waiting for payment, or paid). */
export async function duesInvoiced(tx: Db | Tx, organizationId: string, roundId: string): Promise<boolean> {
  const dues = await tx.dues.findUnique({ where: { organizationId_roundId: { organizationId, roundId } }, select: { status: true } });
  return dues?.status === "DUE" || dues?.status === "PAID";
}

/**
 * The submission once every check passed, on the same transaction: the frozen revision, the
 * candidacy's new state, the audit event and the e-mails. Exported for the demo seed only.
 */
export async function freezeSubmission(
  tx: Tx,
  actor: Actor,
  input: { organizationId: string; round: OpenRound; criteria: Awaited<ReturnType<typeof labelCriteriaOf>>; existing: { id: string } | null; submittedAt: Date },
) {
  {
    const { round, criteria, submittedAt } = input;
    const scope = { id: input.organizationId };
    const candidacy = await ensureCandidacy(tx, scope.id, round);
    const number = candidacy.revision + 1;
    const submittedBy = { id: actor.userId, name: actor.name ?? actor.email };
    // Renewals: the renewal feature will provide progressionForSnapshot(tx, organizationId, round);
    // a first-year file has no progression.
    const progression = null;
    const snapshot = await buildSnapshot(tx, { organizationId: scope.id, round, criteria, candidacyId: candidacy.id, note: candidacy.note, submittedBy, submittedAt, progression });
    const revision = await tx.candidacyRevision.create({
      data: { candidacyId: candidacy.id, number, snapshot: snapshot as unknown as Prisma.InputJsonValue, submittedById: actor.userId, submittedAt },
      select: { id: true, number: true },
    });
    // The status check is repeated in the update: the lock makes it true, the WHERE makes it plain.
    const updated = await tx.candidacy.updateMany({
      where: { id: candidacy.id, status: candidacy.status, revision: candidacy.revision },
      data: { status: "SUBMITTED", revision: number, submittedAt, submittedById: actor.userId, withdrawnAt: null, snapshot: { revisionId: revision.id, number } },
    });
    if (updated.count !== 1) throw new DomainError(CANDIDACY_MESSAGES.alreadySubmitted);
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: scope.id,
      action: "candidacy.submitted",
      targetType: "Candidacy",
      targetId: candidacy.id,
      data: { revision: number, roundYear: round.year },
    });
    const organization = snapshot.organization.name;
    for (const contact of await fileContacts(tx, scope.id)) {
      await queueEmail(tx, {
        to: contact.user.email,
        template: "candidacy.submitted",
        data: { organizationId: scope.id, organizationName: organization, year: round.year, revision: number, submittedBy: submittedBy.name },
        idempotencyKey: `candidacy.submitted:${revision.id}:${contact.user.id}`,
        organizationId: scope.id,
      });
    }
    if (number > 1 && candidacy.assignedReviewerId) {
      const reviewer = await tx.user.findUnique({ where: { id: candidacy.assignedReviewerId }, select: { email: true } });
      if (reviewer) {
        await queueEmail(tx, {
          to: reviewer.email,
          template: "candidacy.resubmitted_to_reviewer",
          data: { organizationId: scope.id, organizationName: organization, revision: number },
          idempotencyKey: `candidacy.resubmitted:${revision.id}`,
          organizationId: scope.id,
        });
      }
    }
    return { organizationId: scope.id, candidacyId: candidacy.id, revision: number };
  }
}

/** The mayor withdraws a submitted file before any decision; it may be completed and submitted again. */
export async function withdrawCandidacy(db: Db, actor: Actor, input: { organizationId: string }) {
  return db.$transaction(async (tx) => {
    const scope = await activeScope(tx, actor, input.organizationId, "candidacy:submit");
    await lockLabelFile(tx, scope.id);
    const round = await openRoundOrRefuse(tx);
    const candidacy = await tx.candidacy.findUnique({ where: { organizationId_roundId: { organizationId: scope.id, roundId: round.id } } });
    if (!candidacy || !canWithdraw(candidacy.status)) throw new DomainError(CANDIDACY_MESSAGES.notWithdrawable);
    await tx.candidacy.update({ where: { id: candidacy.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
    await recordAudit(tx, { actorId: actor.userId, organizationId: scope.id, action: "candidacy.withdrawn", targetType: "Candidacy", targetId: candidacy.id, data: { revision: candidacy.revision } });
    return { organizationId: scope.id };
  });
}

/**
 * An attachment's file for download. A draft's attachment is the organization's business only
 * (candidacy:prepare); once a submitted revision lists it, whoever reads the candidacy may.
 */
export async function readCandidacyAttachment(db: Db, actor: ActorGrants, attachmentId: string) {
  const attachment = await db.candidacyAttachment.findUnique({
    where: { id: String(attachmentId) },
    select: { id: true, candidacyId: true, fileId: true, candidacy: { select: { organizationId: true, revision: true } } },
  });
  if (!attachment) throw new AccessDeniedError();
  const organizationId = attachment.candidacy.organizationId;
  const submitted =
    attachment.candidacy.revision > 0 &&
    (await db.$queryRaw<{ n: number }[]>`
      SELECT 1 AS n FROM "CandidacyRevision"
      WHERE "candidacyId" = ${attachment.candidacyId} AND "snapshot"->'attachments' @> ${JSON.stringify([{ id: attachment.id }])}::jsonb
      LIMIT 1`).length > 0;
  await requirePermission(db, actor, organizationId, submitted ? "candidacy:read" : "candidacy:prepare");
  return db.storedFile.findUniqueOrThrow({ where: { id: attachment.fileId }, select: { name: true, mimeType: true, content: true } });
}
