// The public face of the label reads the database here, and only public facts: the territory
// (reference data), its labels (round, dates, state) and the serial of each label's current
// certificate. Nothing of the file (answers, plan, people) is ever selected. Which label holds
// is decided by lib/label/validity.ts; SQL only narrows with the same cutoff.
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { currentCertificate, currentLabel, isRenewal, labelStateAt, validityCutoff, type LabelState } from "@/lib/label/validity";
import { parisDay } from "@/lib/validation/date";
import type { PublicLabel } from "./types";

type Reader = Db | Prisma.TransactionClient;

type LabelRow = {
  id: string;
  organizationId: string;
  year: number;
  awardedAt: Date;
  validUntil: Date;
  revokedAt: Date | null;
  code: string;
  kind: "COMMUNE" | "EPCI";
  name: string;
  searchName: string;
  siren: string | null;
  epciKind: PublicLabel["epciKind"];
  postcodes: string[] | null;
  departmentCode: string | null;
  departmentName: string | null;
  regionCode: string | null;
  regionName: string | null;
};

const LABEL_COLUMNS = `
  l."id", l."organizationId", r."year", l."awardedAt", l."validUntil", l."revokedAt",
  t."code", t."kind"::text AS "kind", t."name", t."searchName", t."siren", t."epciKind"::text AS "epciKind",
  t."postcodes", t."departmentCode", d."name" AS "departmentName",
  rg."code" AS "regionCode", rg."name" AS "regionName"`;

const LABEL_JOINS = `
  FROM "Label" l
  JOIN "Round" r ON r."id" = l."roundId"
  JOIN "Organization" o ON o."id" = l."organizationId"
  JOIN "Territory" t ON t."code" = o."territoryCode"
  LEFT JOIN "Department" d ON d."code" = t."departmentCode"
  LEFT JOIN "Region" rg ON rg."code" = COALESCE(t."regionCode", d."regionCode")`;

/** Certificates of these labels, newest first, by label (serials only: nothing else is public). */
async function certificatesOf(db: Reader, labelIds: string[]) {
  const byLabel = new Map<string, { serial: string; issuedAt: Date }[]>();
  if (labelIds.length === 0) return byLabel;
  // Read through the Certificate table, not a relation of Label, so one certificate per label
  // or several (a reissue replacing the old one) read the same.
  // Only issued ones: a certificate still being rendered and signed has no public existence yet.
  const rows = await db.certificate.findMany({ where: { labelId: { in: labelIds }, issuedAt: { not: null } }, select: { labelId: true, serial: true, issuedAt: true } });
  for (const row of rows) byLabel.set(row.labelId, [...(byLabel.get(row.labelId) ?? []), { serial: row.serial, issuedAt: row.issuedAt! }]);
  return byLabel;
}

function toPublicLabel(label: LabelRow, history: LabelRow[], serial: string | null): PublicLabel {
  return {
    territoryCode: label.code,
    kind: label.kind,
    name: label.name,
    searchName: label.searchName,
    siren: label.kind === "EPCI" ? (label.siren ?? label.code) : label.siren,
    epciKind: label.epciKind,
    postcodes: label.postcodes ?? [],
    departmentCode: label.departmentCode,
    departmentName: label.departmentName,
    regionCode: label.regionCode,
    regionName: label.regionName,
    year: label.year,
    awardedOn: parisDay(label.awardedAt),
    validUntilOn: parisDay(label.validUntil),
    renewal: isRenewal(label, history),
    certificateSerial: serial,
  };
}

/**
 * Every territory holding a valid label at `now`, one row each (its latest valid round),
 * unsorted. The registry, the map, the open data and the badges all derive from this.
 */
