// What several certificate modules read the same way: the territory as the certificate names
// it, the status of a stored certificate, and who receives its e-mails.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { CertificateContent } from "./render";
import { certificateStatus, type CertificateStatus } from "./status";

/** The territory's columns a certificate needs (select it as `territorySelect`). */
export const territorySelect = { name: true, kind: true, epciKind: true, code: true, siren: true, departmentCode: true, department: { select: { name: true } } } as const;

type TerritoryRow = Prisma.TerritoryGetPayload<{ select: typeof territorySelect }>;

export function certificateTerritory(territory: TerritoryRow): CertificateContent["territory"] {
  return {
    name: territory.name,
    kind: territory.kind,
    epciKind: territory.epciKind,
    // An EPCI is known by its SIREN (its code in the geographic reference is the SIREN).
    code: territory.kind === "EPCI" ? (territory.siren ?? territory.code) : territory.code,
    departmentCode: territory.departmentCode,
    departmentName: territory.department?.name ?? null,
  };
}

/** The columns the status rule reads (select it as `statusSelect`). */
export const statusSelect = {
  replacedAt: true,
  replacedBy: { select: { serial: true, issuedAt: true } },
  label: { select: { awardedAt: true, validUntil: true, revokedAt: true, revokeReason: true, round: { select: { year: true } } } },
} as const;

type StatusRow = {
  replacedAt: Date | null;
  replacedBy: { serial: string; issuedAt: Date | null } | null;
  label: { awardedAt: Date; validUntil: Date; revokedAt: Date | null; revokeReason: string | null };
};

/** The status of a stored certificate; a replacement counts once it is signed. */
export function statusOfRecord(certificate: StatusRow, now: Date): CertificateStatus {
  const replacement = certificate.replacedBy?.issuedAt ? certificate.replacedBy : null;
  return certificateStatus(
    {
      validFrom: certificate.label.awardedAt,
      validUntil: certificate.label.validUntil,
      revokedAt: certificate.label.revokedAt,
      revokeReason: certificate.label.revokeReason,
      replacedAt: replacement ? certificate.replacedAt : null,
      replacedBySerial: replacement?.serial ?? null,
    },
    now,
  );
}

/** The mayor and the secretary of the organization, whose accounts are active. */
export async function mayorAndSecretary(tx: Prisma.TransactionClient, organizationId: string): Promise<string[]> {
  const members = await tx.membership.findMany({
    where: { organizationId, role: { in: ["MAYOR", "SECRETARY"] }, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
  });
  return [...new Set(members.map((member) => member.user.email.toLowerCase()))];
}
