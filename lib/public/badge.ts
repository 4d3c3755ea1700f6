// The badge a commune shows on its website: the label and its year while the label is valid,
// a neutral « label non valide » otherwise (expired, revoked, never labelled, unknown code) —
// so an old copy of a valid badge can never be served for a label that no longer holds.
// Pure: the route (app/badge/[code]) adds the HTTP caching, lib/public/badge-png.ts the PNG.
import type { TerritoryPublicPage } from "./registry";

export type BadgeStatus = { valid: true; year: number; validUntilOn: string; name: string } | { valid: false };

export const BADGE_SIZES = { petit: 160, moyen: 240, grand: 400 } as const;
export type BadgeSize = keyof typeof BADGE_SIZES;
export const BADGE_VIEWBOX = { width: 240, height: 80 };

export function badgeSizeOf(value: string | null | undefined): BadgeSize {
  return value === "petit" || value === "grand" ? value : "moyen";
}

/** The badge of a territory page's data (null: unknown territory). */
export function badgeStatusOf(page: TerritoryPublicPage | null): BadgeStatus {
  if (!page?.current) return { valid: false };
  return { valid: true, year: page.current.year, validUntilOn: page.current.validUntilOn, name: page.name };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);
}

/** A name that fits the badge's line (about 30 characters at this size). */
export function fitName(name: string, max = 30): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

const frenchDay = (day: string) => {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year}`;
};

/** The words the badge says, also its accessible name. */
export function badgeText(status: BadgeStatus): string {
  return status.valid
    ? `Label Commune Cyber Dynamique ${status.year} — ${status.name}, valable jusqu’au ${frenchDay(status.validUntilOn)}`
    : "Label Commune Cyber Dynamique — label non valide";
}

const SHIELD =
  '<path d="M20 2.5 5 8v11.2c0 9.3 6.3 16.4 15 18.8 8.7-2.4 15-9.5 15-18.8V8L20 2.5Z" fill="FILL"/>' +
  '<path d="m13.5 20.2 4.6 4.6 8.6-9.4" fill="none" stroke="STROKE" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>';

/** The SVG document; `size` sets the displayed width, the drawing is the same. */
export function renderBadgeSvg(status: BadgeStatus, size: BadgeSize = "moyen"): string {
  const width = BADGE_SIZES[size];
  const height = Math.round((width * BADGE_VIEWBOX.height) / BADGE_VIEWBOX.width);
  const label = escapeXml(badgeText(status));
  const font = 'font-family="Geist, Arial, Helvetica, sans-serif"';
  const body = status.valid
    ? `<rect width="240" height="80" rx="10" fill="#1f3f8a"/>` +
      `<g transform="translate(12 18) scale(1.1)">${SHIELD.replace("FILL", "#ffffff").replace("STROKE", "#1f3f8a")}</g>` +
      `<text x="64" y="24" ${font} font-size="12" font-weight="700" fill="#ffffff">Commune Cyber Dynamique</text>` +
      `<text x="64" y="48" ${font} font-size="20" font-weight="700" fill="#ffffff">Label ${status.year}</text>` +
      `<text x="64" y="67" ${font} font-size="11" fill="#dbe4f5">${escapeXml(fitName(status.name))}</text>`
    : `<rect x="1" y="1" width="238" height="78" rx="10" fill="#f4f4f5" stroke="#52525b" stroke-width="2"/>` +
      `<g transform="translate(12 18) scale(1.1)">${SHIELD.replace("FILL", "#71717a").replace("STROKE", "#f4f4f5")}</g>` +
      `<text x="64" y="32" ${font} font-size="12" font-weight="700" fill="#27272a">Commune Cyber Dynamique</text>` +
      `<text x="64" y="55" ${font} font-size="17" font-weight="700" fill="#27272a">label non valide</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 240 80" role="img" aria-label="${label}">` +
    `<title>${label}</title>${body}</svg>`
  );
}
