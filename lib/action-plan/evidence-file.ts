// Evidence files of an action (a signed charter, an invoice, a screenshot of the backup report).
// The type is recognised from the content, never from the name or the type the browser claims:
// PDF, PNG and JPEG only, 10 MB at most (also a database check), as lib/files/file-type.ts says.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/access";
import { AccessDeniedError, DomainError } from "@/lib/auth/errors";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import { MAX_FILE_BYTES, detectFileType, safeFileName, sha256Hex } from "@/lib/files/file-type";
import { TITLE_MAX_LENGTH } from "./schemas";

export const EVIDENCE_MAX_BYTES = MAX_FILE_BYTES;

export const EVIDENCE_FILE_MESSAGES = {
  empty: "Choisissez le fichier à joindre comme preuve.",
  tooBig: "Le fichier dépasse 10 Mo : réduisez-le (par exemple « Enregistrer sous… PDF réduit ») puis réessayez.",
  forbiddenType: "Ce type de fichier n'est pas accepté comme preuve. Joignez un PDF ou une image (PNG, JPEG) ; pour un document Word ou un tableur, enregistrez-le d'abord en PDF.",
  label: "Décrivez la preuve en quelques mots (par exemple « Charte signée »).",
};

/** The accepted type of these bytes, or a DomainError saying what to send instead. */
export function detectEvidenceType(bytes: Uint8Array): { mimeType: string; extension: string } {
  if (bytes.byteLength === 0) throw new DomainError(EVIDENCE_FILE_MESSAGES.empty, "file");
  if (bytes.byteLength > EVIDENCE_MAX_BYTES) throw new DomainError(EVIDENCE_FILE_MESSAGES.tooBig, "file");
  const found = detectFileType(bytes, ["pdf", "png", "jpeg"]);
  if (!found) throw new DomainError(EVIDENCE_FILE_MESSAGES.forbiddenType, "file");
  return { mimeType: found.mimeType, extension: found.extension };
}

export async function addEvidenceFile(db: Db, actor: ActorGrants, input: { actionId: string; label: string; name: string; bytes: Uint8Array }) {
  const label = typeof input.label === "string" ? input.label.trim() : "";
  if (!label || label.length > TITLE_MAX_LENGTH) throw new DomainError(EVIDENCE_FILE_MESSAGES.label, "label");
  // Cheap checks before the transaction; the permission comes first inside it.
  const type = detectEvidenceType(input.bytes);
  const sha256 = sha256Hex(input.bytes);
  return db.$transaction(async (tx) => {
    const action = await tx.action.findUnique({ where: { id: String(input.actionId) }, select: { id: true, organizationId: true } });
    if (!action) throw new AccessDeniedError();
    await requirePermission(tx, actor, action.organizationId, "plan:manage");
    const file = await tx.storedFile.create({
      data: {
        organizationId: action.organizationId,
        name: safeFileName(input.name, `preuve.${type.extension}`),
        mimeType: type.mimeType,
        size: input.bytes.byteLength,
        sha256,
        content: new Uint8Array(input.bytes),
        uploadedById: actor.userId,
      },
      select: { id: true, name: true, mimeType: true, size: true },
    });
    const evidence = await tx.actionEvidence.create({
      data: { actionId: action.id, fileId: file.id, label },
      select: { id: true, label: true, createdAt: true },
    });
    await tx.actionEvent.create({
      data: { actionId: action.id, actorId: actor.userId, kind: "evidence_added", changes: { evidenceId: evidence.id, file: file.name, mimeType: file.mimeType, size: file.size, sha256, label } },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      organizationId: action.organizationId,
      action: "action.evidence_added",
      targetType: "Action",
      targetId: action.id,
      data: { evidenceId: evidence.id, sha256, size: file.size },
    });
    return { ...evidence, file };
  });
}

/** The file of an evidence, for the download route: plan:read on the action's organization. */
export async function readEvidenceFile(db: Db, actor: ActorGrants, evidenceId: string) {
  const evidence = await db.actionEvidence.findUnique({
    where: { id: String(evidenceId) },
    select: { fileId: true, action: { select: { organizationId: true } } },
  });
  if (!evidence?.fileId) throw new AccessDeniedError();
  await requirePermission(db, actor, evidence.action.organizationId, "plan:read");
  return db.storedFile.findUniqueOrThrow({ where: { id: evidence.fileId }, select: { name: true, mimeType: true, content: true, sha256: true } });
}
