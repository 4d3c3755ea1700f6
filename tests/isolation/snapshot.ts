// "Nothing changed", checked on the whole database: per table, its row count and an md5 over
// every row's text, in one query. A table added by a later migration is included by itself.
import type { Db } from "@/lib/db/create-client";

export type Snapshot = Record<string, string>;

const statements = new WeakMap<Db, Promise<string>>();

async function snapshotStatement(db: Db): Promise<string> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  if (tables.length === 0) throw new Error("Aucune table trouvée : la base de test n'est pas migrée.");
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const columns = tables.map(
    ({ name }) =>
      `(SELECT count(*) || ':' || md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) FROM ${quote(name)} r) AS ${quote(name)}`,
  );
  return `SELECT ${columns.join(",\n")}`;
}

export async function snapshot(db: Db): Promise<Snapshot> {
  let statement = statements.get(db);
  if (!statement) {
    statement = snapshotStatement(db);
    statements.set(db, statement);
  }
  const [row] = await db.$queryRawUnsafe<Snapshot[]>(await statement);
  return row!;
}

/** Tables whose content differs, with their row counts before and after. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const rows = (value: string | undefined) => value?.split(":")[0] ?? "absente";
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name} (${rows(before[name])} → ${rows(after[name])} lignes)`);
}
