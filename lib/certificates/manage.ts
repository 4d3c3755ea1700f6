// What the association does to a certificate after it is issued: revoke the label (it ends
// the label, the verification page and the JSON say « révoqué » at once), reissue it (a new
// serial; the old one says « remplacé » once the new one is signed), record the number of the
// hologram stuck on the framed copy. Each in one transaction with its audit event and e-mails;
// the permission is checked on the certificate's own organization.
import "server-only";
import { requirePermission } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/db/generated/client";
import { queueEmail } from "@/lib/notifications/outbox";
import { scheduleCertificateIssue } from "./jobs";
import { mayorAndSecretary } from "./records";
import { generateSerial } from "./serial";
import { changingPublicLabels } from "@/lib/public/cache";

const NOT_FOUND = "Ce certificat n'existe pas, ou vous n'y avez pas accès.";

async function certificateOf(db: Db | Prisma.TransactionClient, certificateId: string) {
  const certificate = await db.certificate.findUnique({
    where: { id: certificateId },
    select: {
      id: true,
      serial: true,
      generation: true,
      issuedAt: true,
      replacedById: true,
      hologramNumber: true,
      labelId: true,
      label: { select: { id: true, organizationId: true, revokedAt: true, round: { select: { year: true } } } },
    },
  });
  if (!certificate) throw new DomainError(NOT_FOUND);
  return certificate;
}

/** Withdraws the label: its certificates read « révoqué le … pour le motif … » from now on. */
export async function revokeLabel(db: Db, actor: Actor, input: { certificateId: string; reason: string }) {
  const found = await certificateOf(db, input.certificateId);
  await requirePermission(db, actor, found.label.organizationId, "certificate:manage");
  return changingPublicLabels(db.$transaction(async (tx) => {
    const revokedAt = new Date();
    const revoked = await tx.label.updateMany({ where: { id: found.labelId, revokedAt: null }, data: { revokedAt, revokeReason: input.reason, revokedById: actor.userId } });
    if (revoked.count === 0) throw new DomainError("Ce label est déjà retiré : la page de vérification l'indique déjà.");
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: found.label.organizationId,
      action: "label.revoked",
      targetType: "Label",
      targetId: found.labelId,
      data: { serial: found.serial, reason: input.reason, year: found.label.round.year },
    });
    for (const to of await mayorAndSecretary(tx, found.label.organizationId)) {
      await queueEmail(tx, { to, template: "certificate.revoked", data: { labelId: found.labelId }, idempotencyKey: `label.revoked:${found.labelId}:${to}`, organizationId: found.label.organizationId });
    }
    return { labelId: found.labelId, revokedAt };
  }));
}

/**
 * Makes a new certificate for the label (e.g. the name was wrong once corrected): a new serial
 * is reserved now and the issuing job signs it; when it is stored, the old one reads
 * « remplacé par … ». One reissue at a time.
 */
export async function reissueCertificate(db: Db, actor: Actor, input: { certificateId: string; reason: string }) {
  const found = await certificateOf(db, input.certificateId);
  await requirePermission(db, actor, found.label.organizationId, "certificate:manage");
  return db.$transaction(async (tx) => {
    const current = await certificateOf(tx, input.certificateId);
    if (current.label.revokedAt) throw new DomainError("Ce label est retiré : un certificat révoqué ne se remplace pas.");
    if (!current.issuedAt) throw new DomainError("Ce certificat n'est pas encore délivré : attendez qu'il le soit avant de le remplacer.");
    const newer = await tx.certificate.findFirst({ where: { labelId: current.labelId, generation: { gt: current.generation } }, select: { issuedAt: true } });
    if (newer) throw new DomainError(newer.issuedAt ? "Ce certificat est déjà remplacé : agissez sur le certificat en vigueur." : "Un nouveau certificat est déjà en préparation pour ce label : il sera délivré dans quelques instants.");
    const generation = current.generation + 1;
    let created: { id: string; serial: string } | null = null;
    for (let attempt = 0; !created; attempt++) {
      try {
        created = await tx.certificate.create({ data: { labelId: current.labelId, generation, serial: generateSerial(current.label.round.year), reissueReason: input.reason }, select: { id: true, serial: true } });
      } catch (error) {
        // A serial drawn twice (about one chance in 34 billion): draw again.
        if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && attempt < 3)) throw error;
      }
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: current.label.organizationId,
      action: "certificate.reissue_requested",
      targetType: "Certificate",
      targetId: created.id,
      data: { replaces: current.serial, serial: created.serial, reason: input.reason },
    });
    await scheduleCertificateIssue(tx, current.labelId, generation);
    return { certificateId: created.id, serial: created.serial, labelId: current.labelId };
  });
}

/** Records (or corrects) the number of the hologram on the framed copy; unique across certificates. */
export async function recordHologram(db: Db, actor: Actor, input: { certificateId: string; hologramNumber: string }) {
  const found = await certificateOf(db, input.certificateId);
  await requirePermission(db, actor, found.label.organizationId, "certificate:hologram");
  if (!found.issuedAt) throw new DomainError("Ce certificat n'est pas encore délivré : l'hologramme s'enregistre sur un certificat délivré.");
  if (found.replacedById) throw new DomainError("Ce certificat a été remplacé : enregistrez l'hologramme sur le certificat en vigueur.", "hologramNumber");
  if (found.label.revokedAt) throw new DomainError("Ce label est retiré : son certificat ne reçoit plus d'hologramme.", "hologramNumber");
  if (found.hologramNumber === input.hologramNumber) return { hologramNumber: found.hologramNumber };
  try {
    return await changingPublicLabels(db.$transaction(async (tx) => {
      await tx.certificate.update({
        where: { id: found.id },
        data: { hologramNumber: input.hologramNumber, hologramRecordedAt: new Date(), hologramRecordedById: actor.userId },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        organizationId: found.label.organizationId,
        action: "certificate.hologram_recorded",
        targetType: "Certificate",
        targetId: found.id,
        data: { serial: found.serial, hologramNumber: input.hologramNumber, previous: found.hologramNumber },
      });
      return { hologramNumber: input.hologramNumber };
    }));
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("Ce numéro d'hologramme est déjà enregistré sur un autre certificat : relisez le numéro imprimé sur l'hologramme.", "hologramNumber");
    }
    throw error;
  }
}
