// Loads the territory of France (regions, départements, communes, EPCI) into the database.
// Territories are referenced by organizations, so rows are upserted, never deleted and
// recreated; a territory that disappears from a later edition of the code keeps its row (with
// its old cogYear) and only loses its search keys. Search keys are derived data and rebuilt.
//
// Speed: whole arrays are sent as a few parameters and expanded with unnest(), a few thousand
// rows per statement, all in one transaction (about 5,000 rows x 12 columns would exceed the
// 65,535 bind parameters of a VALUES list; unnest has one parameter per column).
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/db/generated/client";
import {
  COG_YEAR,
  buildTerritoryRows,
  loadCogSource,
  type CogSource,
  type DepartmentRow,
  type RegionRow,
  type SearchKeyRow,
  type TerritoryRow,
} from "./cog";

export { COG_YEAR } from "./cog";

export type ImportOptions = {
  log?: (line: string) => void;
  /** Defaults to the files of @etalab/decoupage-administratif. */
  source?: CogSource;
};

export type ImportResult = {
  regions: number;
  departments: number;
  communes: number;
  epci: number;
  /** Communes attached to an EPCI. */
  memberships: number;
  searchKeys: number;
  /** Territory rows inserted or actually modified (0 when the data did not change). */
  territoriesChanged: number;
  ms: number;
};

const CHUNK_SIZE = 5_000;
// Any constant shared by all importers: two imports at once wait for each other.
const IMPORT_LOCK_KEY = 4_318_220_260;

type Tx = Prisma.TransactionClient;

function chunks<T>(rows: T[], size = CHUNK_SIZE): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += size) result.push(rows.slice(start, start + size));
  return result;
}

async function upsertRegions(tx: Tx, rows: RegionRow[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await tx.$executeRaw`
      INSERT INTO "Region" ("code", "name")
      SELECT * FROM unnest(${chunk.map((r) => r.code)}::text[], ${chunk.map((r) => r.name)}::text[])
      ON CONFLICT ("code") DO UPDATE SET "name" = EXCLUDED."name"
      WHERE "Region"."name" IS DISTINCT FROM EXCLUDED."name"`;
  }
}

async function upsertDepartments(tx: Tx, rows: DepartmentRow[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await tx.$executeRaw`
      INSERT INTO "Department" ("code", "name", "regionCode")
      SELECT * FROM unnest(
        ${chunk.map((r) => r.code)}::text[],
        ${chunk.map((r) => r.name)}::text[],
        ${chunk.map((r) => r.regionCode)}::text[])
      ON CONFLICT ("code") DO UPDATE SET "name" = EXCLUDED."name", "regionCode" = EXCLUDED."regionCode"
      WHERE ("Department"."name", "Department"."regionCode") IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."regionCode")`;
  }
}

/** Returns the number of rows inserted or modified. */
async function upsertTerritories(tx: Tx, rows: TerritoryRow[]): Promise<number> {
  let changed = 0;
  for (const chunk of chunks(rows)) {
    // Postcodes travel as one space-separated string per row: unnest() would flatten a
    // two-dimensional array, and arrays of arrays must be rectangular anyway.
    changed += await tx.$executeRaw`
      INSERT INTO "Territory" ("code", "kind", "name", "searchName", "siren", "departmentCode", "regionCode",
                               "population", "postcodes", "epciKind", "epciCode", "cogYear")
      SELECT u.code, u.kind::"TerritoryKind", u.name, u.search_name, u.siren, u.department_code, u.region_code,
             u.population, string_to_array(u.postcodes, ' '), u.epci_kind::"EpciKind", u.epci_code, ${COG_YEAR}::int
      FROM unnest(
        ${chunk.map((r) => r.code)}::text[],
        ${chunk.map((r) => r.kind)}::text[],
        ${chunk.map((r) => r.name)}::text[],
        ${chunk.map((r) => r.searchName)}::text[],
        ${chunk.map((r) => r.siren)}::text[],
        ${chunk.map((r) => r.departmentCode)}::text[],
        ${chunk.map((r) => r.regionCode)}::text[],
        ${chunk.map((r) => r.population)}::int[],
        ${chunk.map((r) => r.postcodes.join(" "))}::text[],
        ${chunk.map((r) => r.epciKind)}::text[],
        ${chunk.map((r) => r.epciCode)}::text[]
      ) AS u(code, kind, name, search_name, siren, department_code, region_code, population, postcodes, epci_kind, epci_code)
      ON CONFLICT ("code") DO UPDATE SET
        "kind" = EXCLUDED."kind", "name" = EXCLUDED."name", "searchName" = EXCLUDED."searchName",
        "siren" = EXCLUDED."siren", "departmentCode" = EXCLUDED."departmentCode", "regionCode" = EXCLUDED."regionCode",
        "population" = EXCLUDED."population", "postcodes" = EXCLUDED."postcodes", "epciKind" = EXCLUDED."epciKind",
        "epciCode" = EXCLUDED."epciCode", "cogYear" = EXCLUDED."cogYear"
      -- Unchanged rows are left alone: a second run writes nothing.
      WHERE ("Territory"."kind", "Territory"."name", "Territory"."searchName", "Territory"."siren",
             "Territory"."departmentCode", "Territory"."regionCode", "Territory"."population", "Territory"."postcodes",
             "Territory"."epciKind", "Territory"."epciCode", "Territory"."cogYear")
        IS DISTINCT FROM
            (EXCLUDED."kind", EXCLUDED."name", EXCLUDED."searchName", EXCLUDED."siren",
             EXCLUDED."departmentCode", EXCLUDED."regionCode", EXCLUDED."population", EXCLUDED."postcodes",
             EXCLUDED."epciKind", EXCLUDED."epciCode", EXCLUDED."cogYear")`;
  }
  return changed;
}

