// HTTP for the badge: one body per (status, format, size), its ETag, and a Cache-Control that
// lets browsers and proxies keep it at most 60 s — and never past the end of a valid label —
// then ask again with If-None-Match (answered 304 without a body).
import "server-only";
import { createHash } from "node:crypto";
import { badgeSizeOf, renderBadgeSvg, type BadgeSize, type BadgeStatus } from "./badge";
import { svgToPng } from "./badge-png";
import { memoized, PUBLIC_REVALIDATE_SECONDS } from "./cache";
import { endOfValidity, memoTerritoryPage } from "./cached";
import { badgeStatusOf } from "./badge";
import { isTerritoryCode } from "./registry";

export type BadgeFormat = "svg" | "png";

type Body = { bytes: Uint8Array; etag: string };

function etagOf(bytes: Uint8Array): string {
  return `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 22)}"`;
}

async function badgeBody(status: BadgeStatus, format: BadgeFormat, size: BadgeSize): Promise<Body> {
  return memoized(`badge:${format}:${size}:${JSON.stringify(status)}`, async () => {
    const svg = renderBadgeSvg(status, size);
    const bytes = format === "svg" ? new TextEncoder().encode(svg) : new Uint8Array(await svgToPng(svg));
    return { value: { bytes, etag: etagOf(bytes) } };
  });
}

/** True when an If-None-Match header names this ETag (lists and weak forms accepted). */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

/** "13060.svg" → the territory code and format, or null. */
export function parseBadgeName(name: string): { code: string; format: BadgeFormat } | null {
  const match = /^([0-9A-Za-z]{5}|[0-9]{9})\.(svg|png)$/.exec(name);
  if (!match) return null;
  const code = match[1]!.toUpperCase();
  return isTerritoryCode(code) ? { code, format: match[2] as BadgeFormat } : null;
}

export async function badgeResponse(request: Request, name: string): Promise<Response> {
  const size = badgeSizeOf(new URL(request.url).searchParams.get("taille"));
  const parsed = parseBadgeName(name);
  const page = parsed ? await memoTerritoryPage(parsed.code) : null;
  const status = badgeStatusOf(page);
  const format: BadgeFormat = parsed?.format ?? (name.toLowerCase().endsWith(".png") ? "png" : "svg");
  const body = await badgeBody(status, format, size);
  const secondsLeft = status.valid ? Math.floor((endOfValidity(status.validUntilOn) - Date.now()) / 1000) : Infinity;
  const maxAge = Math.max(0, Math.min(PUBLIC_REVALIDATE_SECONDS, secondsLeft));
  const headers = new Headers({
    "Cache-Control": `public, max-age=${maxAge}, must-revalidate`,
    ETag: body.etag,
    "Cross-Origin-Resource-Policy": "cross-origin",
    Vary: "Accept-Encoding",
  });
  // An unknown or malformed code is a 404 that still draws the neutral badge in the <img>.
  const statusCode = page ? 200 : 404;
  if (statusCode === 200 && matchesEtag(request.headers.get("if-none-match"), body.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", format === "svg" ? "image/svg+xml; charset=utf-8" : "image/png");
  headers.set("Content-Length", String(body.bytes.byteLength));
  return new Response(body.bytes as BodyInit, { status: statusCode, headers });
}
