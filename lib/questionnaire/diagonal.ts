// The Gendarmerie's "Diagonal" diagnostic as an alternative proof of criterion 1: the date the
// gendarme went through it with the commune, and the written summary they left (a PDF).
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import { MAX_FILE_BYTES, isReadablePdf, safeFileName, sha256Hex } from "@/lib/files/file-type";
import { findOpenRound } from "@/lib/rounds/open-round";

export const DIAGONAL_MAX_BYTES = MAX_FILE_BYTES;

const MESSAGES = {
  noFile: "Choisissez le fichier PDF de la synthèse remise par la Gendarmerie.",
  tooBig: "Le fichier dépasse 10 Mo : demandez à la Gendarmerie une version plus légère, ou réduisez-le (« Enregistrer sous… PDF réduit ») puis réessayez.",
  notPdf: "Ce fichier n'est pas un PDF lisible. Envoyez la synthèse au format PDF (et non une photo ou un document Word).",
  noRound: "Aucune campagne n'est ouverte : le diagnostic ne peut pas être enregistré pour le moment.",
  date: "Indiquez la date du diagnostic (jour, mois, année).",
  future: "La date du diagnostic ne peut pas être dans le futur.",
};

/** Shared by the form and the server action (the form sends multipart FormData). */
export const diagonalEvidenceSchema = z.object({
  organizationId: z.string().trim().min(1).max(64).regex(/^[a-z0-9_-]+$/i),
  diagnosedOn: z
    .string({ error: MESSAGES.date })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: MESSAGES.date })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: MESSAGES.date })
    .refine((value) => Date.parse(`${value}T00:00:00Z`) <= Date.now() + 24 * 3600 * 1000, { error: MESSAGES.future }),
  file: z.instanceof(File, { error: MESSAGES.noFile }).refine((file) => file.size > 0, { error: MESSAGES.noFile }),
});

export type DiagonalEvidenceInput = z.output<typeof diagonalEvidenceSchema>;

/** A PDF is recognised by its content, never its name (lib/files/file-type.ts). */
export async function assertPdf(bytes: Uint8Array): Promise<void> {
  if (bytes.byteLength > DIAGONAL_MAX_BYTES) throw new DomainError(MESSAGES.tooBig, "file");
  if (!(await isReadablePdf(bytes))) throw new DomainError(MESSAGES.notPdf, "file");
}

/** Records (or replaces) the organization's Diagonal evidence for the open round. Needs assessment:answer. */
export async function saveDiagonalEvidence(db: Db, actor: ActorGrants, input: DiagonalEvidenceInput) {
  await requirePermission(db, actor, input.organizationId, "assessment:answer");
  if (input.file.size > DIAGONAL_MAX_BYTES) throw new DomainError(MESSAGES.tooBig, "file");
  const round = await findOpenRound(db);
  if (!round) throw new DomainError(MESSAGES.noRound);
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  await assertPdf(bytes);
  const sha256 = sha256Hex(bytes);
  const name = safeFileName(input.file.name, "synthese-diagonal.pdf");
  const diagnosedOn = new Date(`${input.diagnosedOn}T00:00:00Z`);

  return db.$transaction(async (tx) => {
    const previous = await tx.diagonalEvidence.findUnique({
      where: { organizationId_roundId: { organizationId: input.organizationId, roundId: round.id } },
      select: { id: true, fileId: true },
    });
    const file = await tx.storedFile.create({
      data: { organizationId: input.organizationId, name, mimeType: "application/pdf", size: bytes.byteLength, sha256, content: bytes, uploadedById: actor.userId },
      select: { id: true },
    });
    const evidence = await tx.diagonalEvidence.upsert({
      where: { organizationId_roundId: { organizationId: input.organizationId, roundId: round.id } },
      create: { organizationId: input.organizationId, roundId: round.id, diagnosedOn, fileId: file.id },
      update: { diagnosedOn, fileId: file.id },
      select: { id: true, diagnosedOn: true },
    });
    // The replaced summary is not kept: the evidence is one document per round.
    if (previous?.fileId) await tx.storedFile.delete({ where: { id: previous.fileId } });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: input.organizationId,
      action: "diagonal.recorded",
      targetType: "DiagonalEvidence",
      targetId: evidence.id,
      data: { roundYear: round.year, diagnosedOn: input.diagnosedOn, sha256, size: bytes.byteLength },
    });
    return { id: evidence.id, diagnosedOn: evidence.diagnosedOn, name, size: bytes.byteLength };
  });
}

/** The evidence for the open round, without the file's bytes. Needs assessment:read. */
export async function getDiagonalEvidence(db: Db, actor: ActorGrants, organizationId: string) {
  await requirePermission(db, actor, organizationId, "assessment:read");
  const round = await findOpenRound(db);
  if (!round) return null;
  return db.diagonalEvidence.findUnique({
    where: { organizationId_roundId: { organizationId, roundId: round.id } },
    select: { id: true, diagnosedOn: true, createdAt: true, file: { select: { name: true, size: true, sha256: true, createdAt: true } } },
  });
}

/** The summary's bytes for download; the tenant is the evidence's organization. Needs assessment:read. */
export async function readDiagonalFile(db: Db, actor: ActorGrants, evidenceId: string) {
  const evidence = await db.diagonalEvidence.findUnique({ where: { id: evidenceId }, select: { organizationId: true, fileId: true } });
  if (!evidence) throw new AccessDeniedError();
  await requirePermission(db, actor, evidence.organizationId, "assessment:read");
  if (!evidence.fileId) throw new AccessDeniedError();
  return db.storedFile.findUniqueOrThrow({ where: { id: evidence.fileId }, select: { name: true, mimeType: true, content: true } });
}
