// The communication kit of an organization, for its members (label:kit), while its label is
// valid: the badge snippet and files, the poster, the press release. Expired or revoked labels
// have no kit: the page says so.
import "server-only";
import { requirePermission } from "@/lib/auth/access";
import type { ActorGrants } from "@/lib/auth/grants";
import type { Db } from "@/lib/db/create-client";
import { parisDay } from "@/lib/validation/date";
import { BADGE_SIZES, type BadgeSize } from "./badge";
import { verificationUrl } from "./open-data";
import { pressRelease } from "./press-release";
import { renderPosterPdf } from "./poster";
import { getTerritoryPublicPage, type TerritoryLabelHistoryEntry } from "./registry";
import { dayLabel } from "./words";


export type BadgeFile = { format: "svg" | "png"; size: BadgeSize; width: number; href: string };

export type CommunicationKit = {
  organizationId: string;
  name: string;
  kind: "COMMUNE" | "EPCI";
  territoryCode: string;
  /** The label held now, or null: then there is no kit, and `lastLabel` says what happened. */
  label: (TerritoryLabelHistoryEntry & { validUntilLabel: string }) | null;
  lastLabel: TerritoryLabelHistoryEntry | null;
  verificationUrl: string | null;
  badgeUrl: string;
  snippet: string | null;
  files: BadgeFile[];
  pressRelease: string | null;
};

function escapeHtml(text: string): string {
  return text.replace(/[<>&"]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[char]!);
}

/** The HTML a territory pastes on its website: the live badge, linked to the verification page. */
export function badgeSnippet(input: { appUrl: string; code: string; name: string; verificationUrl: string }): string {
  const base = input.appUrl.replace(/\/$/, "");
  // The alternative text never claims validity: the image itself says whether the label holds.
  const alt = `Label Commune Cyber Dynamique de ${input.name} : vérifier sa validité`;
  return `<a href="${escapeHtml(input.verificationUrl)}"><img src="${base}/badge/${input.code}.svg" width="240" height="80" alt="${escapeHtml(alt)}"></a>`;
}

export async function getCommunicationKit(db: Db, actor: ActorGrants, organizationId: string, appUrl: string, now = new Date()): Promise<CommunicationKit> {
  await requirePermission(db, actor, organizationId, "label:kit");
  const organization = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { territoryCode: true, name: true } });
  const page = await getTerritoryPublicPage(db, organization.territoryCode, now);
  const base = appUrl.replace(/\/$/, "");
  const current = page?.current ?? null;
  const serial = current?.certificateSerial ?? null;
  const url = serial ? verificationUrl(appUrl, serial) : null;
  const name = page?.name ?? organization.name;
  const kind = page?.kind ?? "COMMUNE";
  return {
    organizationId,
    name,
    kind,
    territoryCode: organization.territoryCode,
    label: current ? { ...current, validUntilLabel: dayLabel(current.validUntilOn) } : null,
    lastLabel: page?.history[0] ?? null,
    verificationUrl: url,
    badgeUrl: `${base}/badge/${organization.territoryCode}.svg`,
    snippet: current && url ? badgeSnippet({ appUrl, code: organization.territoryCode, name, verificationUrl: url }) : null,
    files: current
      ? (["svg", "png"] as const).flatMap((format) =>
          (Object.keys(BADGE_SIZES) as BadgeSize[]).map((size) => ({ format, size, width: BADGE_SIZES[size], href: `/badge/${organization.territoryCode}.${format}?taille=${size}` })),
        )
      : [],
    pressRelease: current
      ? pressRelease({ name, kind, year: current.year, renewal: current.renewal, validUntilLabel: dayLabel(current.validUntilOn), verificationUrl: url, todayLabel: dayLabel(parisDay(now)) })
      : null,
  };
}

export type PosterDownload = { filename: string; contentType: string; content: Uint8Array } | { notFound: string };

/** The poster PDF, only while the label is valid and its certificate issued. */
export async function downloadPoster(db: Db, actor: ActorGrants, organizationId: string, appUrl: string): Promise<PosterDownload> {
  const kit = await getCommunicationKit(db, actor, organizationId, appUrl);
  if (!kit.label || !kit.verificationUrl || !kit.label.certificateSerial) {
    return { notFound: "Pas d’affiche : elle n’est disponible que tant que le label est valide et son certificat émis." };
  }
  const content = await renderPosterPdf({
    name: kit.name,
    kind: kit.kind,
    year: kit.label.year,
    validUntilLabel: kit.label.validUntilLabel,
    verificationUrl: kit.verificationUrl,
    serial: kit.label.certificateSerial,
  });
  return { filename: `affiche-label-${kit.label.year}-${kit.territoryCode}.pdf`, contentType: "application/pdf", content };
}