/**
 * Search keys are derived from the names: rebuilt from scratch. Deleting inside the import
 * transaction (rather than TRUNCATE, which locks out readers) lets searches running meanwhile
 * keep seeing the previous keys until the commit.
 */
async function rebuildSearchKeys(tx: Tx, rows: SearchKeyRow[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM "TerritorySearchKey"`;
  for (const chunk of chunks(rows, 10_000)) {
    // Keys are normalized text stored as UTF-8 bytes (see search.ts for why).
    await tx.$executeRaw`
      INSERT INTO "TerritorySearchKey" ("key", "territoryCode", "wordIndex")
      SELECT convert_to(u.key, 'UTF8'), u.territory_code, u.word_index
      FROM unnest(
        ${chunk.map((r) => r.key)}::text[],
        ${chunk.map((r) => r.territoryCode)}::text[],
        ${chunk.map((r) => r.wordIndex)}::int[]
      ) AS u(key, territory_code, word_index)`;
  }
}

/**
 * Imports (or refreshes) the regions, départements, communes and EPCI of the Code officiel
 * géographique. Idempotent: running it again updates names and populations and changes
 * nothing else.
 */
export async function importTerritories(db: Db, options: ImportOptions = {}): Promise<ImportResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const rows = buildTerritoryRows(options.source ?? (await loadCogSource()));
  log(
    `Code officiel géographique ${COG_YEAR} lu : ${rows.communes.length} communes, ${rows.epci.length} EPCI ` +
      `(${Math.round(performance.now() - started)} ms)`,
  );

  const territoriesChanged = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY}::bigint)`;
      let step = performance.now();
      const lap = () => {
        const ms = Math.round(performance.now() - step);
        step = performance.now();
        return ms;
      };
      await upsertRegions(tx, rows.regions);
      await upsertDepartments(tx, rows.departments);
      log(`Régions et départements enregistrés (${lap()} ms)`);
      // EPCI first: communes point at them.
      const changedEpci = await upsertTerritories(tx, rows.epci);
      const changedCommunes = await upsertTerritories(tx, rows.communes);
      log(`Territoires enregistrés, ${changedEpci + changedCommunes} créés ou modifiés (${lap()} ms)`);
      await rebuildSearchKeys(tx, rows.searchKeys);
      log(`${rows.searchKeys.length} clés de recherche reconstruites (${lap()} ms)`);
      return changedEpci + changedCommunes;
    },
    // The default 5 s limit of interactive transactions is too short on the embedded database.
    { maxWait: 30_000, timeout: 300_000 },
  );

  // Fresh statistics, or the planner guesses the sizes of the tables it just saw filled and
  // the search scans them whole; the vacuum also moves the new postcodes out of the GIN
  // index's pending list (slow to search) and drops the replaced search keys. The embedded
  // PGlite has no autovacuum to do it later. VACUUM cannot run inside the transaction.
  const vacuumStarted = performance.now();
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "Region", "Department", "Territory", "TerritorySearchKey"`);
  log(`Statistiques de la base mises à jour (${Math.round(performance.now() - vacuumStarted)} ms)`);

  const ms = Math.round(performance.now() - started);
  log(`Import des territoires terminé en ${ms} ms`);
  return {
    regions: rows.regions.length,
    departments: rows.departments.length,
    communes: rows.communes.length,
    epci: rows.epci.length,
    memberships: rows.communes.filter((commune) => commune.epciCode !== null).length,
    searchKeys: rows.searchKeys.length,
    territoriesChanged,
    ms,
  };
}

export async function isTerritoryTableEmpty(db: Db): Promise<boolean> {
  const [row] = await db.$queryRaw<{ empty: boolean }[]>`SELECT NOT EXISTS (SELECT 1 FROM "Territory") AS "empty"`;
  return row?.empty ?? true;
}

/**
 * True when the territories are missing or come from an older edition of the geographic code
 * than the one this code ships (after an upgrade of @etalab/decoupage-administratif): start-up
 * can then run the import, instead of only on an empty database.
 */
export async function needsTerritoryImport(db: Db): Promise<boolean> {
  const [row] = await db.$queryRaw<{ needed: boolean }[]>`
    SELECT NOT EXISTS (SELECT 1 FROM "Territory" WHERE "cogYear" >= ${COG_YEAR}::int) AS "needed"`;
  return row?.needed ?? true;
}

export async function countTerritories(db: Db): Promise<{ communes: number; epci: number }> {
  const [row] = await db.$queryRaw<{ communes: number; epci: number }[]>`
    SELECT count(*) FILTER (WHERE "kind" = 'COMMUNE')::int AS "communes",
           count(*) FILTER (WHERE "kind" = 'EPCI')::int AS "epci"
    FROM "Territory"`;
  return { communes: row?.communes ?? 0, epci: row?.epci ?? 0 };
}