export async function loadPublicLabels(db: Reader, now: Date = new Date()): Promise<PublicLabel[]> {
  const cutoff = validityCutoff(now);
  // All labels of the organizations holding at least one valid label: the history says
  // whether the current one is a renewal.
  const rows = await db.$queryRawUnsafe<LabelRow[]>(
    `SELECT ${LABEL_COLUMNS} ${LABEL_JOINS}
     WHERE l."organizationId" IN (
       SELECT v."organizationId" FROM "Label" v
       WHERE v."validUntil" >= $1 AND (v."revokedAt" IS NULL OR v."revokedAt" > $2))`,
    cutoff,
    now,
  );
  const byOrganization = new Map<string, LabelRow[]>();
  for (const row of rows) byOrganization.set(row.organizationId, [...(byOrganization.get(row.organizationId) ?? []), row]);
  const held = [...byOrganization.values()].map((history) => ({ label: currentLabel(history, now), history }));
  const certificates = await certificatesOf(
    db,
    held.flatMap((entry) => (entry.label ? [entry.label.id] : [])),
  );
  return held.flatMap(({ label, history }) =>
    label ? [toPublicLabel(label, history, currentCertificate(certificates.get(label.id) ?? [])?.serial ?? null)] : [],
  );
}

/** A territory code as the URLs carry it: an INSEE code (5) or a SIREN (9). */
export function isTerritoryCode(value: string): boolean {
  return /^(?:[0-9][0-9AB][0-9]{3}|[0-9]{9})$/.test(value);
}

export type TerritoryLabelHistoryEntry = {
  year: number;
  awardedOn: string;
  validUntilOn: string;
  state: LabelState;
  /** Paris day of the revocation, when revoked. */
  revokedOn: string | null;
  renewal: boolean;
  certificateSerial: string | null;
};

export type TerritoryPublicPage = {
  code: string;
  kind: "COMMUNE" | "EPCI";
  name: string;
  epciKind: PublicLabel["epciKind"];
  departmentCode: string | null;
  departmentName: string | null;
  regionName: string | null;
  population: number;
  /** Newest round first. */
  history: TerritoryLabelHistoryEntry[];
  /** The label held now (its history entry), or null. */
  current: TerritoryLabelHistoryEntry | null;
};

/** The public page of a territory, or null for an unknown or malformed code. */
export async function getTerritoryPublicPage(db: Reader, rawCode: string, now: Date = new Date()): Promise<TerritoryPublicPage | null> {
  const code = rawCode.toUpperCase();
  if (!isTerritoryCode(code)) return null;
  const territory = await db.territory.findUnique({
    where: { code },
    select: {
      code: true,
      kind: true,
      name: true,
      epciKind: true,
      population: true,
      departmentCode: true,
      department: { select: { name: true, region: { select: { name: true } } } },
      region: { select: { name: true } },
      organization: { select: { id: true } },
    },
  });
  if (!territory) return null;
  const labels = territory.organization
    ? await db.$queryRawUnsafe<LabelRow[]>(`SELECT ${LABEL_COLUMNS} ${LABEL_JOINS} WHERE l."organizationId" = $1 ORDER BY r."year" DESC`, territory.organization.id)
    : [];
  const certificates = await certificatesOf(
    db,
    labels.map((label) => label.id),
  );
  const held = currentLabel(labels, now);
  const history = labels.map((label) => ({
    year: label.year,
    awardedOn: parisDay(label.awardedAt),
    validUntilOn: parisDay(label.validUntil),
    state: labelStateAt(label, now),
    revokedOn: label.revokedAt ? parisDay(label.revokedAt) : null,
    renewal: isRenewal(label, labels),
    certificateSerial: currentCertificate(certificates.get(label.id) ?? [])?.serial ?? null,
    held: label === held,
  }));
  return {
    code: territory.code,
    kind: territory.kind,
    name: territory.name,
    epciKind: territory.epciKind,
    departmentCode: territory.departmentCode,
    departmentName: territory.department?.name ?? null,
    regionName: territory.region?.name ?? territory.department?.region.name ?? null,
    population: territory.population,
    history: history.map(({ held: _held, ...entry }) => entry),
    current: (() => {
      const entry = history.find((candidate) => candidate.held);
      if (!entry) return null;
      const { held: _held, ...rest } = entry;
      return rest;
    })(),
  };
}
