import { describe, expect, it } from "vitest";
import { isLabelValidAt, labelStateAt } from "@/lib/label/validity";
import { certificateStatus, certificateStatusText, type CertificateStatusInput } from "./status";

const base: CertificateStatusInput = {
  validFrom: new Date("2026-03-12T10:00:00Z"),
  validUntil: new Date("2026-12-31T22:59:59Z"),
  revokedAt: null,
  revokeReason: null,
  replacedAt: null,
  replacedBySerial: null,
};
const during = new Date("2026-06-01T12:00:00Z");
const after = new Date("2027-01-05T12:00:00Z");

describe("certificateStatus", () => {
  it("is valid during the label's validity, to the last second", () => {
    expect(certificateStatus(base, during)).toEqual({ kind: "valid", until: base.validUntil });
    expect(certificateStatus(base, base.validUntil).kind).toBe("valid");
    expect(certificateStatusText(certificateStatus(base, during))).toBe("Valide jusqu'au 31 décembre 2026");
  });

  it("is expired after the validity", () => {
    expect(certificateStatus(base, new Date(base.validUntil.getTime() + 1000))).toEqual({ kind: "expired", on: base.validUntil });
    expect(certificateStatusText(certificateStatus(base, after))).toBe("Expiré depuis le 31 décembre 2026");
  });

  it("is revoked from the revocation on, with its reason, whatever else is true", () => {
    const revoked = { ...base, revokedAt: new Date("2026-07-01T08:00:00Z"), revokeReason: "Cotisation remboursée", replacedAt: new Date("2026-06-01T08:00:00Z"), replacedBySerial: "CCD-2026-AAAA-BBBB" };
    expect(certificateStatus(revoked, during).kind).toBe("replaced");
    expect(certificateStatus(revoked, new Date("2026-07-01T08:00:00Z"))).toEqual({ kind: "revoked", at: revoked.revokedAt, reason: "Cotisation remboursée" });
    expect(certificateStatus(revoked, after).kind).toBe("revoked");
    expect(certificateStatusText(certificateStatus(revoked, after))).toBe("Révoqué le 1er juillet 2026 pour le motif : Cotisation remboursée");
  });

  it("is replaced once reissued, even after it would have expired", () => {
    const replaced = { ...base, replacedAt: new Date("2026-04-02T08:00:00Z"), replacedBySerial: "CCD-2026-AAAA-BBBB" };
    expect(certificateStatus(replaced, during)).toEqual({ kind: "replaced", at: replaced.replacedAt, by: "CCD-2026-AAAA-BBBB" });
    expect(certificateStatus(replaced, after).kind).toBe("replaced");
    expect(certificateStatusText(certificateStatus(replaced, during))).toBe("Remplacé par le certificat CCD-2026-AAAA-BBBB le 2 avril 2026");
  });
});

describe("certificateStatus and the label's validity", () => {
  // The last day in Paris, winter and summer, with validUntil stored as the end of that day in
  // Paris (lib/rounds/manage.ts) or as midnight UTC of the day (a date column).
  const lastDays = [
    { endOfDay: new Date("2026-12-31T22:59:59Z"), midnightUtc: new Date("2026-12-31T00:00:00Z"), nextMidnightParis: new Date("2026-12-31T23:00:00Z") },
    { endOfDay: new Date("2027-07-14T21:59:59Z"), midnightUtc: new Date("2027-07-14T00:00:00Z"), nextMidnightParis: new Date("2027-07-14T22:00:00Z") },
  ];

  it("holds through the whole last day in Paris and ends at midnight Paris, as the label does", () => {
    for (const { endOfDay, midnightUtc, nextMidnightParis } of lastDays) {
      for (const validUntil of [endOfDay, midnightUtc]) {
        const certificate = { ...base, validUntil };
        for (const deltaMs of [-86_400_000, -3_600_000, -1000, -1]) {
          const at = new Date(nextMidnightParis.getTime() + deltaMs);
          expect(certificateStatus(certificate, at).kind, `${validUntil.toISOString()} at ${at.toISOString()}`).toBe("valid");
          expect(isLabelValidAt(certificate, at)).toBe(true);
        }
        for (const deltaMs of [0, 1, 3_600_000]) {
          const at = new Date(nextMidnightParis.getTime() + deltaMs);
          expect(certificateStatus(certificate, at), `${validUntil.toISOString()} at ${at.toISOString()}`).toEqual({ kind: "expired", on: validUntil });
          expect(labelStateAt(certificate, at)).toBe("expired");
        }
      }
    }
  });

  it("is revoked exactly when the label is, from the revocation instant on", () => {
    const revokedAt = new Date("2026-07-01T08:00:00Z");
    const revoked = { ...base, revokedAt, revokeReason: "Cotisation remboursée" };
    for (const at of [new Date(revokedAt.getTime() - 1), revokedAt, after]) {
      expect(certificateStatus(revoked, at).kind === "revoked").toBe(labelStateAt(revoked, at) === "revoked");
    }
  });
});
