// The public face of a certificate: what /verifier/[serial] and /api/certificats/[serial]
// show, and nothing more (no organization id, no person, no e-mail). Read without any session,
// so the answers can be cached by anyone until the status changes (the ETag says when).
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import { certificateTerritory, statusOfRecord, statusSelect, territorySelect } from "./records";
import { territoryLine } from "./render";
import { certificateStatusText, STATUS_WORDS, type CertificateStatus } from "./status";

export type PublicCertificate = {
  serial: string;
  status: CertificateStatus;
  statusWord: string;
  statusText: string;
  territory: { name: string; description: string };
  round: { year: number; name: string };
  validFrom: Date;
  validUntil: Date;
  issuedAt: Date;
  isRenewal: boolean;
  hologramNumber: string | null;
  replacedBy: string | null;
  replaces: string | null;
  sha256: string;
};

export async function findPublicCertificate(db: Db, serial: string, now = new Date()): Promise<PublicCertificate | null> {
  const certificate = await db.certificate.findUnique({
    where: { serial },
    select: {
      serial: true,
      issuedAt: true,
      sha256: true,
      hologramNumber: true,
      replacedAt: statusSelect.replacedAt,
      replacedBy: statusSelect.replacedBy,
      replaces: { select: { serial: true } },
      label: {
        select: {
          ...statusSelect.label.select,
          candidacy: { select: { isRenewal: true } },
          round: { select: { year: true, name: true } },
          organization: { select: { territory: { select: territorySelect } } },
        },
      },
    },
  });
  // A reserved serial whose document is not signed yet does not exist for the public.
  if (!certificate?.issuedAt || !certificate.sha256) return null;
  const { label } = certificate;
  const territory = label.organization.territory;
  const status = statusOfRecord(certificate, now);
  return {
    serial: certificate.serial,
    status,
    statusWord: STATUS_WORDS[status.kind],
    statusText: certificateStatusText(status),
    territory: {
      name: territory.name,
      description: territoryLine(certificateTerritory(territory)),
    },
    round: label.round,
    validFrom: label.awardedAt,
    validUntil: label.validUntil,
    issuedAt: certificate.issuedAt,
    isRenewal: label.candidacy.isRenewal,
    hologramNumber: certificate.hologramNumber,
    replacedBy: status.kind === "replaced" ? status.by : null,
    replaces: certificate.replaces?.serial ?? null,
    sha256: certificate.sha256,
  };
}

/** The JSON of /api/certificats/[serial]: the page's content, dates as ISO strings. */
export function publicCertificateJson(certificate: PublicCertificate) {
  const { status } = certificate;
  return {
    serial: certificate.serial,
    status: certificate.statusWord,
    statusText: certificate.statusText,
    revokedAt: status.kind === "revoked" ? status.at.toISOString() : null,
    revocationReason: status.kind === "revoked" ? status.reason : null,
    replacedBy: certificate.replacedBy,
    replaces: certificate.replaces,
    territory: certificate.territory,
    round: certificate.round,
    label: certificate.isRenewal ? "renouvellement" : "premier label",
    validFrom: certificate.validFrom.toISOString(),
    validUntil: certificate.validUntil.toISOString(),
    issuedAt: certificate.issuedAt.toISOString(),
    hologramNumber: certificate.hologramNumber,
    sha256: certificate.sha256,
  };
}

/** Changes whenever anything the page shows changes, expiry included. */
export function certificateEtag(certificate: PublicCertificate): string {
  return `"${createHash("sha256").update(JSON.stringify(publicCertificateJson(certificate))).digest("base64url").slice(0, 27)}"`;
}

export type Comparison = "identical" | "modified";

/** Is this file exactly the issued document? By its SHA-256, nothing else. */
export async function compareWithIssued(db: Db, serial: string, bytes: Uint8Array): Promise<Comparison | null> {
  const certificate = await db.certificate.findUnique({ where: { serial }, select: { sha256: true, issuedAt: true } });
  if (!certificate?.issuedAt || !certificate.sha256) return null;
  return createHash("sha256").update(bytes).digest("hex") === certificate.sha256 ? "identical" : "modified";
}
