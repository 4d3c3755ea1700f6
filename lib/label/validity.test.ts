import { describe, expect, it } from "vitest";
import { currentCertificate, currentLabel, isLabelValidAt, isRenewal, labelStateAt, validityCutoff } from "./validity";

// A round's labels are valid until the end of a day in Paris (lib/rounds/manage.ts stores
// parisEndOfDay), e.g. 31 December 2027 23:59:59 in Paris = 22:59:59 UTC.
const endOf2027 = new Date("2027-12-31T22:59:59Z");

describe("label validity, in Paris time", () => {
  it("holds through the last day in Paris and stops at midnight Paris", () => {
    const label = { validUntil: endOf2027, revokedAt: null };
    expect(isLabelValidAt(label, new Date("2027-06-01T10:00:00Z"))).toBe(true);
    // 23:30 in Paris on the last day is 22:30 UTC.
    expect(isLabelValidAt(label, new Date("2027-12-31T22:30:00Z"))).toBe(true);
    // 00:30 in Paris on 1 January is still 31 December in UTC: no longer valid.
    expect(labelStateAt(label, new Date("2027-12-31T23:30:00Z"))).toBe("expired");
  });

  it("reads a validUntil stored as midnight UTC as that whole Paris day", () => {
    const label = { validUntil: new Date("2027-07-14T00:00:00Z"), revokedAt: null };
    // Summer: 23:59 in Paris on 14 July is 21:59 UTC.
    expect(isLabelValidAt(label, new Date("2027-07-14T21:59:00Z"))).toBe(true);
    expect(isLabelValidAt(label, new Date("2027-07-14T22:00:00Z"))).toBe(false);
  });

  it("stops at the revocation, which wins over expiry", () => {
    const label = { validUntil: endOf2027, revokedAt: new Date("2027-03-01T09:00:00Z") };
    expect(labelStateAt(label, new Date("2027-02-28T12:00:00Z"))).toBe("valid");
    expect(labelStateAt(label, new Date("2027-03-01T09:00:00Z"))).toBe("revoked");
    expect(labelStateAt(label, new Date("2028-03-01T09:00:00Z"))).toBe("revoked");
  });

  it("gives SQL a cutoff that agrees with the rule, summer and winter", () => {
    for (const at of ["2027-01-10T23:30:00Z", "2027-07-14T22:30:00Z", "2027-03-28T00:30:00Z", "2027-10-31T01:30:00Z"]) {
      const now = new Date(at);
      const cutoff = validityCutoff(now);
      for (const deltaMinutes of [-1440, -61, -1, 0, 1, 59, 61, 1440]) {
        const validUntil = new Date(cutoff.getTime() + deltaMinutes * 60_000);
        expect(isLabelValidAt({ validUntil, revokedAt: null }, now), `${at} ${deltaMinutes}`).toBe(validUntil >= cutoff);
      }
    }
  });
});

describe("the label a territory holds", () => {
  const at = new Date("2027-12-01T12:00:00Z");
  it("is the valid label of the latest round", () => {
    const labels = [
      { year: 2026, validUntil: endOf2027, revokedAt: null },
      { year: 2027, validUntil: new Date("2028-12-31T22:59:59Z"), revokedAt: null },
    ];
    expect(currentLabel(labels, at)?.year).toBe(2027);
  });
  it("is none once expired or revoked", () => {
    expect(currentLabel([{ year: 2025, validUntil: new Date("2026-12-31T22:59:59Z"), revokedAt: null }], at)).toBeNull();
    expect(currentLabel([{ year: 2027, validUntil: new Date("2028-12-31T22:59:59Z"), revokedAt: new Date("2027-11-01T00:00:00Z") }], at)).toBeNull();
  });
  it("falls back to an older valid label when the newer is revoked", () => {
    const labels = [
      { year: 2026, validUntil: endOf2027, revokedAt: null },
      { year: 2027, validUntil: new Date("2028-12-31T22:59:59Z"), revokedAt: new Date("2027-11-01T00:00:00Z") },
    ];
    expect(currentLabel(labels, at)?.year).toBe(2026);
  });
  it("is a renewal after an earlier label that was not revoked", () => {
    const label = { year: 2027, validUntil: endOf2027, revokedAt: null };
    expect(isRenewal(label, [label])).toBe(false);
    expect(isRenewal(label, [label, { year: 2026, validUntil: endOf2027, revokedAt: null }])).toBe(true);
    expect(isRenewal(label, [label, { year: 2026, validUntil: endOf2027, revokedAt: new Date("2026-06-01T00:00:00Z") }])).toBe(false);
  });
});

describe("the current certificate", () => {
  it("is the newest one not replaced: a reissue replaces the old serial", () => {
    const old = { serial: "CCD-2026-AAAA-AAAA", issuedAt: new Date("2026-03-01T10:00:00Z") };
    const reissued = { serial: "CCD-2026-BBBB-BBBB", issuedAt: new Date("2026-04-01T10:00:00Z") };
    expect(currentCertificate([old, reissued])?.serial).toBe(reissued.serial);
    expect(currentCertificate([reissued, old])?.serial).toBe(reissued.serial);
    expect(currentCertificate([old, { ...reissued, replacedAt: new Date("2026-05-01T00:00:00Z") }])?.serial).toBe(old.serial);
    expect(currentCertificate([{ ...old, replacedAt: new Date() }])).toBeNull();
    expect(currentCertificate([])).toBeNull();
  });
});
