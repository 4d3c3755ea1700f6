// The open data of the registry, as data.gouv.fr publishers do it: one row per territory holding
// a valid label, keyed by INSEE code (communes) or SIREN (EPCI), in CSV and JSON with a Table
// Schema (https://specs.frictionlessdata.io/table-schema/) and the Licence Ouverte 2.0. Pure.
import { stringify } from "csv-stringify/sync";
import { compareByName } from "./registry-rules";
import type { PublicLabel } from "./types";

export const LICENCE = { name: "Licence Ouverte / Open Licence version 2.0", path: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/", id: "etalab-2.0" } as const;

export type OpenDataRow = {
  code: string;
  siren: string;
  nom: string;
  type: "commune" | "epci";
  departement_code: string;
  departement_nom: string;
  region_code: string;
  region_nom: string;
  campagne: number;
  obtention: "premier_label" | "renouvellement";
  date_obtention: string;
  date_fin_validite: string;
  numero_certificat: string;
  url_verification: string;
};

type Field = { name: keyof OpenDataRow; type: "string" | "integer" | "date"; title: string; description: string; example: string; constraints?: Record<string, unknown> };

export const OPEN_DATA_FIELDS: Field[] = [
  { name: "code", type: "string", title: "Code du territoire", description: "Code INSEE de la commune (code officiel géographique 2026), ou SIREN de l'intercommunalité.", example: "13060", constraints: { required: true, unique: true, pattern: "^([0-9][0-9AB][0-9]{3}|[0-9]{9})$" } },
  { name: "siren", type: "string", title: "SIREN", description: "SIREN de la collectivité, vide s'il n'est pas connu.", example: "211300603", constraints: { pattern: "^([0-9]{9})?$" } },
  { name: "nom", type: "string", title: "Nom", description: "Nom officiel de la commune ou de l'intercommunalité.", example: "Meyreuil", constraints: { required: true } },
  { name: "type", type: "string", title: "Type de territoire", description: "commune ou epci (intercommunalité à fiscalité propre).", example: "commune", constraints: { required: true, enum: ["commune", "epci"] } },
  { name: "departement_code", type: "string", title: "Code du département", description: "Code du département (siège pour une intercommunalité).", example: "13" },
  { name: "departement_nom", type: "string", title: "Nom du département", description: "Nom du département.", example: "Bouches-du-Rhône" },
  { name: "region_code", type: "string", title: "Code de la région", description: "Code de la région.", example: "93" },
  { name: "region_nom", type: "string", title: "Nom de la région", description: "Nom de la région.", example: "Provence-Alpes-Côte d'Azur" },
  { name: "campagne", type: "integer", title: "Campagne", description: "Année de la campagne annuelle qui a décerné le label en cours.", example: "2026", constraints: { required: true, minimum: 2000 } },
  { name: "obtention", type: "string", title: "Premier label ou renouvellement", description: "premier_label la première année, renouvellement ensuite.", example: "premier_label", constraints: { required: true, enum: ["premier_label", "renouvellement"] } },
  { name: "date_obtention", type: "date", title: "Date d'obtention", description: "Jour (heure de Paris) où le label a été décerné.", example: "2026-05-02", constraints: { required: true } },
  { name: "date_fin_validite", type: "date", title: "Fin de validité", description: "Dernier jour (heure de Paris) où le label est valable.", example: "2027-12-31", constraints: { required: true } },
  { name: "numero_certificat", type: "string", title: "Numéro du certificat", description: "Numéro du certificat en cours (un certificat remplacé n'apparaît plus) ; vide tant qu'il n'est pas émis.", example: "CCD-2026-7KQ4-M9XH" },
  { name: "url_verification", type: "string", title: "Page de vérification", description: "Adresse publique où vérifier le certificat ; vide tant qu'il n'est pas émis.", example: "https://label.example.fr/verifier/CCD-2026-7KQ4-M9XH", constraints: {} },
];

export function verificationUrl(appUrl: string, serial: string): string {
  return `${appUrl.replace(/\/$/, "")}/verifier/${encodeURIComponent(serial)}`;
}

export function openDataRows(labels: readonly PublicLabel[], appUrl: string): OpenDataRow[] {
  return [...labels].sort(compareByName).map((label) => ({
    code: label.territoryCode,
    siren: label.siren ?? "",
    nom: label.name,
    type: label.kind === "COMMUNE" ? "commune" : "epci",
    departement_code: label.departmentCode ?? "",
    departement_nom: label.departmentName ?? "",
    region_code: label.regionCode ?? "",
    region_nom: label.regionName ?? "",
    campagne: label.year,
    obtention: label.renewal ? "renouvellement" : "premier_label",
    date_obtention: label.awardedOn,
    date_fin_validite: label.validUntilOn,
    numero_certificat: label.certificateSerial ?? "",
    url_verification: label.certificateSerial ? verificationUrl(appUrl, label.certificateSerial) : "",
  }));
}

/** CSV in UTF-8 with a BOM (spreadsheets then read the accents), comma-separated, CRLF. */
export function openDataCsv(rows: readonly OpenDataRow[]): string {
  const columns = OPEN_DATA_FIELDS.map((field) => field.name);
  return `\uFEFF${stringify(rows as OpenDataRow[], { header: true, columns, record_delimiter: "windows" })}`;
}

export function openDataJson(rows: readonly OpenDataRow[], generatedAt: Date, appUrl: string): string {
  return JSON.stringify(
    {
      titre: "Territoires labellisés Commune Cyber Dynamique",
      licence: LICENCE,
      schema: `${appUrl.replace(/\/$/, "")}/donnees/schema.json`,
      genere_le: generatedAt.toISOString(),
      nombre: rows.length,
      territoires: rows,
    },
    null,
    2,
  );
}

/** The Table Schema of both files (fields in the CSV's column order). */
export function openDataSchema(appUrl: string) {
  return {
    $schema: "https://frictionlessdata.io/schemas/table-schema.json",
    name: "territoires-labellises-commune-cyber-dynamique",
    title: "Territoires labellisés Commune Cyber Dynamique",
    description:
      "Communes et intercommunalités qui détiennent un label Commune Cyber Dynamique valide : ni expiré, ni retiré. Mise à jour en continu, à la minute près.",
    version: "1.0.0",
    licenses: [{ name: LICENCE.id, title: LICENCE.name, path: LICENCE.path }],
    homepage: `${appUrl.replace(/\/$/, "")}/donnees`,
    path: `${appUrl.replace(/\/$/, "")}/donnees/labellisees.csv`,
    missingValues: [""],
    primaryKey: "code",
    fields: OPEN_DATA_FIELDS.map(({ name, type, title, description, example, constraints }) => ({
      name,
      type,
      ...(type === "date" ? { format: "%Y-%m-%d" } : {}),
      title,
      description,
      example,
      ...(constraints && Object.keys(constraints).length > 0 ? { constraints } : {}),
    })),
  };
}
