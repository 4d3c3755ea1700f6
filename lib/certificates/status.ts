// What a certificate is worth today, in one rule: revoked (the label was withdrawn) before
// replaced (a reissue made a new serial) before expired (past the label's validity) before
// valid. Revocation and expiry are the label's own rule (lib/label/validity.ts: Paris calendar
// days), so the verification page says "valide" exactly while the registry shows the label;
// the certificate adds only its replacement and the revocation's reason. Pure, so the
// verification page, the JSON answer and the organization's panel agree. Browser-safe.
import { labelStateAt } from "@/lib/label/validity";

export type CertificateStatusInput = {
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
  replacedAt: Date | null;
  replacedBySerial: string | null;
};

export type CertificateStatus =
  | { kind: "valid"; until: Date }
  | { kind: "expired"; on: Date }
  | { kind: "revoked"; at: Date; reason: string }
  | { kind: "replaced"; at: Date; by: string };

export function certificateStatus(certificate: CertificateStatusInput, now: Date): CertificateStatus {
  const label = labelStateAt(certificate, now);
  if (label === "revoked" && certificate.revokedAt) {
    return { kind: "revoked", at: certificate.revokedAt, reason: certificate.revokeReason ?? "" };
  }
  if (certificate.replacedAt && certificate.replacedBySerial) return { kind: "replaced", at: certificate.replacedAt, by: certificate.replacedBySerial };
  if (label === "expired") return { kind: "expired", on: certificate.validUntil };
  return { kind: "valid", until: certificate.validUntil };
}

const longDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const day = (date: Date) => longDate.format(date).replace(/^1 /, "1er ");

/** The status in words, as the verification page and the JSON say it. */
export function certificateStatusText(status: CertificateStatus): string {
  switch (status.kind) {
    case "valid":
      return `Valide jusqu'au ${day(status.until)}`;
    case "expired":
      return `Expiré depuis le ${day(status.on)}`;
    case "revoked":
      return `Révoqué le ${day(status.at)} pour le motif : ${status.reason}`;
    case "replaced":
      return `Remplacé par le certificat ${status.by} le ${day(status.at)}`;
  }
}

/** The one word for badges and the JSON's `status`. */
export const STATUS_WORDS: Record<CertificateStatus["kind"], string> = {
  valid: "valide",
  expired: "expiré",
  revoked: "révoqué",
  replaced: "remplacé",
};
