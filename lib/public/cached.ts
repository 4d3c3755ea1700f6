// The public data as pages and routes read it: through Next's data cache (pages, tagged) or the
// memo (route handlers). See ./cache.ts for how changes reach them.
import "server-only";
import { unstable_cache } from "next/cache";
import { findPublicCertificate, type PublicCertificate } from "@/lib/certificates/verification";
import { getDb } from "@/lib/db/client";
import { PUBLIC_LABELS_TAG, PUBLIC_REVALIDATE_SECONDS, memoized } from "./cache";
import { getTerritoryPublicPage, isTerritoryCode, loadPublicLabels, type TerritoryPublicPage } from "./registry";
import type { PublicLabel } from "./types";

const options = { tags: [PUBLIC_LABELS_TAG], revalidate: PUBLIC_REVALIDATE_SECONDS };

/** For pages: every territory holding a valid label now. */
export const cachedPublicLabels: () => Promise<PublicLabel[]> = unstable_cache(() => loadPublicLabels(getDb()), ["public-labels-v1"], options);

/** For pages: a territory's public page (null when unknown). */
export function cachedTerritoryPage(code: string): Promise<TerritoryPublicPage | null> {
  const normalized = code.toUpperCase();
  if (!isTerritoryCode(normalized)) return Promise.resolve(null);
  return unstable_cache(() => getTerritoryPublicPage(getDb(), normalized), ["public-territory-v1", normalized], options)();
}

/**
 * For pages: a certificate's public face (null when unknown or not issued yet). Next's data
 * cache keeps JSON, so the dates come back as strings: they are made dates again here.
 */
export async function cachedPublicCertificate(serial: string): Promise<PublicCertificate | null> {
  const stored = await unstable_cache(() => findPublicCertificate(getDb(), serial), ["public-certificate-v1", serial], options)();
  return stored ? reviveCertificateDates(stored) : null;
}

/** The certificate with every date a Date, whether it went through JSON or not. */
export function reviveCertificateDates(certificate: PublicCertificate): PublicCertificate {
  const date = (value: Date | string) => new Date(value);
  const { status } = certificate;
  return {
    ...certificate,
    validFrom: date(certificate.validFrom),
    validUntil: date(certificate.validUntil),
    issuedAt: date(certificate.issuedAt),
    status:
      status.kind === "valid"
        ? { ...status, until: date(status.until) }
        : status.kind === "expired"
          ? { ...status, on: date(status.on) }
          : { ...status, at: date(status.at) },
  };
}

/** Paris midnight after the last valid day: a cached "valid" must not outlive it. */
export function endOfValidity(validUntilOn: string): number {
  const [year, month, day] = validUntilOn.split("-").map(Number) as [number, number, number];
  // Midnight in Paris after that day is 22:00 UTC (summer) or 23:00 UTC (winter) on that day:
  // 22:00 UTC is never late.
  return Date.UTC(year, month - 1, day, 22, 0, 0);
}

/** For route handlers: the territory's public data, from the memo. */
export function memoTerritoryPage(code: string): Promise<TerritoryPublicPage | null> {
  return memoized(`territory:${code}`, async () => {
    const page = await getTerritoryPublicPage(getDb(), code);
    return { value: page, expiresAt: page?.current ? endOfValidity(page.current.validUntilOn) : undefined };
  });
}

/** For route handlers: every territory holding a valid label now, from the memo. */
export function memoPublicLabels(): Promise<PublicLabel[]> {
  return memoized("labels", async () => {
    const labels = await loadPublicLabels(getDb());
    const soonest = labels.reduce((min, label) => Math.min(min, endOfValidity(label.validUntilOn)), Infinity);
    return { value: labels, expiresAt: Number.isFinite(soonest) ? soonest : undefined };
  });
}
