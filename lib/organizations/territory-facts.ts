/** The official data of an organization's territory shown to its members and to administrators. */
export const territoryFactsSelect = {
  code: true,
  kind: true,
  siren: true,
  population: true,
  postcodes: true,
  epciKind: true,
  department: { select: { code: true, name: true } },
  region: { select: { name: true } },
  epci: { select: { name: true } },
} as const;
