// When a label counts as held, for every public page (registry, territory page, map, open data,
// badge): not revoked, and the current day in Paris not past the last day of validity. Dates
// are compared as Paris calendar days, so a label "valable jusqu'au 31 décembre 2027" holds
// until 23:59:59 that evening in France, whether validUntil was stored as that instant or as
// midnight UTC of the day. Pure: the database queries (lib/public/registry.ts) use
// validityCutoff() so that SQL and this rule say the same thing.
import { parisDay, parisStartOfDay } from "@/lib/validation/date";

export type LabelValidityFacts = { validUntil: Date; revokedAt: Date | null };

export type LabelState = "valid" | "expired" | "revoked";

/** Why a label holds or not at that instant (revocation wins over expiry). */
export function labelStateAt(label: LabelValidityFacts, at: Date): LabelState {
  if (label.revokedAt && label.revokedAt.getTime() <= at.getTime()) return "revoked";
  return parisDay(label.validUntil) >= parisDay(at) ? "valid" : "expired";
}

export function isLabelValidAt(label: LabelValidityFacts, at: Date): boolean {
  return labelStateAt(label, at) === "valid";
}

/**
 * The earliest validUntil still valid at `at`: the start of today in Paris. A label is valid
 * iff validUntil >= cutoff and it is not revoked; used by SQL as a parameter.
 */
export function validityCutoff(at: Date): Date {
  return parisStartOfDay(parisDay(at));
}

/** A certificate as the public pages see it; the replacement fields may be absent. */
export type CertificateFacts = { serial: string; issuedAt: Date; replacedAt?: Date | null };

/**
 * The certificate that stands for a label: a reissue makes a new certificate that replaces the
 * old one, so the newest not marked replaced; replaced ones are never shown or counted.
 */
export function currentCertificate<C extends CertificateFacts>(certificates: readonly C[]): C | null {
  let best: C | null = null;
  for (const certificate of certificates) {
    if (certificate.replacedAt) continue;
    if (!best || certificate.issuedAt.getTime() > best.issuedAt.getTime()) best = certificate;
  }
  return best;
}

export type RoundLabel = LabelValidityFacts & { year: number };

/**
 * The label a territory holds at `at` among all its labels: the valid one of the latest round
 * (two rounds' labels may overlap for a few weeks), or null.
 */
export function currentLabel<L extends RoundLabel>(labels: readonly L[], at: Date): L | null {
  let best: L | null = null;
  for (const label of labels) {
    if (!isLabelValidAt(label, at)) continue;
    if (!best || label.year > best.year) best = label;
  }
  return best;
}

/** A renewal when the territory held a label of an earlier round that was not revoked. */
export function isRenewal(label: { year: number }, labels: readonly (RoundLabel)[]): boolean {
  return labels.some((other) => other.year < label.year && !other.revokedAt);
}
