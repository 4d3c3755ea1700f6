// Words and dates of the public pages, shared by the pages (components/public) and the kit's
// documents (lib/public/kit.ts). Pure.
import type { PublicLabel } from "./types";

const epciKindLabels = { CC: "Communauté de communes", CA: "Communauté d’agglomération", CU: "Communauté urbaine", METRO: "Métropole" } as const;

export function kindLabel(territory: Pick<PublicLabel, "kind" | "epciKind">): string {
  if (territory.kind === "COMMUNE") return "Commune";
  return territory.epciKind ? epciKindLabels[territory.epciKind] : "Intercommunalité";
}

const longDay = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });

/** "2027-12-31" → "31 décembre 2027" (a Paris calendar day, shown as such). */
export function dayLabel(day: string): string {
  return longDay.format(new Date(`${day}T12:00:00Z`));
}

export function countLabel(count: number, one: string, many: string): string {
  return `${new Intl.NumberFormat("fr-FR").format(count).replace(/\u202f/g, "\u00a0")} ${count > 1 ? many : one}`;
}
