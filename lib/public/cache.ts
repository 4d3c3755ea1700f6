// How public label data stays fresh while being served from cache:
//  - pages (registry, territory pages, map) are regenerated in the background every
//    PUBLIC_REVALIDATE_SECONDS and on demand through the PUBLIC_LABELS_TAG data tag;
//  - route handlers (badges, open data) keep their bodies in a small in-process memo for at
//    most MEMO_TTL_MS, and never past the instant a valid label expires.
// publicLabelDataChanged() empties both at once, AFTER the transaction that awards (decision,
// payment), revokes, issues a certificate or records a hologram commits: those functions wrap
// their transaction in changingPublicLabels(). In a job process (certificate issuance) only that
// process's memo is emptied; the web server's pages catch up within PUBLIC_REVALIDATE_SECONDS.
import { revalidateTag } from "next/cache";

export const PUBLIC_LABELS_TAG = "public-labels";
/** Keep equal to the literal `revalidate = 60` of the public pages (Next needs a literal). */
export const PUBLIC_REVALIDATE_SECONDS = 60;
export const MEMO_TTL_MS = 30_000;
const MEMO_MAX_ENTRIES = 20_000;

type Entry = { value: Promise<unknown>; expiresAt: number };
const memo = new Map<string, Entry>();

/**
 * The value for `key`, computed once per TTL (concurrent callers share one computation).
 * `compute` may shorten the entry's life with `expiresAt` (e.g. the end of a label's validity).
 */
export async function memoized<T>(key: string, compute: () => Promise<{ value: T; expiresAt?: number }>, now = Date.now()): Promise<T> {
  const hit = memo.get(key);
  if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
  if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
  const entry: Entry = { value: Promise.resolve(), expiresAt: now + MEMO_TTL_MS };
  entry.value = compute().then(
    (result) => {
      if (result.expiresAt !== undefined) entry.expiresAt = Math.min(entry.expiresAt, result.expiresAt);
      return result.value;
    },
    (error: unknown) => {
      if (memo.get(key) === entry) memo.delete(key);
      throw error;
    },
  );
  memo.set(key, entry);
  return entry.value as Promise<T>;
}

/**
 * Call after a label or certificate change has committed (award, revocation, expiry job,
 * issuance, reissue): registry, territory pages, map, open data and badges show it on their
 * next request. Safe anywhere: outside a Next request (a job worker, a script, a test) only the
 * in-process memo is emptied and pages catch up within PUBLIC_REVALIDATE_SECONDS.
 */
/** Awaits a write that may change what the public sees of labels, then says so once it committed. */
export async function changingPublicLabels<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  publicLabelDataChanged();
  return result;
}

export function publicLabelDataChanged(): void {
  memo.clear();
  try {
    // { expire: 0 }: the next visitor gets fresh data, never one last stale page.
    revalidateTag(PUBLIC_LABELS_TAG, { expire: 0 });
  } catch {
    // Not inside a Next request: nothing more to do here (see above).
  }
}
