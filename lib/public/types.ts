// What the public pages know about a territory that holds a valid label. Plain JSON (days as
// "YYYY-MM-DD" strings, no Date) so the rows survive Next's data cache unchanged.

export type PublicLabel = {
  territoryCode: string;
  kind: "COMMUNE" | "EPCI";
  name: string;
  /** Normalized name, the sort key (same as Territory.searchName). */
  searchName: string;
  /** The SIREN of the commune or the EPCI (the code of an EPCI is its SIREN). */
  siren: string | null;
  epciKind: "CC" | "CA" | "CU" | "METRO" | null;
  postcodes: string[];
  departmentCode: string | null;
  departmentName: string | null;
  regionCode: string | null;
  regionName: string | null;
  /** The round of the label held now. */
  year: number;
  /** Paris days. */
  awardedOn: string;
  validUntilOn: string;
  renewal: boolean;
  /** The current certificate's serial (replaced ones never), null until it is issued. */
  certificateSerial: string | null;
};

export type RegistryFilters = {
  q?: string;
  region?: string;
  departement?: string;
  kind?: "COMMUNE" | "EPCI";
  year?: number;
  type?: "premier" | "renouvellement";
  page?: number;
};
