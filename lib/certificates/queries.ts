// Reads for the signed-in pages: the organization's certificates (panel and download) and
// the administrators' register. Each checks its permission on the resource's organization.
import "server-only";
import { hasPermission, requireAssociationPermission, requirePermission, visibleOrganizationsWhere } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { associationPermissions } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import { statusOfRecord, statusSelect } from "./records";
import { certificateStatusText, STATUS_WORDS } from "./status";

/** The organization's labels and their certificates, newest first, for its page. */
export async function getOrganizationCertificates(db: Db, actor: Actor, organizationId: string, now = new Date()) {
  await requirePermission(db, actor, organizationId, "organization:read");
  const [labels, canDownload] = await Promise.all([
    db.label.findMany({
      where: { organizationId },
      orderBy: { awardedAt: "desc" },
      select: {
        id: true,
        revokedAt: true,
        revokeReason: true,
        round: { select: { year: true } },
        certificates: {
          orderBy: { generation: "desc" },
          select: { id: true, serial: true, issuedAt: true, attempts: true, hologramNumber: true, ...statusSelect },
        },
      },
    }),
    hasPermission(db, actor, organizationId, "certificate:download"),
  ]);
  return {
    canDownload,
    labels: labels.map((label) => {
      const issued = label.certificates.filter((certificate) => certificate.issuedAt);
      return {
        id: label.id,
        year: label.round.year,
        // Being made: the label has no signed certificate yet, or a reissue is on its way.
        preparing: label.certificates.length === 0 || label.certificates.some((certificate) => !certificate.issuedAt),
        certificates: issued.map((certificate) => {
          const status = statusOfRecord(certificate, now);
          return { id: certificate.id, serial: certificate.serial, issuedAt: certificate.issuedAt!, hologramNumber: certificate.hologramNumber, status, statusWord: STATUS_WORDS[status.kind], statusText: certificateStatusText(status) };
        }),
      };
    }),
  };
}

/** The signed PDF for `certificate:download` holders of its organization; revoked ones too. */
export async function downloadCertificate(db: Db, actor: Actor, certificateId: string) {
  const certificate = await db.certificate.findUnique({
    where: { id: typeof certificateId === "string" ? certificateId : "" },
    select: { serial: true, pdf: true, issuedAt: true, label: { select: { organizationId: true } } },
  });
  if (!certificate) return null;
  await requirePermission(db, actor, certificate.label.organizationId, "certificate:download");
  if (!certificate.issuedAt || !certificate.pdf) return null;
  return { organizationId: certificate.label.organizationId, filename: `certificat-${certificate.serial}.pdf`, content: new Uint8Array(certificate.pdf) };
}

/**
 * The register for the association: every certificate it may see (a correspondent, their
 * départements), the reservations still being issued or failing, and labels waiting for one.
 */
export async function listCertificatesForAdmin(db: Db, actor: Actor, now = new Date()) {
  const permissions = associationPermissions(actor);
  if (!permissions.has("certificate:manage")) requireAssociationPermission(actor, "certificate:hologram");
  const organizations = visibleOrganizationsWhere(actor);
  const [certificates, waiting] = await Promise.all([
    db.certificate.findMany({
      where: { label: { organization: organizations } },
      orderBy: [{ issuedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      take: 500,
      select: {
        id: true,
        serial: true,
        generation: true,
        issuedAt: true,
        createdAt: true,
        attempts: true,
        lastError: true,
        lastAttemptAt: true,
        hologramNumber: true,
        reissueReason: true,
        ...statusSelect,
        label: { select: { ...statusSelect.label.select, organization: { select: { id: true, name: true, territory: { select: { code: true, departmentCode: true } } } } } },
      },
    }),
    db.label.findMany({
      where: { certificates: { none: {} }, revokedAt: null, organization: organizations },
      orderBy: { awardedAt: "asc" },
      take: 200,
      select: { id: true, awardedAt: true, organization: { select: { name: true } }, round: { select: { year: true } } },
    }),
  ]);
  return {
    canManage: permissions.has("certificate:manage"),
    waiting,
    certificates: certificates.map((certificate) => {
      const status = certificate.issuedAt ? statusOfRecord(certificate, now) : null;
      return {
        ...certificate,
        organization: certificate.label.organization,
        year: certificate.label.round.year,
        status,
        statusWord: status ? STATUS_WORDS[status.kind] : certificate.attempts > 0 ? "échec, nouvel essai prévu" : "en préparation",
        statusText: status ? certificateStatusText(status) : null,
        current: Boolean(certificate.issuedAt && !certificate.replacedBy && !certificate.label.revokedAt),
      };
    }),
  };
}
