// The two checks every route handler that changes data makes before anything else, shared so a
// new handler cannot forget one (lib/http/guard.test.ts fails when a POST/PUT/PATCH/DELETE
// handler under app/ does not import this file):
//  - the origin: the same rule as Next's server actions. A browser always says where a request
//    comes from (Origin, Sec-Fetch-Site); a request from another site carrying the person's
//    cookies is refused with a 403 in French. A request with neither header is handmade (curl,
//    the load benchmark) and carries only the credentials its author chose to give it.
//  - the body size: read through a counter and abandoned past the cap, so nobody makes the
//    server buffer megabytes — and, where the route needs a session, only after it was checked.
import { env } from "@/lib/config/env";

/** Body caps (bytes). A sign-in form or one autosaved answer is far below these. */
export const BODY_LIMITS = {
  signIn: 4 * 1024,
  autosave: 16 * 1024,
} as const;

export const CROSS_SITE_MESSAGE =
  "Cette demande vient d'un autre site que celui du label : elle a été refusée. Ouvrez la plateforme directement et recommencez.";
export const TOO_LARGE_MESSAGE = "La demande envoyée est trop volumineuse : elle a été refusée. Réduisez le texte saisi et recommencez.";

function hostOf(value: string): string | null {
  try {
    return new URL(value).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Whether a request may change data, judging by where the browser says it comes from. `appUrl`
 * is the application's public address; the Host the request was sent to counts too (a
 * developer opening 127.0.0.1 instead of localhost), as it does for Next's server actions.
 */
export function isSameOriginRequest(headers: Headers, appUrl: string): boolean {
  const origin = headers.get("origin");
  if (origin !== null) {
    const originHost = origin === "null" ? null : hostOf(origin);
    if (!originHost) return false;
    const allowed = [hostOf(appUrl), headers.get("x-forwarded-host"), headers.get("host")]
      .filter((host): host is string => Boolean(host))
      .map((host) => host.split(",")[0]!.trim().toLowerCase());
    return allowed.includes(originHost);
  }
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

function jsonRefusal(status: number, message: string): Response {
  return Response.json({ ok: false, message }, { status, headers: { "cache-control": "no-store" } });
}

/** A 403 in French when the request comes from another site; null when it may go on. */
export function refuseCrossSite(request: Request, appUrl: string = env().APP_URL): Response | null {
  return isSameOriginRequest(request.headers, appUrl) ? null : jsonRefusal(403, CROSS_SITE_MESSAGE);
}

export type CappedBody = { ok: true; text: string } | { ok: false; response: Response };

/**
 * The body's bytes, or null as soon as more than `maxBytes` arrived (the rest is not read, the
 * stream is cancelled). Throws when the stream itself fails.
 */
export async function readCappedBytes(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as text, or a 413 as soon as it passes `maxBytes` (announced or actually sent). */
export async function readCappedText(request: Request, maxBytes: number): Promise<CappedBody> {
  const tooLarge = (): CappedBody => ({ ok: false, response: jsonRefusal(413, TOO_LARGE_MESSAGE) });
  const announced = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(announced) && announced > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return tooLarge();
  }
  const bytes = await readCappedBytes(request, maxBytes);
  if (!bytes) return tooLarge();
  return { ok: true, text: new TextDecoder().decode(bytes) };
}
